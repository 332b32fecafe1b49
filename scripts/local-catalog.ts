import type { CatalogTargets } from '../adapters/catalog-import.ts';
import { loadConfig } from '../functions/config.ts';
import { connectLocal, localPlatformNames } from '../local/platform.ts';
import { serverOptionsFromEnv } from '../local/servers/index.ts';

/**
 * The table and offers index the catalog scripts work on: the local platform's (the same
 * servers and names as `npm start`, DYNAMODB_PORT / OPENSEARCH_PORT included), or wherever
 * TABLE_NAME / OFFERS_ALIAS / DYNAMODB_ENDPOINT / OPENSEARCH_ENDPOINT point. Exits with one
 * sentence when the servers are not reachable.
 */
export async function connectCatalog(): Promise<CatalogTargets> {
  const ports = serverOptionsFromEnv();
  const config = loadConfig({
    TABLE_NAME: localPlatformNames.tableName,
    OFFERS_ALIAS: localPlatformNames.offersAlias,
    OPENSEARCH_ENDPOINT: `http://127.0.0.1:${ports.opensearchPort}`,
    OPENSEARCH_AUTH: 'none',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${ports.dynamodbPort}`,
    AWS_REGION: 'local',
    ...process.env,
  });
  const services = await connectLocal(config).catch((error: unknown) => {
    console.error(
      `The local servers are not reachable (DynamoDB ${config.DYNAMODB_ENDPOINT}, OpenSearch ${config.OPENSEARCH_ENDPOINT}): start them with \`npm start\` or \`npm run servers\` first. (${(error as Error).message})`,
    );
    process.exit(2);
  });
  return {
    db: services.db,
    tableName: config.TABLE_NAME,
    search: services.search,
    offersAlias: config.OFFERS_ALIAS,
  };
}
