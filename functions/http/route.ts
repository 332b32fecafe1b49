import middy, { type MiddlewareObj } from '@middy/core';
import type * as z from 'zod';
import { DomainError } from '../../core/errors.ts';
import { negotiateLocale } from '../../core/i18n/negotiate.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { type Locale, supportedLocales } from '../../locales/index.ts';
import { services } from '../composition.ts';
import type { RouteHandler } from './dispatch.ts';
import { errorResponse } from './error-response.ts';
import { fieldErrorsFrom } from './field-errors.ts';
import { createLogger, type Logger } from './logger.ts';
import type { HttpEvent, HttpResult, LambdaContext } from './types.ts';

const MAX_BODY_BYTES = 1024 * 1024;
const rootLogger = createLogger({ service: 'sourcefront' });

/** What a route declares about its input; each schema is checked before the handler runs. */
export interface RouteSpec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> {
  name: string;
  /**
   * `required`: a request whose Host maps to no tenant gets 404 TENANT_NOT_FOUND;
   * `optional`: resolved when the Host maps to one; `none`: not looked up (operator endpoints).
   */
  tenant: 'required' | 'optional' | 'none';
  query?: Q;
  body?: B;
  params?: P;
}

export interface RouteInput<Q, B, P> {
  query: Q;
  body: B;
  params: P;
  tenant: Tenant | undefined;
  locale: Locale;
  requestId: string;
  log: Logger;
  event: HttpEvent;
}

/** A JSON `body`, or a ready `text` (CSS, HTML) sent as-is with the content-type in `headers`. */
export type RouteOutput = { status?: number; headers?: Record<string, string> } & (
  | { body: unknown; text?: never }
  | { text: string; body?: never }
);

/** Per-request state the middlewares fill in, carried on the Lambda context. */
export interface RequestState {
  requestId: string;
  log: Logger;
  startedAt: number;
  tenant?: Tenant;
  locale?: Locale;
  input?: { query: unknown; body: unknown; params: unknown };
}
type StatefulContext = LambdaContext & { request: RequestState };
type Middleware = MiddlewareObj<HttpEvent, HttpResult, Error, StatefulContext>;

/** Request id (from the caller's x-request-id or Lambda's), a request-scoped logger, an access log line. */
function requestScope(routeName: string): Middleware {
  const accessLog: Middleware['after'] = (request) => {
    const state = request.context.request;
    const status = request.response?.statusCode ?? 500;
    state.log[status >= 500 ? 'error' : 'info']('request', {
      method: request.event.requestContext.http.method,
      path: request.event.rawPath,
      status,
      durationMs: Date.now() - state.startedAt,
    });
    request.response = {
      ...request.response,
      headers: { ...request.response?.headers, 'x-request-id': state.requestId },
    };
  };
  return {
    before: (request) => {
      const requestId = request.event.headers['x-request-id'] ?? request.context.awsRequestId;
      request.context.request = {
        requestId,
        startedAt: Date.now(),
        log: rootLogger.child({ requestId, route: routeName }),
      };
    },
    after: accessLog,
    onError: accessLog,
  };
}

/** The single mapper from thrown errors to HTTP responses: domain errors keep their status and
 * code; anything else is a 500 whose details go to the log, never to the client. */
function errorMapper(): Middleware {
  return {
    onError: (request) => {
      const state = request.context.request;
      const error = request.error;
      if (!(error instanceof DomainError) || error.status >= 500) {
        state.log.error('unhandled error', { error });
      }
      const locale =
        state.locale ??
        negotiateLocale({
          acceptLanguage: request.event.headers['accept-language'],
          available: supportedLocales,
          fallback: 'en',
        });
      request.response = errorResponse(error, locale, state.requestId);
    },
  };
}

/** Resolves the tenant from the Host header (never from the body), then the response locale. */
function tenantResolver(mode: RouteSpec<z.ZodType, z.ZodType, z.ZodType>['tenant']): Middleware {
  return {
    before: async (request) => {
      const host = siteHost(request.event);
      const tenant = mode === 'none' ? undefined : await services().tenants.byHost(host);
      if (!tenant && mode === 'required') throw new DomainError('TENANT_NOT_FOUND', { params: { host } });
      request.context.request.tenant = tenant;
      request.context.request.locale = negotiateLocale({
        explicit: request.event.queryStringParameters?.lang ?? cookie(request.event, 'lang'),
        acceptLanguage: request.event.headers['accept-language'],
        available: tenant?.locales ?? supportedLocales,
        fallback: tenant?.defaultLocale ?? 'en',
      });
    },
  };
}

/**
 * The site the visitor asked for. Behind CloudFront, API Gateway sees its own host name, so
 * the distribution's viewer-request function copies the visitor's Host into
 * x-forwarded-host (overwriting whatever the visitor sent); locally, Host is the site.
 */
export function siteHost(event: HttpEvent): string {
  return event.headers['x-forwarded-host'] ?? event.headers.host ?? event.requestContext.domainName;
}

function cookie(event: HttpEvent, name: string): string | undefined {
  for (const c of event.cookies ?? []) {
    const [key, ...value] = c.split('=');
    if (key?.trim() === name) return decodeURIComponent(value.join('=').trim());
  }
  return undefined;
}

function parseJsonBody(event: HttpEvent): unknown {
  if (event.body === undefined || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', { params: { limitBytes: MAX_BODY_BYTES } });
  }
  const contentType = event.headers['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  try {
    return JSON.parse(raw);
  } catch (cause) {
    throw new DomainError('MALFORMED_JSON', { cause });
  }
}

/** Parses the JSON body and validates query, params and body, reporting every failing field at once. */
function inputParser(spec: RouteSpec<z.ZodType, z.ZodType, z.ZodType>): Middleware {
  return {
    before: (request) => {
      const event = request.event;
      const parts = {
        query: [spec.query, event.queryStringParameters ?? {}],
        params: [spec.params, event.pathParameters ?? {}],
        body: [spec.body, spec.body ? parseJsonBody(event) : undefined],
      } as const;
      const input: Record<string, unknown> = {};
      const fields = [];
      for (const [part, [schema, value]] of Object.entries(parts)) {
        if (!schema) {
          input[part] = value;
          continue;
        }
        const result = schema.safeParse(value);
        if (result.success) input[part] = result.data;
        else fields.push(...fieldErrorsFrom(result.error, part));
      }
      if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { fields });
      request.context.request.input = input as RequestState['input'];
    },
  };
}

function toResult(output: RouteOutput): HttpResult {
  if (output.text !== undefined) {
    return { statusCode: output.status ?? 200, headers: { ...output.headers }, body: output.text };
  }
  return {
    statusCode: output.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...output.headers },
    body: JSON.stringify(output.body),
  };
}

/**
 * Builds a Lambda handler for an HTTP API route: the shared middleware chain around one call
 * into core. Handlers never catch, check or shape errors themselves.
 */
export function httpRoute<
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(
  spec: RouteSpec<Q, B, P>,
  run: (input: RouteInput<z.output<Q>, z.output<B>, z.output<P>>) => Promise<RouteOutput>,
): RouteHandler {
  const chain = middy<HttpEvent, HttpResult, Error, StatefulContext>()
    .use(requestScope(spec.name))
    .use(errorMapper())
    .use(tenantResolver(spec.tenant))
    .use(inputParser(spec as RouteSpec<z.ZodType, z.ZodType, z.ZodType>))
    .handler(async (event, context) => {
      const state = context.request;
      const input = state.input as { query: z.output<Q>; body: z.output<B>; params: z.output<P> };
      return toResult(
        await run({
          ...input,
          tenant: state.tenant,
          locale: state.locale ?? 'en',
          requestId: state.requestId,
          log: state.log,
          event,
        }),
      );
    });
  // The request state on the context is filled in by requestScope: callers pass Lambda's context.
  return chain as unknown as RouteHandler;
}
