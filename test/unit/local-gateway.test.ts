import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { RouteDefinition } from '../../functions/routes.ts';
import { toHttpApiEvent } from '../../local/gateway.ts';
import { compileRoutes } from '../../local/route-matcher.ts';

const route = (method: RouteDefinition['method'], path: string, handler: string): RouteDefinition => ({
  method,
  path,
  handler,
  fn: 'catalog',
  kind: 'api',
  auth: 'public',
  tenant: 'none',
  summary: handler,
  response: { status: 200 },
  access: { table: 'none', search: 'none' },
});
const table: RouteDefinition[] = [
  route('GET', '/api/v1/offers/{offerId}', 'offer'),
  route('GET', '/api/v1/offers/featured', 'featured'),
  route('POST', '/api/v1/quotes', 'quote'),
  route('GET', '/assets/{proxy+}', 'assets'),
];

describe('local route matching, as API Gateway does it', () => {
  const router = compileRoutes(table);

  it('binds path parameters, decoded', () => {
    const match = router.match('GET', '/api/v1/offers/of%2D123');
    expect(match).toMatchObject({ route: { handler: 'offer' }, pathParameters: { offerId: 'of-123' } });
  });

  it('prefers a literal segment over a parameter', () => {
    expect(router.match('GET', '/api/v1/offers/featured')).toMatchObject({ route: { handler: 'featured' } });
  });

  it('matches greedy parameters across segments', () => {
    expect(router.match('GET', '/assets/css/theme.css')).toMatchObject({
      pathParameters: { proxy: 'css/theme.css' },
    });
  });

  it('tells an unknown path from a known path with another method', () => {
    expect(router.match('GET', '/api/v1/nothing')).toBeUndefined();
    expect(router.match('GET', '/api/v1/quotes')).toBe('methodNotAllowed');
  });
});

describe('the HTTP API v2 event the local gateway builds', () => {
  it('carries host, query, cookies, path parameters and a text body as API Gateway would', () => {
    const req = Object.assign(Object.create(null), {
      method: 'POST',
      url: '/api/v1/quotes?lang=vi&tag=a&tag=b',
      httpVersion: '1.1',
      headers: { host: 'vn.localhost:3000', 'content-type': 'application/json', cookie: 'lang=vi; sid=1' },
      socket: new Socket(),
    }) as IncomingMessage;
    const route = table[2]!;
    const event = toHttpApiEvent(req, Buffer.from('{"a":1}'), { route, pathParameters: {} });
    expect(event.routeKey).toBe('POST /api/v1/quotes');
    expect(event.rawPath).toBe('/api/v1/quotes');
    expect(event.queryStringParameters).toEqual({ lang: 'vi', tag: 'a,b' });
    expect(event.cookies).toEqual(['lang=vi', 'sid=1']);
    expect(event.headers.host).toBe('vn.localhost:3000');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.requestContext.domainName).toBe('vn.localhost');
    expect(event.body).toBe('{"a":1}');
    expect(event.isBase64Encoded).toBe(false);
  });
});
