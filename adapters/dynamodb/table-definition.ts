import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** A global secondary index, named after the access pattern it serves (`byDomain`, not `gsi1`). */
export interface GlobalSecondaryIndex {
  indexName: string;
  partitionKey: string;
  sortKey: string;
  /** The non-key attributes the index keeps (INCLUDE): lists read a summary, never whole items. */
  projected: readonly string[];
}

/**
 * The key layout the items are written in. Bump it with every change of an entity's keys and
 * add the step to `migrations` in bootstrap.ts, so a local table in the older layout is
 * brought forward on start. 1: overrides under `T#<id>` (no trailing `#`), GSIs gsi1/gsi2
 * that nothing used; 2: every tenant key under `T#<id>#`, no GSIs; 3: the order GSIs byOwner
 * and byStatus; 4: stock as one item per offer (`STOCK`) instead of one per SKU (`STOCK#<skuId>`);
 * 5: stock as a map in the offer item itself (sk `OFFER`), no stock item; 6: each tenant with an
 * override has its overrides mark (`T#<id>#TENANT` / `OVERRIDES`).
 */
export const LAYOUT_VERSION = 6;

/**
 * The one DynamoDB table of a region, defined once: CDK (lib/constructs/data.ts), the local
 * platform and the tests all build it from this. Single-table design; the item types and
 * their keys are declared once in adapters/dynamodb/entities/ (tenant data under
 * `T#<tenantId>#`, GSI keys too, so deployed roles can be scoped with dynamodb:LeadingKeys),
 * and each repository keeps the access patterns it serves next to its code.
 *
 * A GSI is added here when an entity declares keys for it (the entity test fails for an index
 * no entity fills). Both project only the order's summary, so an order of 150 lines costs its
 * list entries a few hundred bytes each, not its whole size again.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalSecondaryIndexes: [
    // A buyer's (or a guest email's) orders, newest first.
    { indexName: 'byOwner', partitionKey: 'ownerPk', sortKey: 'ownerSk', projected: ['summary'] },
    // A tenant's orders of one status, newest first (the partner's lists, the payment deadlines).
    { indexName: 'byStatus', partitionKey: 'statusPk', sortKey: 'statusSk', projected: ['summary'] },
  ] as readonly GlobalSecondaryIndex[],
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
    ...(def.globalSecondaryIndexes.length > 0 && {
      GlobalSecondaryIndexes: def.globalSecondaryIndexes.map((g) => ({
        IndexName: g.indexName,
        KeySchema: [
          { AttributeName: g.partitionKey, KeyType: 'HASH' },
          { AttributeName: g.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...g.projected] },
      })),
    }),
    StreamSpecification: { StreamEnabled: true, StreamViewType: def.streamViewType },
  };
}
