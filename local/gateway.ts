import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync, constants as zlibConstants } from 'node:zlib';
import { DomainError } from '../core/errors.ts';
import { negotiateLocale } from '../core/i18n/negotiate.ts';
import { functionEntry, functionMemoryMb } from '../functions/functions.ts';
import { errorResponse } from '../functions/http/error-response.ts';
import type { HttpEvent, HttpResult, LambdaContext } from '../functions/http/types.ts';
import { type RouteDefinition, routeKey, routes } from '../functions/routes.ts';
import { supportedLocales } from '../locales/index.ts';
import { assetServer } from './assets.ts';
import { compileRoutes } from './route-matcher.ts';
import { listenHostFromEnv } from './servers/index.ts';

type Handler = (event: HttpEvent, context: LambdaContext) => Promise<HttpResult>;

const LAMBDA_TIMEOUT_MS = 29_000;
const MAX_BODY_BYTES = 6 * 1024 * 1024; // Lambda's synchronous payload limit.

/** Loads each function's module (functions/apps/<fn>.ts) once, as a warm Lambda container keeps it. */
function functionLoader() {
  const loaded = new Map<string, Promise<Handler>>();
  return (route: RouteDefinition): Promise<Handler> => {
    let handler = loaded.get(route.fn);
    if (!handler) {
      handler = import(functionEntry(route.fn)).then((m: { handler: Handler }) => m.handler);
      loaded.set(route.fn, handler);
    }
    return handler;
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const textTypes = /^(text\/|application\/(json|xml|x-www-form-urlencoded|.*\+json|.*\+xml)|$)/i;

/** Builds the API Gateway HTTP API (payload format 2.0) event for a request, as AWS would. */
export function toHttpApiEvent(
  req: IncomingMessage,
  body: Buffer,
  match: { route: RouteDefinition; pathParameters: Record<string, string> },
): HttpEvent {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'cookie') continue;
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) query[key] = key in query ? `${query[key]},${value}` : value;
  const cookies = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .filter(Boolean);
  const isText = textTypes.test(headers['content-type'] ?? '');
  const now = new Date();
  return {
    version: '2.0',
    routeKey: routeKey(match.route),
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(cookies?.length && { cookies }),
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    ...(Object.keys(match.pathParameters).length > 0 && { pathParameters: match.pathParameters }),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: (headers.host ?? 'localhost').replace(/:\d+$/, ''),
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: routeKey(match.route),
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(body.length > 0 && {
      body: isText ? body.toString('utf8') : body.toString('base64'),
    }),
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** The Lambda context a handler receives, with a deadline as real as Lambda's. */
export function lambdaContext(functionName: string, memoryMb = 256): LambdaContext {
  const deadline = Date.now() + LAMBDA_TIMEOUT_MS;
  return {
    awsRequestId: randomUUID(),
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: String(memoryMb),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** What CloudFront compresses (its list of compressible types, as far as this platform answers them). */
const compressible =
  /^(text\/|application\/(json|javascript|xml|problem\+json|manifest\+json)|image\/svg\+xml)/;

/**
 * CloudFront's compression (`compress: true` on every behaviour, lib/constructs/storefront.ts):
 * Brotli or gzip as the viewer accepts, for a compressible type of 1,000 bytes to 10 MB that the
 * origin did not encode itself; a strong ETag becomes weak, as CloudFront makes it.
 */
function compressed(
  body: Buffer,
  headers: Record<string, string | number | string[]>,
  acceptEncoding: string | undefined,
): Buffer {
  const type = String(headers['content-type'] ?? '');
  if (
    body.length < 1000 ||
    body.length > 10_000_000 ||
    headers['content-encoding'] ||
    !compressible.test(type)
  )
    return body;
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((token) => token.trim().toLowerCase())
      .filter((token) => !/;\s*q=0(\.0*)?$/.test(token))
      .map((token) => token.split(';')[0]),
  );
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
  if (!encoding) return body;
  headers['content-encoding'] = encoding;
  headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : 'Accept-Encoding';
  if (typeof headers.etag === 'string' && !headers.etag.startsWith('W/')) headers.etag = `W/${headers.etag}`;
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipSync(body);
}

function send(res: ServerResponse, result: HttpResult, acceptEncoding?: string): void {
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body =
    result.body === undefined
      ? undefined
      : compressed(
          Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8'),
          headers,
          acceptEncoding,
        );
  res.writeHead(result.statusCode ?? 200, headers);
  res.end(body);
}

function gatewayError(
  req: IncomingMessage | undefined,
  code:
    | 'ROUTE_NOT_FOUND'
    | 'METHOD_NOT_ALLOWED'
    | 'PAYLOAD_TOO_LARGE'
    | 'REQUEST_HEADERS_TOO_LARGE'
    | 'VALIDATION_FAILED'
    | 'INTERNAL',
) {
  const locale = negotiateLocale({
    acceptLanguage: req?.headers['accept-language'],
    available: supportedLocales,
    fallback: 'en',
  });
  const fields =
    code === 'VALIDATION_FAILED'
      ? [{ path: 'path', rule: 'invalid_format', params: { format: 'percent-encoding' } }]
      : [];
  return errorResponse(new DomainError(code, { fields }), locale, randomUUID());
}

/**
 * The console's host (`console.localhost:3000`): its paths are served under `/console` of the
 * route table, as the console's CloudFront distribution does with its origin path.
 */
export function consolePath(host: string | undefined, path: string): string {
  if (!/^console\.localhost(:\d+)?$/i.test(host ?? '')) return path;
  return path === '/' ? '/console' : `/console${path}`;
}

/**
 * The local stand-in for API Gateway: the HTTP API's routing and event shape in front of the
 * very handler modules Lambda runs.
 */
const MAX_REQUEST_HEADER_BYTES = 10 * 1024;

export function createGateway(routeTable: readonly RouteDefinition[] = routes): Server {
  const router = compileRoutes(routeTable);
  const load = functionLoader();
  const assets = assetServer();
  // API Gateway's quota: the request line and headers together within 10 KiB.
  const server = createServer({ maxHeaderSize: MAX_REQUEST_HEADER_BYTES }, async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // CloudFront's /assets/* behaviour: the asset store, not a function.
      if (url.pathname.startsWith('/assets/')) return await assets(req, res, url.pathname);
      const path = consolePath(req.headers.host, url.pathname);
      if (path !== url.pathname) req.url = `${path}${url.search}`;
      const match = router.match(req.method ?? 'GET', path);
      if (match === undefined) return send(res, gatewayError(req, 'ROUTE_NOT_FOUND'));
      if (match === 'methodNotAllowed') return send(res, gatewayError(req, 'METHOD_NOT_ALLOWED'));
      if (match === 'malformed') return send(res, gatewayError(req, 'VALIDATION_FAILED'));
      const body = await readBody(req);
      const handler = await load(match.route);
      send(
        res,
        await handler(
          toHttpApiEvent(req, body, match),
          lambdaContext(`local-${match.route.fn}`, functionMemoryMb(match.route.fn)),
        ),
        req.headers['accept-encoding'],
      );
    } catch (error) {
      const code =
        error instanceof DomainError && error.code === 'PAYLOAD_TOO_LARGE' ? error.code : 'INTERNAL';
      if (code === 'INTERNAL') console.error(error);
      if (!res.headersSent) send(res, gatewayError(req, code));
      else res.end();
    }
  });
  // Headers over the limit never reach a request: answer the parser's refusal as the API's error
  // (in English: the Accept-Language header is among what could not be read).
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code !== 'HPE_HEADER_OVERFLOW' || !socket.writable) return void socket.destroy();
    const result = gatewayError(undefined, 'REQUEST_HEADERS_TOO_LARGE');
    const body = Buffer.from(result.body ?? '');
    const headers = Object.entries(result.headers ?? {}).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.end(
      `HTTP/1.1 ${result.statusCode} Request Header Fields Too Large\r\n${headers.join('')}` +
        `content-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}

/** Loopback unless asked otherwise (LOCAL_LISTEN_ALL=1 serves every interface, like the servers). */
export async function listen(server: Server, port: number, host = listenHostFromEnv()): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
}
