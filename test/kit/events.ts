import { randomUUID } from 'node:crypto';
import type { HttpEvent, LambdaContext } from '../../functions/http/types.ts';
import { lambdaContext as localLambdaContext } from '../../local/gateway.ts';

/** An API Gateway HTTP API v2 event, for invoking a handler directly in unit tests. */
export function httpEvent(input: {
  method?: string;
  path: string;
  routeKey?: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  pathParameters?: Record<string, string>;
  body?: string | object;
  cookies?: string[];
}): HttpEvent {
  const method = input.method ?? 'GET';
  const body = typeof input.body === 'object' ? JSON.stringify(input.body) : input.body;
  const headers = {
    host: 'localhost',
    ...(body !== undefined && { 'content-type': 'application/json' }),
    ...input.headers,
  };
  return {
    version: '2.0',
    routeKey: input.routeKey ?? `${method} ${input.path}`,
    rawPath: input.path,
    rawQueryString: new URLSearchParams(input.query).toString(),
    headers,
    ...(input.cookies && { cookies: input.cookies }),
    ...(input.query && { queryStringParameters: input.query }),
    ...(input.pathParameters && { pathParameters: input.pathParameters }),
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: headers.host,
      domainPrefix: headers.host.split('.')[0] ?? '',
      http: { method, path: input.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: input.routeKey ?? `${method} ${input.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(body !== undefined && { body }),
    isBase64Encoded: false,
  };
}

export function lambdaContext(): LambdaContext {
  return localLambdaContext('test');
}
