import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteTable, ensureTable } from '../../adapters/dynamodb/bootstrap.ts';
import { buildServices } from '../../functions/composition.ts';
import { loadConfig } from '../../functions/config.ts';
import { handler } from '../../functions/handlers/health.ts';
import { httpEvent, lambdaContext } from '../kit/events.ts';

/** A port on which nothing listens: an OpenSearch node that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const tableName = `test-degraded-${Date.now()}`;

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    OFFERS_ALIAS: 'unused',
    OPENSEARCH_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
    OPENSEARCH_AUTH: 'none',
    DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
  });
  await ensureTable(buildServices(loadConfig()).dynamo, tableName);
});
afterAll(async () => deleteTable(buildServices(loadConfig()).dynamo, tableName));

describe('health when OpenSearch is down', () => {
  it('answers 503 degraded with the reason, DynamoDB still ok', async () => {
    const res = await handler(httpEvent({ path: '/api/v1/health' }), lambdaContext() as never);
    expect(res.statusCode).toBe(503);
    const body = JSON.parse(res.body ?? '{}');
    expect(body.status).toBe('degraded');
    expect(body.dynamodb.status).toBe('ok');
    expect(body.opensearch).toMatchObject({ status: 'down' });
    expect(body.opensearch.reason).toMatch(/ECONNREFUSED/);
  });
});
