import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client as SearchClient } from '@opensearch-project/opensearch';
import { createDocumentClient, createDynamoClient } from '../adapters/dynamodb/client.ts';
import { DynamoTenantRepository } from '../adapters/dynamodb/tenant-repository.ts';
import { createSearchClient } from '../adapters/opensearch/client.ts';
import { cachedDirectory, type TenantDirectory } from '../core/tenants/tenant.ts';
import { type Config, loadConfig } from './config.ts';

/**
 * The one place handlers get their adapters from, the same in Lambda and on the local
 * platform (which differ only in environment). Built on first use and kept for the life of
 * the container, so clients and connections are reused across invocations.
 */
export interface Services {
  config: Config;
  dynamo: DynamoDBClient;
  db: DynamoDBDocumentClient;
  search: SearchClient;
  tenantRepository: DynamoTenantRepository;
  tenants: TenantDirectory;
}

let current: Services | undefined;

export function services(): Services {
  current ??= buildServices(loadConfig());
  return current;
}

export function buildServices(config: Config): Services {
  const dynamo = createDynamoClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
  const db = createDocumentClient(dynamo);
  const tenantRepository = new DynamoTenantRepository(db, config.TABLE_NAME);
  return {
    config,
    dynamo,
    db,
    search: createSearchClient({
      endpoint: config.OPENSEARCH_ENDPOINT,
      region: config.AWS_REGION,
      auth: config.OPENSEARCH_AUTH,
    }),
    tenantRepository,
    tenants: cachedDirectory(tenantRepository, config.TENANT_CACHE_TTL_MS),
  };
}
