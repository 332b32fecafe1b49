import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { OPENSEARCH_VERSION } from '../../local/servers/artifacts.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.close());

describe('GET /api/v1/health through the local gateway', () => {
  it('answers ok in public, and names no component or version there', async () => {
    const res = await platform.request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('keeps the details for the operator key', async () => {
    expect((await platform.request('/api/v1/health/details')).status).toBe(401);
    const operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
    const res = await platform.request('/api/v1/health/details', {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      status: 'ok',
      dynamodb: { status: 'ok', table: platform.tableName },
      opensearch: { status: 'ok', version: OPENSEARCH_VERSION },
    });
  });

  it('answers on a tenant host too', async () => {
    const res = await platform.request('/api/v1/health', { host: 'vn.localhost:3000' });
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe('ok');
  });

  it('answers an unknown path with a localized 404 and a stable code', async () => {
    const res = await platform.request('/api/v1/nowhere', { headers: { 'accept-language': 'ko' } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'ROUTE_NOT_FOUND', message: '해당 페이지 또는 API가 없습니다.' },
    });
  });

  it('answers a known path with the wrong method with 405', async () => {
    const res = await platform.request('/api/v1/health', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect((await res.json()).error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('refuses a request line and headers beyond 10 KiB with a JSON 431, and keeps serving', async () => {
    const res = await platform.request(`/api/v1/health?pad=${'x'.repeat(11 * 1024)}`);
    expect(res.status).toBe(431);
    expect(await res.json()).toMatchObject({
      error: {
        code: 'REQUEST_HEADERS_TOO_LARGE',
        message: "The request's address and headers are too large.",
      },
    });
    expect((await platform.request(`/api/v1/health?pad=${'x'.repeat(9 * 1024)}`)).status).toBe(200);
  });
});
