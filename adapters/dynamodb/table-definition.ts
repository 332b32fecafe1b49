import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one DynamoDB table of a region, defined once: CDK (lib/constructs/data.ts), the local
 * platform and the tests all build it from this. Single-table design; each repository keeps
 * the access patterns it serves next to its code. Every key that holds tenant data starts with
 * `T#<tenantId>#` (GSI keys too), so deployed roles can be scoped with dynamodb:LeadingKeys.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  /** Epoch seconds after which DynamoDB deletes the item (idempotency records, expired quotes). */
  timeToLiveAttribute: 'ttl',
  /** The handoff dispatcher reads new and old images from the stream. */
  streamViewType: 'NEW_AND_OLD_IMAGES',
} as const;

/** Key attributes are strings throughout. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const def = tableDefinition;
  const keyNames = [
    def.partitionKey,
    def.sortKey,
    ...def.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: def.streamViewType },
  };
}
