import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteOffersIndex } from '../../adapters/opensearch/bootstrap.ts';
import { createSearchClient } from '../../adapters/opensearch/client.ts';
import { type CustomResourceEvent, handler } from '../../functions/jobs/search-bootstrap.ts';

/**
 * The offers-index custom resource against the real local OpenSearch node, answering a local
 * stand-in for CloudFormation's pre-signed ResponseURL (a custom resource that never answers
 * blocks a stack for an hour, so every path must answer).
 */
const endpoint = inject('opensearchEndpoint');
const search = createSearchClient({ endpoint, region: 'local', auth: 'none' });
const alias = `test-cr-offers-${randomUUID().slice(0, 8)}`;
const responses: Record<string, unknown>[] = [];
let server: Server;
let responseUrl: string;

beforeAll(async () => {
  process.env.OPENSEARCH_AUTH = 'none';
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      responses.push({ method: req.method, ...JSON.parse(body) });
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/response`;
});
afterAll(async () => {
  server?.close();
  await deleteOffersIndex(search, alias);
});

function event(
  requestType: CustomResourceEvent['RequestType'],
  props: Partial<CustomResourceEvent['ResourceProperties']> = {},
): CustomResourceEvent {
  return {
    RequestType: requestType,
    ResponseURL: responseUrl,
    StackId: 'arn:aws:cloudformation:ap-southeast-1:123456789012:stack/Sourcefront-vn/1',
    RequestId: randomUUID(),
    LogicalResourceId: 'SearchOffersIndex',
    ...(requestType !== 'Create' && { PhysicalResourceId: `offers-index:${alias}` }),
    ResourceProperties: { ServiceToken: 'arn:aws:lambda:fn', Alias: alias, Endpoint: endpoint, ...props },
  };
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
});
