import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteTable, ensureTable } from '../../adapters/dynamodb/bootstrap.ts';
import { buildServices, provideServices, type Services } from '../../functions/composition.ts';
import { loadConfig } from '../../functions/config.ts';
import { handler as health } from '../../functions/handlers/health.ts';
import { handler as healthDetails } from '../../functions/handlers/health-details.ts';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { secretsDir } from '../../local/paths.ts';
import { httpEvent, lambdaContext } from '../kit/events.ts';
import { freePort } from '../kit/ports.ts';

const tableName = `test-degraded-${Date.now()}`;
let services: Services;

beforeAll(async () => {
  services = buildServices(
    loadConfig({
      TABLE_NAME: tableName,
      OFFERS_ALIAS: 'unused',
      OPENSEARCH_ENDPOINT: `http://127.0.0.1:${await freePort()}`,
      OPENSEARCH_AUTH: 'none',
      DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      SECRETS_PROVIDER: 'local-files',
      SECRETS_DIR: secretsDir,
    }),
  );
  provideServices(services);
  await ensureTable(services.dynamo, tableName);
});
afterAll(async () => deleteTable(services.dynamo, tableName));

describe('health when OpenSearch is down', () => {
  it('answers 503 degraded in public, without naming what failed', async () => {
    const res = await health(
      httpEvent({ path: '/api/v1/health', routeKey: 'GET /api/v1/health' }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(503);
    expect(JSON.parse(res.body ?? '{}')).toEqual({ status: 'degraded' });
  });

  it('gives the operator each component with the reason, DynamoDB still ok', async () => {
    const operatorKey = await services.secrets.get(OPERATOR_API_KEY);
    const res = await healthDetails(
      httpEvent({ path: '/api/v1/health/details', headers: { authorization: `Bearer ${operatorKey}` } }),
      lambdaContext(),
    );
    expect(res.statusCode).toBe(503);
    const body = JSON.parse(res.body ?? '{}');
    expect(body.status).toBe('degraded');
    expect(body.dynamodb.status).toBe('ok');
    expect(body.opensearch).toMatchObject({ status: 'down' });
    expect(body.opensearch.reason).toMatch(/ECONNREFUSED/);
  });
});
