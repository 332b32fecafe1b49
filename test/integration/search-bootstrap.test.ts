import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { documentsFromStore } from '../../adapters/catalog-import.ts';
import { deleteTable, ensureTable } from '../../adapters/dynamodb/bootstrap.ts';
import { createDocumentClient, createDynamoClient } from '../../adapters/dynamodb/client.ts';
import { DynamoOfferRepository } from '../../adapters/dynamodb/offer-repository.ts';
import { deleteOffersIndex, schemaVersionOf } from '../../adapters/opensearch/bootstrap.ts';
import { createSearchClient } from '../../adapters/opensearch/client.ts';
import { toOfferDocument } from '../../adapters/opensearch/offer-document.ts';
import { OFFERS_INDEX_SCHEMA_VERSION } from '../../adapters/opensearch/offers-index.ts';
import { type CustomResourceEvent, handler } from '../../functions/jobs/search-bootstrap.ts';
import { cloudFormationStandIn } from '../kit/cloudformation.ts';
import { testOffer } from '../kit/offers.ts';

/**
 * The offers-index custom resource against the real local OpenSearch node and DynamoDB Local
 * (the region table it rebuilds documents from), answering a local stand-in for
 * CloudFormation's pre-signed ResponseURL (a custom resource that never answers blocks a stack
 * for an hour, so every path must answer).
 */
const endpoint = inject('opensearchEndpoint');
const dynamodbEndpoint = inject('dynamodbEndpoint');
const search = createSearchClient({ endpoint, region: 'local', auth: 'none' });
const dynamo = createDynamoClient({ region: 'local', endpoint: dynamodbEndpoint });
const db = createDocumentClient(dynamo);
const alias = `test-cr-offers-${randomUUID().slice(0, 8)}`;
const oldAlias = `test-cr-old-${randomUUID().slice(0, 8)}`;
const tableName = `test-cr-offers-${randomUUID().slice(0, 8)}`;
let cfn: Awaited<ReturnType<typeof cloudFormationStandIn>>;
const responses = { at: (i: number) => cfn.answers.at(i) };

beforeAll(async () => {
  process.env.OPENSEARCH_AUTH = 'none';
  process.env.TABLE_NAME = tableName;
  process.env.DYNAMODB_ENDPOINT = dynamodbEndpoint;
  await ensureTable(dynamo, tableName);
  cfn = await cloudFormationStandIn();
});
afterAll(async () => {
  await cfn?.close();
  await deleteOffersIndex(search, alias);
  await deleteOffersIndex(search, oldAlias);
  await deleteTable(dynamo, tableName);
});

function event(
  requestType: CustomResourceEvent['RequestType'],
  props: Partial<CustomResourceEvent['ResourceProperties']> = {},
  forAlias = alias,
): CustomResourceEvent {
  return cfn.event(
    requestType,
    'SearchOffersIndex',
    { Alias: forAlias, Endpoint: endpoint, ...props },
    requestType !== 'Create' ? { PhysicalResourceId: `offers-index:${forAlias}` } : {},
  );
}

describe('search-bootstrap custom resource', () => {
  it('Create makes the offers index behind the alias and answers SUCCESS with the index name', async () => {
    await handler(event('Create'));
    const answer = responses.at(-1)!;
    expect(answer).toMatchObject({
      method: 'PUT',
      Status: 'SUCCESS',
      PhysicalResourceId: `offers-index:${alias}`,
    });
    const { body } = await search.indices.getAlias({ name: alias });
    expect(Object.keys(body)).toEqual([(answer.Data as { Index: string }).Index]);
  });

  it('applies the replica count the stack asks for to the index behind the alias', async () => {
    await handler(event('Update', { Replicas: '1' }));
    expect(responses.at(-1)).toMatchObject({ Status: 'SUCCESS' });
    const index = Object.keys((await search.indices.getAlias({ name: alias })).body)[0]!;
    const { body } = await search.indices.getSettings({ index });
    expect(body[index]?.settings?.index?.number_of_replicas).toBe('1');
    await handler(event('Update', { Replicas: '0' }));
    const after = await search.indices.getSettings({ index });
    expect(after.body[index]?.settings?.index?.number_of_replicas).toBe('0');
  });

  it('Update keeps the existing index (no reindex on a stack update)', async () => {
    const before = Object.keys((await search.indices.getAlias({ name: alias })).body);
    await handler(event('Update'));
    expect(responses.at(-1)).toMatchObject({ Status: 'SUCCESS', Data: { Index: before[0] } });
    expect(Object.keys((await search.indices.getAlias({ name: alias })).body)).toEqual(before);
  });

  it('Delete answers SUCCESS and keeps the catalog', async () => {
    await handler(event('Delete'));
    expect(responses.at(-1)).toMatchObject({ Status: 'SUCCESS' });
    expect((await search.indices.existsAlias({ name: alias })).body).toBe(true);
  });

  it('a failure still answers, FAILED with the reason', async () => {
    await handler(event('Create', { Endpoint: 'http://127.0.0.1:9/' }));
    const answer = responses.at(-1)!;
    expect(answer.Status).toBe('FAILED');
    expect(String(answer.Reason).length).toBeGreaterThan(0);
  });

  it('on a schema bump, rebuilds every document from the table: the new schema’s fields are filled', async () => {
    const repository = new DynamoOfferRepository(db, tableName);
    const offers = ['cr-mug-1', 'cr-mug-2'].map((offerId) => testOffer({ offerId }));
    await repository.save(offers.map((offer) => ({ offer })));
    // An index of an older schema version behind the alias, its documents without the fields
    // the current schema adds; one offer the table no longer holds.
    const oldIndex = `${oldAlias}-v${OFFERS_INDEX_SCHEMA_VERSION - 1}-20260101000000000`;
    await search.indices.create({
      index: oldIndex,
      body: {
        aliases: { [oldAlias]: { is_write_index: true } },
        mappings: { properties: { offerId: { type: 'keyword' }, version: { type: 'long' } } },
      },
    });
    for (const offerId of ['cr-mug-1', 'cr-mug-2', 'cr-gone']) {
      await search.index({
        index: oldIndex,
        id: offerId,
        version: 1,
        version_type: 'external',
        // responseRatePct: a field an older schema had and the current strict mapping does not.
        body: { offerId, version: 1, title: { 'zh-CN': '旧标题' }, responseRatePct: 97 },
      });
    }
    await search.indices.refresh({ index: oldIndex });

    await handler(event('Update', { SchemaVersion: String(OFFERS_INDEX_SCHEMA_VERSION) }, oldAlias));

    const answer = responses.at(-1)!;
    expect(answer).toMatchObject({ Status: 'SUCCESS' });
    const index = (answer.Data as { Index: string }).Index;
    expect(schemaVersionOf(index)).toBe(OFFERS_INDEX_SCHEMA_VERSION);
    expect(Object.keys((await search.indices.getAlias({ name: oldAlias })).body)).toEqual([index]);
    for (const offer of offers) {
      const { body } = await search.get({ index, id: offer.offerId });
      expect(body._source).toEqual(toOfferDocument(offer));
    }
    // What the table does not hold is copied as it was, less the fields the schema dropped.
    expect((await search.get({ index, id: 'cr-gone' })).body._source).toEqual({
      offerId: 'cr-gone',
      version: 1,
      title: { 'zh-CN': '旧标题' },
    });
  });
});

describe('documentsFromStore', () => {
  it('reads a page of 250 offers in three BatchGetItem calls of at most 100 keys, not one GetItem each', async () => {
    const counted = createDynamoClient({ region: 'local', endpoint: dynamodbEndpoint });
    const calls: { command: string; keys: number }[] = [];
    counted.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { RequestItems?: Record<string, { Keys?: unknown[] }> };
        calls.push({
          command: context.commandName ?? '',
          keys: Object.values(input.RequestItems ?? {}).reduce((n, r) => n + (r.Keys?.length ?? 0), 0),
        });
        return next(args);
      },
      { step: 'initialize' },
    );
    const ids = Array.from({ length: 250 }, (_, i) => `cr-batch-${String(i).padStart(3, '0')}`);
    await new DynamoOfferRepository(db, tableName).save(
      ids.map((offerId) => ({ offer: testOffer({ offerId }) })),
    );

    const docs = await documentsFromStore({ db: createDocumentClient(counted), tableName })([
      ...ids,
      'cr-absent',
    ]);

    expect(docs.map((d) => d.offerId).sort()).toEqual(ids);
    expect(calls.map((c) => c.command)).toEqual([
      'BatchGetItemCommand',
      'BatchGetItemCommand',
      'BatchGetItemCommand',
    ]);
    expect(Math.max(...calls.map((c) => c.keys))).toBeLessThanOrEqual(100);
  });
});
