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
import { GetCommand, PutCommand, paginateScan, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll, forEachLimited } from './batch.ts';
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
 * older key layout to the current one: each step's data change and its index change (local
 * platform and tests; in AWS, CDK owns the table and its indexes, and the Custom::TableLayout
 * resource runs the same data steps through migrateTableData). The layout is the `tableLayout`
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
  const from = (await storedLayout(db, tableName)) ?? 1;
  if (from === LAYOUT_VERSION) return { status: 'current' };
  if (from > LAYOUT_VERSION) {
    throw new Error(
      `${newerLayoutMessage(tableName, from)}: check out the newer code, or delete the local data (.local/dynamodb) to start empty.`,
    );
  }
  options.log?.(
    `DynamoDB table ${tableName} is in key layout ${from}; migrating it to layout ${LAYOUT_VERSION} ` +
      '(tenant data moves under T#<tenantId>#, indexes are added or dropped as defined), once.',
  );
  const rekeyed = await runSteps(client, tableName, from, { indexes: true });
  await writeLayout(db, tableName);
  return { status: 'migrated', from, to: LAYOUT_VERSION, rekeyed };
}

export type DataMigrationState =
  | TableState
  /** The table is in a newer layout than this code's and was left as it is (a rollback). */
  | { status: 'newer'; layout: number };

export interface MigrateTableDataOptions extends EnsureTableOptions {
  /**
   * Leave a table in a newer layout as it is instead of refusing it: a stack rolling back to
   * code of an older layout (data steps go forward only, and a refused rollback leaves the stack
   * in UPDATE_ROLLBACK_FAILED).
   */
  allowNewer?: boolean;
}

/**
 * The data steps alone, from the stored layout to LAYOUT_VERSION, then the layout item: what a
 * deployed region runs on deploy (functions/jobs/table-layout.ts), where CDK has already made the
 * table and its indexes from the definition. A table with neither the layout item nor any
 * other item is a fresh one CDK just created: current, not layout 1. One with items but no
 * layout item was written before layouts were versioned: every data step runs (each is a scan
 * that finds nothing to change in a table already past its layout).
 */
export async function migrateTableData(
  client: DynamoDBClient,
  tableName: string,
  options: MigrateTableDataOptions = {},
): Promise<DataMigrationState> {
  const db = createDocumentClient(client);
  const stored = await storedLayout(db, tableName);
  if (stored === undefined && (await isEmpty(db, tableName))) {
    await writeLayout(db, tableName);
    return { status: 'current' };
  }
  const from = stored ?? 1;
  if (from === LAYOUT_VERSION) return { status: 'current' };
  if (from > LAYOUT_VERSION) {
    if (options.allowNewer) return { status: 'newer', layout: from };
    throw new Error(
      `${newerLayoutMessage(tableName, from)}: deploy the newer code (data steps only go forward).`,
    );
  }
  options.log?.(
    `DynamoDB table ${tableName} is in key layout ${from}; migrating its items to layout ${LAYOUT_VERSION}.`,
  );
  const rekeyed = await runSteps(client, tableName, from, { indexes: false });
  await writeLayout(db, tableName);
  return { status: 'migrated', from, to: LAYOUT_VERSION, rekeyed };
}

function newerLayoutMessage(tableName: string, layout: number): string {
  return `DynamoDB table ${tableName} is in key layout ${layout}, newer than this checkout's ${LAYOUT_VERSION}`;
}

/** The layout the table's items are in, from its layout item (undefined when it has none). */
async function storedLayout(
  db: ReturnType<typeof createDocumentClient>,
  tableName: string,
): Promise<number | undefined> {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: tableLayout.key({}), ConsistentRead: true }),
  );
  const version = (Item as TableLayoutItem | undefined)?.layoutVersion;
  return version === undefined ? undefined : Number(version);
}

/** True when the table holds no item at all (one Scan page of one key). */
async function isEmpty(db: ReturnType<typeof createDocumentClient>, tableName: string): Promise<boolean> {
  const { Items, LastEvaluatedKey } = await db.send(
    new ScanCommand({ TableName: tableName, Limit: 1, ProjectionExpression: 'pk', ConsistentRead: true }),
  );
  return (Items ?? []).length === 0 && LastEvaluatedKey === undefined;
}

/**
 * Runs the steps from layout `from` to LAYOUT_VERSION in order, each step's data change first,
 * then (locally only) its index change; answers how many items were rekeyed.
 */
async function runSteps(
  client: DynamoDBClient,
  tableName: string,
  from: number,
  options: { indexes: boolean },
): Promise<number> {
  let rekeyed = 0;
  for (let version = from; version < LAYOUT_VERSION; version++) {
    const step = migrations[version];
    if (!step) throw new Error(`no migration from key layout ${version}`);
    if (step.data) rekeyed += await step.data(client, tableName);
    if (options.indexes && step.indexes === 'drop') await dropIndexesNotDefined(client, tableName);
    if (options.indexes && step.indexes === 'create') await createMissingIndexes(client, tableName);
  }
  return rekeyed;
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

/**
 * One step from layout n to n + 1: its data change (items moved or added; answers how many it
 * rekeyed), run locally and by a deployed region's Custom::TableLayout; and its index change,
 * run locally only (in AWS the table construct defines the GSIs from tableDefinition).
 */
interface MigrationStep {
  data?: (client: DynamoDBClient, tableName: string) => Promise<number>;
  indexes?: 'drop' | 'create';
}

const migrations: Record<number, MigrationStep> = {
  /** 1 → 2: offer overrides from `T#<id>` / `OVERRIDE#OFFER#<offerId>` to their entity key; gsi1/gsi2 dropped. */
  1: {
    indexes: 'drop',
    data: async (client, tableName) => {
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
      return rekeyed;
    },
  },
  /** 2 → 3: the order indexes (byOwner, byStatus) added; no item moves. */
  2: { indexes: 'create' },
  /** 3 → 4: stock from one item per SKU (`OFFER#<id>` / `STOCK#<skuId>`) to one item per offer. */
  3: {
    data: async (client, tableName) => {
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
  },
  /** 4 → 5: an offer's stock item (`OFFER#<id>` / `STOCK`) moved into the offer item as its `stock` map. */
  4: {
    data: async (client, tableName) => {
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
        // One UpdateItem per offer (the stock map joins the offer item), 16 at a time: a deployed
        // table's migration runs within the function's timeout.
        await forEachLimited(page.Items ?? [], 16, async (item) => {
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
        });
      }
      await batchWriteAll(
        db,
        tableName,
        moved.map((Key) => ({ DeleteRequest: { Key } })),
      );
      return moved.length;
    },
  },
  /** 5 → 6: the overrides mark of every tenant that has an override; no item moves. */
  5: {
    data: async (client, tableName) => {
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
