import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteTable } from '../../adapters/dynamodb/bootstrap.ts';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.ts';
import { offerOverride } from '../../adapters/dynamodb/entities/offer-override.ts';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import {
  createTableInput,
  LAYOUT_VERSION,
  tableDefinition,
} from '../../adapters/dynamodb/table-definition.ts';
import { handler } from '../../functions/jobs/table-layout.ts';
import { cloudFormationStandIn } from '../kit/cloudformation.ts';
import { testOffer } from '../kit/offers.ts';

/**
 * Custom::TableLayout against DynamoDB Local, answering a local stand-in for CloudFormation's
 * ResponseURL. The tables are made as CDK makes them (the definition's keys and GSIs, no
 * layout item): the resource must run only the data steps, never touch the indexes.
 */
const endpoint = inject('dynamodbEndpoint');
const client = createDynamoClient({ region: 'local', endpoint });
const db = createDocumentClient(client);
const tables: string[] = [];
let cfn: Awaited<ReturnType<typeof cloudFormationStandIn>>;

beforeAll(async () => {
  process.env.DYNAMODB_ENDPOINT = endpoint;
  cfn = await cloudFormationStandIn();
});
afterAll(async () => {
  await cfn?.close();
  await Promise.all(tables.map((t) => deleteTable(client, t)));
});

/** A table as the CDK table construct creates it: the definition's keys and GSIs, nothing else. */
async function cdkTable(extraIndex?: string): Promise<string> {
  const TableName = `test-cr-layout-${randomUUID().slice(0, 8)}`;
  tables.push(TableName);
  const input = createTableInput(TableName);
  if (extraIndex) {
    input.AttributeDefinitions = [
      ...(input.AttributeDefinitions ?? []),
      { AttributeName: 'x', AttributeType: 'S' },
    ];
    input.GlobalSecondaryIndexes = [
      ...(input.GlobalSecondaryIndexes ?? []),
      {
        IndexName: extraIndex,
        KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ];
  }
  await client.send(new CreateTableCommand(input));
  await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName });
  return TableName;
}

const run = (
  tableName: string,
  requestType: 'Create' | 'Update' | 'Delete' = 'Create',
  old?: { LayoutVersion: string },
) =>
  handler(
    cfn.event(
      requestType,
      'TableLayoutResource',
      { TableName: tableName, LayoutVersion: String(LAYOUT_VERSION) },
      {
        ...(requestType !== 'Create' && { PhysicalResourceId: `table-layout:${tableName}` }),
        ...(old && { OldResourceProperties: { ServiceToken: 'arn:aws:lambda:fn', ...old } }),
      },
    ),
  );

const layoutItem = async (tableName: string) =>
  (await db.send(new GetCommand({ TableName: tableName, Key: { pk: 'TABLE', sk: 'LAYOUT' } }))).Item;

const allItems = async (tableName: string) =>
  ((await db.send(new ScanCommand({ TableName: tableName, ConsistentRead: true }))).Items ?? [])
    .filter((i) => i.sk !== 'LAYOUT')
    .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`));

describe('Custom::TableLayout: a deployed table brought to the code’s key layout', () => {
  it('a layout-5 table with overrides gets its tenants’ overrides marks (search reads overrides only then); a second run changes nothing', async () => {
    const tableName = await cdkTable();
    const repository = new DynamoOfferRepository(db, tableName);
    await repository.save([{ offer: testOffer({ offerId: 'yw-1001' }) }]);
    // Layout 5: overrides written without the tenant's mark (the code before layout 6), a layout item saying 5.
    const price = { fields: { title: { vi: 'Túi vải canvas in logo' } } };
    for (const tenantId of ['vn', 'vn-x']) {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...offerOverride.key({ tenantId, offerId: 'yw-1001' }),
            offerId: 'yw-1001',
            override: price,
          },
        }),
      );
    }
    await db.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'TABLE', sk: 'LAYOUT', layoutVersion: 5 } }),
    );
    expect(await repository.hasOverrides('vn')).toBe(false);

    await run(tableName);

    expect(cfn.last()).toMatchObject({
      method: 'PUT',
      Status: 'SUCCESS',
      PhysicalResourceId: `table-layout:${tableName}`,
      LogicalResourceId: 'TableLayoutResource',
      Data: { LayoutVersion: String(LAYOUT_VERSION), Status: 'migrated', From: '5' },
    });
    expect([await repository.hasOverrides('vn'), await repository.hasOverrides('vn-x')]).toEqual([
      true,
      true,
    ]);
    expect(await repository.hasOverrides('kr')).toBe(false);
    expect(await repository.overridesFor('vn', ['yw-1001'])).toEqual(new Map([['yw-1001', price]]));
    expect((await layoutItem(tableName))?.layoutVersion).toBe(LAYOUT_VERSION);

    // A second run (an Update of the stack with the same layout): current, nothing written.
    const before = await allItems(tableName);
    const stampedAt = (await layoutItem(tableName))?.migratedAt;
    await run(tableName, 'Update', { LayoutVersion: String(LAYOUT_VERSION) });
    expect(cfn.last()).toMatchObject({ Status: 'SUCCESS', Data: { Status: 'current' } });
    expect(await allItems(tableName)).toEqual(before);
    expect((await layoutItem(tableName))?.migratedAt).toBe(stampedAt);
  });

  it('an unversioned table with items (deployed before layouts were stamped) runs every data step: marks appear, indexes untouched', async () => {
    // An index the definition lacks: locally, step 1 → 2 drops it; here the indexes are CDK's.
    const tableName = await cdkTable('gsi1');
    const repository = new DynamoOfferRepository(db, tableName);
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...offerOverride.key({ tenantId: 'kr', offerId: 'yw-7' }), offerId: 'yw-7', override: {} },
      }),
    );
    await run(tableName);
    expect(cfn.last()).toMatchObject({ Status: 'SUCCESS', Data: { Status: 'migrated', From: '1' } });
    expect(await repository.hasOverrides('kr')).toBe(true);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect((Table?.GlobalSecondaryIndexes ?? []).map((g) => g.IndexName).sort()).toEqual(
      [...tableDefinition.globalSecondaryIndexes.map((g) => g.indexName), 'gsi1'].sort(),
    );
  });

  it('a fresh CDK table (no layout item, no items) is current: stamped, no step run', async () => {
    const tableName = await cdkTable();
    await run(tableName);
    expect(cfn.last()).toMatchObject({ Status: 'SUCCESS', Data: { Status: 'current' } });
    expect((await layoutItem(tableName))?.layoutVersion).toBe(LAYOUT_VERSION);
    expect(await allItems(tableName)).toEqual([]);
  });

  it('a table in a newer layout is refused (FAILED, in one sentence) unless the stack is rolling back from that layout', async () => {
    const tableName = await cdkTable();
    const newer = LAYOUT_VERSION + 1;
    await db.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'TABLE', sk: 'LAYOUT', layoutVersion: newer } }),
    );
    await run(tableName);
    expect(cfn.last().Status).toBe('FAILED');
    expect(cfn.last().Reason).toContain(
      `is in key layout ${newer}, newer than this checkout's ${LAYOUT_VERSION}`,
    );

    // A rollback: the Update's old properties are the newer deploy's.
    await run(tableName, 'Update', { LayoutVersion: String(newer) });
    expect(cfn.last()).toMatchObject({
      Status: 'SUCCESS',
      Data: { Status: 'newer', LayoutVersion: String(newer) },
    });
    expect((await layoutItem(tableName))?.layoutVersion).toBe(newer);
  });

  it('Delete answers SUCCESS and leaves the table; a missing table answers FAILED with the reason', async () => {
    const tableName = await cdkTable();
    await run(tableName, 'Delete');
    expect(cfn.last()).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `table-layout:${tableName}` });
    expect(await layoutItem(tableName)).toBeUndefined();

    await run(`test-cr-missing-${randomUUID().slice(0, 8)}`);
    expect(cfn.last().Status).toBe('FAILED');
    expect(cfn.last().Reason.length).toBeGreaterThan(0);
  });

  it('a run that would outlast the function’s timeout answers FAILED before it ends', async () => {
    const tableName = await cdkTable();
    await db.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'TABLE', sk: 'LAYOUT', layoutVersion: 5 } }),
    );
    // 10.001 s left: the answer is due 1 ms in, before the scan and the stamp can finish.
    await handler(
      cfn.event('Create', 'TableLayoutResource', {
        TableName: tableName,
        LayoutVersion: String(LAYOUT_VERSION),
      }),
      { getRemainingTimeInMillis: () => 10_000 + 1 },
    );
    expect(cfn.last().Status).toBe('FAILED');
    expect(cfn.last().Reason).toMatch(/not finished within the function's timeout/);
  });
});
