import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { deleteTable, ensureTable } from '../../adapters/dynamodb/bootstrap.ts';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.ts';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { LAYOUT_VERSION, tableDefinition } from '../../adapters/dynamodb/table-definition.ts';
import { testOffer } from '../kit/offers.ts';

const client = createDynamoClient({ region: 'local', endpoint: inject('dynamodbEndpoint') });
const db = createDocumentClient(client);
const tables: string[] = [];
afterAll(async () => {
  await Promise.all(tables.map((t) => deleteTable(client, t)));
});

/** A table as the code before key layout 2 created it: gsi1/gsi2 that nothing used, no layout marker. */
async function layoutOneTable(): Promise<string> {
  const TableName = `test-layout-${randomUUID().slice(0, 8)}`;
  tables.push(TableName);
  const keys = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'];
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [1, 2].map((n) => ({
        IndexName: `gsi${n}`,
        KeySchema: [
          { AttributeName: `gsi${n}pk`, KeyType: 'HASH' },
          { AttributeName: `gsi${n}sk`, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName });
  return TableName;
}

const override = { fields: { title: { vi: 'Túi vải canvas in logo' } } };

describe('a local table written in the old key layout', () => {
  it('is migrated on start, saying so once: overrides move under T#<id>#, gsi1/gsi2 go', async () => {
    const tableName = await layoutOneTable();
    // Layout 1: the override under `T#vn` (which `T#vn*` shares with tenant vn-x), and one of vn-x.
    await db.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'T#vn', sk: 'OVERRIDE#OFFER#yw-1001', override } }),
    );
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'T#vn-x', sk: 'OVERRIDE#OFFER#yw-1001', override: { fields: { title: { vi: 'khác' } } } },
      }),
    );
    const repository = new DynamoOfferRepository(db, tableName);
    expect(await repository.getOverride('vn', 'yw-1001')).toBeUndefined();

    const messages: string[] = [];
    const state = await ensureTable(client, tableName, { log: (m) => messages.push(m) });

    expect(state).toEqual({ status: 'migrated', from: 1, to: LAYOUT_VERSION, rekeyed: 2 });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(new RegExp(`^DynamoDB table ${tableName} is in key layout 1; migrating it`));
    expect(await repository.getOverride('vn', 'yw-1001')).toEqual(override);
    // Layout 6: each tenant with an override has its mark (search reads overrides only then).
    expect([await repository.hasOverrides('vn'), await repository.hasOverrides('vn-x')]).toEqual([
      true,
      true,
    ]);
    expect(await repository.hasOverrides('kr')).toBe(false);
    expect(await repository.overridesFor('vn-x', ['yw-1001'])).toEqual(
      new Map([['yw-1001', { fields: { title: { vi: 'khác' } } }]]),
    );
    const old = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'T#vn', sk: 'OVERRIDE#OFFER#yw-1001' } }),
    );
    expect(old.Item).toBeUndefined();
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // The unused gsi1/gsi2 are gone; the indexes left are exactly the definition's (layout 3 adds the order indexes).
    expect((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort()).toEqual(
      tableDefinition.globalSecondaryIndexes.map((g) => g.indexName).sort(),
    );

    // Next start: nothing to do, nothing said.
    expect(await ensureTable(client, tableName, { log: (m) => messages.push(m) })).toEqual({
      status: 'current',
    });
    expect(messages).toHaveLength(1);
  }, 180_000); // drops two GSIs and adds two, one at a time (DynamoDB's rule)

  it('moves stock from one item per SKU (layout 3) to one item per offer, counts kept', async () => {
    const tableName = `test-layout-${randomUUID().slice(0, 8)}`;
    tables.push(tableName);
    await ensureTable(client, tableName);
    await db.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'TABLE', sk: 'LAYOUT', layoutVersion: 3 } }),
    );
    for (const [skuId, stock] of [
      ['mug-1', 12],
      ['mug-2', 0],
    ] as const) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: 'OFFER#mug', sk: `STOCK#${skuId}`, offerId: 'mug', skuId, stock, feedVersion: 3 },
        }),
      );
    }
    const repository = new DynamoOfferRepository(db, tableName);
    expect(await repository.stockOf('mug', ['mug-1', 'mug-2'])).toEqual(new Map());

    // 3 → 4 merges the two SKU items into one stock item, 4 → 5 moves it into the offer item.
    expect(await ensureTable(client, tableName)).toEqual({
      status: 'migrated',
      from: 3,
      to: LAYOUT_VERSION,
      rekeyed: 3,
    });
    expect(await repository.stockOf('mug', ['mug-1', 'mug-2'])).toEqual(
      new Map([
        ['mug-1', 12],
        ['mug-2', 0],
      ]),
    );
    const old = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'OFFER#mug', sk: 'STOCK#mug-1' } }),
    );
    expect(old.Item).toBeUndefined();
    const stockItem = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'OFFER#mug', sk: 'STOCK' } }),
    );
    expect(stockItem.Item).toBeUndefined();
  });

  it('moves an offer’s stock item (layout 4) into the offer item: the offer page and stockOf keep the counts', async () => {
    const tableName = `test-layout-${randomUUID().slice(0, 8)}`;
    tables.push(tableName);
    await ensureTable(client, tableName);
    const repository = new DynamoOfferRepository(db, tableName);
    const mug = testOffer({ offerId: 'mug' });
    await repository.save([{ offer: mug }]);
    const skuIds = mug.skus.map((s) => s.skuId);
    // Layout 4: the offer item without counts, and a stock item beside it with a checkout's decrement.
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: 'OFFER#mug', sk: 'OFFER' },
        UpdateExpression: 'REMOVE stock',
      }),
    );
    const counts = Object.fromEntries(skuIds.map((id, i) => [id, 40 + i]));
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'OFFER#mug', sk: 'STOCK', offerId: 'mug', stock: counts, feedVersion: mug.version },
      }),
    );
    await db.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'TABLE', sk: 'LAYOUT', layoutVersion: 4 } }),
    );
    expect(await repository.stockOf('mug', skuIds)).toEqual(new Map());

    expect(await ensureTable(client, tableName)).toEqual({
      status: 'migrated',
      from: 4,
      to: LAYOUT_VERSION,
      rekeyed: 1,
    });
    expect(await repository.stockOf('mug', skuIds)).toEqual(new Map(Object.entries(counts)));
    expect((await repository.get('mug'))?.skus.map((s) => s.stock)).toEqual(Object.values(counts));
    const stockItem = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'OFFER#mug', sk: 'STOCK' } }),
    );
    expect(stockItem.Item).toBeUndefined();
    // A replay of the same version resets nothing.
    expect(await repository.save([{ offer: mug }])).toEqual(new Map([['mug', 'conflict']]));
    expect(await repository.stockOf('mug', skuIds)).toEqual(new Map(Object.entries(counts)));
  });

  it('a new table starts in the current layout; one from a newer checkout is refused in one sentence', async () => {
    const tableName = `test-layout-${randomUUID().slice(0, 8)}`;
    tables.push(tableName);
    expect(await ensureTable(client, tableName)).toEqual({ status: 'created' });
    expect(await ensureTable(client, tableName)).toEqual({ status: 'current' });
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: 'TABLE', sk: 'LAYOUT', layoutVersion: LAYOUT_VERSION + 1 },
      }),
    );
    await expect(ensureTable(client, tableName)).rejects.toThrow(
      `DynamoDB table ${tableName} is in key layout ${LAYOUT_VERSION + 1}, newer than this checkout's ${LAYOUT_VERSION}`,
    );
  });
});
