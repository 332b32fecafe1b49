import { documentsFromStore } from '../../adapters/catalog-import.ts';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.ts';
import { ensureOffersIndex } from '../../adapters/opensearch/bootstrap.ts';
import { createSearchClient } from '../../adapters/opensearch/client.ts';
import {
  answerCustomResource,
  type CustomResourceEvent as Event,
  type RemainingTime,
} from '../custom-resource.ts';
import { jobLogger } from '../http/telemetry.ts';

/**
 * CloudFormation custom resource (Custom::OffersIndex) that creates the offers index and its
 * alias on the region's OpenSearch domain from the single index definition, on every create
 * and update of the stack; an existing alias is left as it is unless the index behind it was
 * built from an older schema version (the `SchemaVersion` property changes with it, so the
 * resource runs again): then the offers are reindexed into a new index, each document rebuilt
 * from the region table (TABLE_NAME) so the new schema's fields are filled, as the local
 * platform does on start. Delete keeps the index: the catalog outlives a stack update that
 * replaces this resource.
 *
 * CloudFormation invokes this function directly, so it answers on the pre-signed ResponseURL
 * itself (no provider framework and no extra functions).
 */
export type CustomResourceEvent = Event<{
  Alias: string;
  Endpoint: string;
  SchemaVersion?: string;
  /** Replica count for the index (a string: CloudFormation passes properties as strings). */
  Replicas?: string;
}>;

const log = jobLogger('search-bootstrap');

export async function handler(event: CustomResourceEvent, context?: RemainingTime): Promise<void> {
  const alias = event.ResourceProperties.Alias;
  await answerCustomResource(event, context, {
    physicalResourceId: `offers-index:${alias}`,
    work: async () => {
      const region = process.env.AWS_REGION ?? 'us-east-1';
      const client = createSearchClient({
        endpoint: event.ResourceProperties.Endpoint,
        region,
        // SigV4 in AWS (the function's OPENSEARCH_AUTH); the local node for tests takes none.
        auth: process.env.OPENSEARCH_AUTH === 'none' ? 'none' : 'sigv4',
      });
      const tableName = process.env.TABLE_NAME;
      if (!tableName) throw new Error('TABLE_NAME is not set: the reindex rebuilds documents from the table');
      const db = createDocumentClient(
        createDynamoClient({ region, endpoint: process.env.DYNAMODB_ENDPOINT }),
      );
      const replicas = event.ResourceProperties.Replicas;
      const index = await ensureOffersIndex(client, alias, {
        ...(replicas !== undefined && { replicas: Number(replicas) }),
        rebuild: documentsFromStore({ db, tableName }),
      });
      log.info('offers index ready', { alias, index });
      return { data: { Index: index } };
    },
    onError: (error) => log.error('offers index bootstrap failed', { alias, error: error as Error }),
  });
}
