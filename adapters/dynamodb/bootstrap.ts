import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, paginateScan, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './batch.ts';
import { createDocumentClient } from './client.ts';
import {
  type OfferOverrideItem,
  offerOverride,
  type TenantOverridesMarkItem,
  tenantOverridesMark,
} from './entities/offer-override.ts';
import { offerStock } from './entities/sku-stock.ts';
import { type TableLayoutItem, tableLayout } from './entities/table-layout.ts';
import { createTableInput, LAYOUT_VERSION, tableDefinition } from './table-definition.ts';

export type TableState =
  | { status: 'created' | 'current' }
  | { status: 'migrated'; from: number; to: number; rekeyed: number };

export interface EnsureTableOptions {
  /** Told, in one sentence, before a table in an older key layout is migrated. */
  log?: (message: string) => void;
}

/**
 * Creates the table from the single definition when absent, and brings a table written in an
 * older key layout to the current one (local platform and tests only; in AWS, CDK owns the
 * table and a layout change ships with its own migration). The layout is the `tableLayout`
 * item; a table without it was written before layouts were versioned, in layout 1.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: EnsureTableOptions = {},
): Promise<TableState> {
  const db = createDocumentClient(client);
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: tableName });
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      }),
    );
    await writeLayout(db, tableName);
    return { status: 'created' };
  }
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: tableLayout.key({}), ConsistentRead: true }),
  );
  const from = Number((Item as TableLayoutItem | undefined)?.layoutVersion ?? 1);
  if (from === LAYOUT_VERSION) return { status: 'current' };
  if (from > LAYOUT_VERSION) {
    throw new Error(
      `DynamoDB table ${tableName} is in key layout ${from}, newer than this checkout's ${LAYOUT_VERSION}: ` +
        'check out the newer code, or delete the local data (.local/dynamodb) to start empty.',
    );
  }
  options.log?.(
    `DynamoDB table ${tableName} is in key layout ${from}; migrating it to layout ${LAYOUT_VERSION} ` +
      '(tenant data moves under T#<tenantId>#, indexes are added or dropped as defined), once.',
  );
  let rekeyed = 0;
  for (let version = from; version < LAYOUT_VERSION; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`no migration from key layout ${version}`);
    rekeyed += await step(client, tableName);
  }
  await writeLayout(db, tableName);
  return { status: 'migrated', from, to: LAYOUT_VERSION, rekeyed };
}

async function writeLayout(db: ReturnType<typeof createDocumentClient>, tableName: string) {
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...tableLayout.key({}),
        layoutVersion: LAYOUT_VERSION,
        migratedAt: new Date().toISOString(),
      } satisfies TableLayoutItem,
    }),
  );
}

/** Each step brings the table from layout n to n + 1 and answers how many items it rekeyed. */
const migrations: Record<number, (client: DynamoDBClient, tableName: string) => Promise<number>> = {
  /** 1 → 2: offer overrides from `T#<id>` / `OVERRIDE#OFFER#<offerId>` to their entity key; gsi1/gsi2 dropped. */
  1: async (client, tableName) => {
    const db = createDocumentClient(client);
    const old = 'OVERRIDE#OFFER#';
    let rekeyed = 0;
    const pages = paginateScan(
      { client: db },
      {
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :t) AND begins_with(sk, :o)',
        ExpressionAttributeValues: { ':t': 'T#', ':o': old },
      },
    );
    for await (const page of pages) {
      const requests = (page.Items ?? []).flatMap((item) => {
        const tenantId = String(item.pk).slice('T#'.length);
        const offerId = String(item.sk).slice(old.length);
        const key = offerOverride.lookupKey({ tenantId, offerId });
        const moved: OfferOverrideItem | undefined = key && {
          ...key,
          offerId,
          override: item.override as OfferOverrideItem['override'],
        };
        return [
          ...(moved ? [{ PutRequest: { Item: moved } }] : []),
          { DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } },
        ];
      });
      await batchWriteAll(db, tableName, requests);
      rekeyed += requests.filter((r) => 'PutRequest' in r).length;
    }
    await dropIndexesNotDefined(client, tableName);
    return rekeyed;
  },
  /** 2 → 3: the order indexes (byOwner, byStatus) added; no item moves. */
  2: async (client, tableName) => {
    await createMissingIndexes(client, tableName);
    return 0;
  },
  /** 3 → 4: stock from one item per SKU (`OFFER#<id>` / `STOCK#<skuId>`) to one item per offer. */
  3: async (client, tableName) => {
    const db = createDocumentClient(client);
    // Layout 4's stock item: `OFFER#<id>` / `STOCK`, moved into the offer item by the next step.
    const byOffer = new Map<
      string,
      { pk: string; sk: string; offerId: string; stock: Record<string, number>; feedVersion: number }
    >();
    const old: { pk: string; sk: string }[] = [];
    const pages = paginateScan(
      { client: db },
      {
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :o) AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':o': 'OFFER#', ':s': 'STOCK#' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const offerId = String(item.offerId);
        const merged = byOffer.get(offerId) ?? {
          pk: `OFFER#${offerId}`,
          sk: 'STOCK',
          offerId,
          stock: {},
          feedVersion: 0,
        };
        merged.stock[String(item.skuId)] = Number(item.stock);
        merged.feedVersion = Math.max(merged.feedVersion, Number(item.feedVersion ?? 0));
        byOffer.set(offerId, merged);
        old.push({ pk: String(item.pk), sk: String(item.sk) });
      }
    }
    await batchWriteAll(db, tableName, [
      ...[...byOffer.values()].map((Item) => ({ PutRequest: { Item } })),
      ...old.map((Key) => ({ DeleteRequest: { Key } })),
    ]);
    return old.length;
  },
  /** 4 → 5: an offer's stock item (`OFFER#<id>` / `STOCK`) moved into the offer item as its `stock` map. */
  4: async (client, tableName) => {
    const db = createDocumentClient(client);
    const moved: { pk: string; sk: string }[] = [];
    const pages = paginateScan(
      { client: db },
      {
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :o) AND sk = :s',
        ExpressionAttributeValues: { ':o': 'OFFER#', ':s': 'STOCK' },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const offerId = String(item.offerId);
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: offerStock.key({ offerId }),
            UpdateExpression: 'SET #st = :st, offerId = :id',
            ExpressionAttributeNames: { '#st': 'stock' },
            ExpressionAttributeValues: { ':st': item.stock ?? {}, ':id': offerId },
          }),
        );
        moved.push({ pk: String(item.pk), sk: String(item.sk) });
      }
    }
    await batchWriteAll(
      db,
      tableName,
      moved.map((Key) => ({ DeleteRequest: { Key } })),
    );
    return moved.length;
  },
  /** 5 → 6: the overrides mark of every tenant that has an override; no item moves. */
  5: async (client, tableName) => {
    const db = createDocumentClient(client);
    const tenants = new Set<string>();
    const pages = paginateScan(
      { client: db },
      {
        TableName: tableName,
        FilterExpression: 'begins_with(pk, :t) AND sk = :s',
        ExpressionAttributeValues: { ':t': 'T#', ':s': 'OVERRIDE' },
        ProjectionExpression: 'pk',
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) tenants.add(String(item.pk).slice('T#'.length).split('#')[0]!);
    }
    const since = new Date().toISOString();
    await batchWriteAll(
      db,
      tableName,
      [...tenants].map((tenantId) => ({
        PutRequest: {
          Item: { ...tenantOverridesMark.key({ tenantId }), since } satisfies TenantOverridesMarkItem,
        },
      })),
    );
    return 0;
  },
};

async function indexStates(client: DynamoDBClient, tableName: string) {
  const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  return new Map((table?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName!, g.IndexStatus]));
}

/** Adds the GSIs the definition has and the table lacks, one at a time (DynamoDB's rule), each until ACTIVE. */
async function createMissingIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  const input = createTableInput(tableName);
  for (const index of input.GlobalSecondaryIndexes ?? []) {
    if ((await indexStates(client, tableName)).has(index.IndexName!)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: input.AttributeDefinitions,
        GlobalSecondaryIndexUpdates: [
          {
            Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection },
          },
        ],
      }),
    );
    for (
      let waited = 0;
      (await indexStates(client, tableName)).get(index.IndexName!) !== 'ACTIVE';
      waited += 200
    ) {
      if (waited > 120_000)
        throw new Error(`index ${index.IndexName} of ${tableName} not active after 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Drops the table's GSIs the definition no longer has, one at a time (DynamoDB's rule). An index
 * already DELETING (a migration stopped midway) is waited for, not deleted again: DynamoDB refuses
 * that with ResourceInUse. Dropping an index of a large table takes a while on DynamoDB Local.
 */
async function dropIndexesNotDefined(client: DynamoDBClient, tableName: string): Promise<void> {
  const defined = new Set(tableDefinition.globalSecondaryIndexes.map((g) => g.indexName));
  const undefinedIndexes = async () =>
    [...(await indexStates(client, tableName))].filter(([name]) => !defined.has(name));
  for (const [indexName, status] of await undefinedIndexes()) {
    if (status !== 'DELETING') {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: indexName } }],
        }),
      );
    }
    for (let waited = 0; (await undefinedIndexes()).some(([name]) => name === indexName); waited += 500) {
      if (waited > 600_000) throw new Error(`index ${indexName} of ${tableName} still there after 10 min`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

export async function deleteTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch((error: unknown) => {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  });
}
