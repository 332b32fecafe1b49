import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { DomainError } from '../../core/errors.ts';
import type { Services } from '../../functions/composition.ts';
import type { RouteDefinition } from '../../functions/contract.ts';
import { readCookie, siteHost } from '../../functions/http/request.ts';
import { routeHandler } from '../../functions/http/route.ts';
import { VISITOR_COOKIE } from '../../functions/http/shopper.ts';
import { httpEvent, lambdaContext } from '../kit/events.ts';
import { testRoute } from '../kit/routes.ts';

const thingRoute = {
  method: 'POST',
  path: '/t',
  fn: 'catalog',
  handler: 'test-create-thing',
  kind: 'api',
  auth: 'public',
  tenant: 'none',
  summary: 'a route of this test only',
  request: {
    body: z.object({ name: z.string().min(2), quantity: z.number().int().min(1) }).strict(),
    query: z.object({ dryRun: z.enum(['yes', 'no']).optional() }),
  },
  response: { status: 201 },
  access: { table: 'none', search: 'none' },
} as const satisfies RouteDefinition;

// A public route without a tenant touches no store: the chain needs only the edge's config.
const noStores = () => ({ config: { ORIGIN_VERIFY: 'off' } }) as unknown as Services;

const createThing = routeHandler(
  thingRoute,
  async ({ body }) => {
    if (body.name === 'taken') throw new DomainError('CONFLICT');
    if (body.name === 'boom') throw new Error('database password is hunter2');
    return { status: 201, body: { created: body.name, quantity: body.quantity } };
  },
  noStores,
);

async function call(event: Parameters<typeof httpEvent>[0]) {
  const result = await createThing(httpEvent(event), lambdaContext());
  return {
    status: result.statusCode,
    headers: result.headers ?? {},
    body: JSON.parse(result.body ?? 'null'),
  };
}

describe('the shared HTTP middleware chain', () => {
  it('runs the handler with the parsed body and answers JSON with a request id', async () => {
    const res = await call({ method: 'POST', path: '/t', body: { name: 'cups', quantity: 3 } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ created: 'cups', quantity: 3 });
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('answers 400 MALFORMED_JSON for a body that is not JSON, never a 500', async () => {
    const res = await call({ method: 'POST', path: '/t', body: '{"name": "cups",' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    expect(res.body.error.message).toBe('The request body is not valid JSON.');
  });

  it('answers 400 VALIDATION_FAILED naming every failing field, body and query alike', async () => {
    const res = await call({
      method: 'POST',
      path: '/t',
      query: { dryRun: 'maybe' },
      body: { name: 'x', extra: true },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const fields = res.body.error.fields.map((f: { path: string; rule: string }) => `${f.path}:${f.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'query.dryRun:invalid_value',
        'body.name:too_short',
        'body.quantity:required',
        'body:unrecognized_keys',
      ]),
    );
    const name = res.body.error.fields.find((f: { path: string }) => f.path === 'body.name');
    expect(name.message).toBe('Must be at least 2 characters long.');
  });

  it('localizes error messages from Accept-Language', async () => {
    const res = await call({
      method: 'POST',
      path: '/t',
      headers: { 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.5' },
      body: { name: 'x', quantity: 0 },
    });
    expect(res.headers['content-language']).toBe('vi');
    expect(res.body.error.message).toBe('Một số trường không hợp lệ. Vui lòng kiểm tra và thử lại.');
    const quantity = res.body.error.fields.find((f: { path: string }) => f.path === 'body.quantity');
    expect(quantity.message).toBe('Phải lớn hơn hoặc bằng 1.');
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const res = await call({
      method: 'POST',
      path: '/t',
      headers: { 'content-type': 'text/plain' },
      body: '{"name":"cups","quantity":1}',
    });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('maps a domain error to its status and code', async () => {
    const res = await call({ method: 'POST', path: '/t', body: { name: 'taken', quantity: 1 } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
  });

  it('turns an unexpected error into a 500 that leaks nothing but a reference', async () => {
    const res = await call({ method: 'POST', path: '/t', body: { name: 'boom', quantity: 1 } });
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    expect(res.body.error.message).toContain(res.body.error.requestId);
  });
});

describe('the site host a request is for', () => {
  const cloudFront = httpEvent({
    path: '/',
    headers: {
      host: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      'x-forwarded-host': 'shop.example.vn',
    },
  });

  it('is the Host header locally, where a sent x-forwarded-host is ignored', () => {
    expect(
      siteHost(httpEvent({ path: '/', headers: { host: 'vn.localhost:3000' } }), { ORIGIN_VERIFY: 'off' }),
    ).toBe('vn.localhost:3000');
    expect(siteHost(cloudFront, { ORIGIN_VERIFY: 'off' })).toBe(
      'abc123.execute-api.ap-southeast-1.amazonaws.com',
    );
  });

  it('is only the forwarded viewer host behind CloudFront', () => {
    expect(siteHost(cloudFront, { ORIGIN_VERIFY: 'required' })).toBe('shop.example.vn');
    expect(
      siteHost(httpEvent({ path: '/', headers: { host: 'shop.example.vn' } }), { ORIGIN_VERIFY: 'required' }),
    ).toBe('');
  });

  it("is cut to a host name's length before anything looks it up", () => {
    const long = httpEvent({ path: '/', headers: { host: `${'a'.repeat(5000)}.localhost` } });
    expect(siteHost(long, { ORIGIN_VERIFY: 'off' }).length).toBeLessThanOrEqual(260);
  });
});

describe('cookies', () => {
  it('reads a malformed percent-encoding as absent instead of throwing', () => {
    const event = httpEvent({ path: '/', cookies: ['lang=%E0%A4%A', 'theme=dark'] });
    expect(readCookie(event, 'lang')).toBeUndefined();
    expect(readCookie(event, 'theme')).toBe('dark');
  });
});

describe('shopper routes: the visitor behind a cart', () => {
  const cartRoute = testRoute('test-cart', { method: 'GET', auth: 'shopper' });
  const whoAmI = routeHandler(cartRoute, async ({ shopper }) => ({ body: shopper }), noStores);
  const visit = (cookies?: string[]) =>
    whoAmI(httpEvent({ method: 'GET', path: cartRoute.path, ...(cookies && { cookies }) }), lambdaContext());

  it('gives a first-time visitor an id in an HttpOnly, Secure, SameSite=Lax cookie', async () => {
    const res = await visit();
    const visitorId = JSON.parse(res.body ?? '{}').visitorId;
    expect(visitorId).toMatch(/^v_[\w-]{22}$/);
    expect(res.cookies).toEqual([
      `${VISITOR_COOKIE}=${visitorId}; Path=/; Max-Age=31536000; HttpOnly; Secure; SameSite=Lax`,
    ]);
  });

  it('knows a returning visitor by the cookie and sets nothing new', async () => {
    const first = JSON.parse((await visit()).body ?? '{}').visitorId;
    const again = await visit([`${VISITOR_COOKIE}=${first}`]);
    expect(JSON.parse(again.body ?? '{}').visitorId).toBe(first);
    expect(again.cookies).toBeUndefined();
  });

  it('replaces a cookie that was not issued by the platform', async () => {
    const res = await visit([`${VISITOR_COOKIE}=v_../../admin`]);
    expect(JSON.parse(res.body ?? '{}').visitorId).not.toBe('v_../../admin');
    expect(res.cookies).toHaveLength(1);
  });
});
