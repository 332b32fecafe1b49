import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { idempotencyPartition } from './entities/idempotency-record.ts';
import { tableDefinition } from './table-definition.ts';

/**
 * Access patterns (Powertools' DynamoDBPersistenceLayer on the region table)
 * | pattern                            | key (entities/idempotency-record.ts)                         |
 * | ---------------------------------- | ------------------------------------------------------------ |
 * | record / replay an idempotent call | pk = the tenant's (or the platform's) IDEMPOTENCY partition, sk = <route>#<hash of the key> |
 * The record holds its status, the stored answer and a hash of the request; DynamoDB's TTL
 * deletes it when it expires. One persistence layer per scope, built once per container.
 */
export function idempotencyStores(client: DynamoDBClient, tableName: string) {
  const stores = new Map<string, DynamoDBPersistenceLayer>();
  return (tenantId: string | undefined): DynamoDBPersistenceLayer => {
    const partition = idempotencyPartition(tenantId);
    let store = stores.get(partition);
    if (!store) {
      store = new DynamoDBPersistenceLayer({
        tableName,
        awsSdkV3Client: client,
        keyAttr: tableDefinition.partitionKey,
        sortKeyAttr: tableDefinition.sortKey,
        staticPkValue: partition,
        expiryAttr: tableDefinition.timeToLiveAttribute,
      });
      stores.set(partition, store);
    }
    return store;
  };
}
