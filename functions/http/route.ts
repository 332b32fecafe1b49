import middy, { type MiddlewareObj } from '@middy/core';
import type * as z from 'zod';
import { DomainError } from '../../core/errors.ts';
import { negotiateLocale } from '../../core/i18n/negotiate.ts';
import type { ConsoleUser } from '../../core/partners/users.ts';
import type { Principal } from '../../core/tenants/admin-auth.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { fieldErrorsFrom } from '../../core/validation/field-errors.ts';
import { type Locale, supportedLocales } from '../../locales/index.ts';
import { type Services, services } from '../composition.ts';
import type { RouteDefinition } from '../contract.ts';
import { type Route, type RouteId, routes } from '../routes.ts';
import {
  authenticateBuyer,
  authenticateCaller,
  authenticateConsole,
  enforceRateLimit,
  identifyShopper,
} from './auth.ts';
import type { ContextWithCapabilities, RouteHandler } from './dispatch.ts';
import { errorResponse } from './error-response.ts';
import { verifyOrigin } from './origin.ts';
import { readCookie, siteHost } from './request.ts';
import type { Shopper, SignedInBuyer } from './shopper.ts';
import { type RequestLogger, recordRequest, requestLogger } from './telemetry.ts';
import type { HttpEvent, HttpResult, LambdaContext } from './types.ts';

const MAX_BODY_BYTES = 1024 * 1024;

type Schema<R, K extends 'params' | 'query' | 'body'> = R extends { request: { [P in K]: infer S } }
  ? S extends z.ZodType
    ? z.output<S>
    : undefined
  : undefined;
type TenantOf<R> = R extends { tenant: 'required' }
  ? Tenant
  : R extends { tenant: 'optional' }
    ? Tenant | undefined
    : undefined;
type PrincipalOf<R> = R extends { auth: 'tenant-admin' | 'operator' | 'console' } ? Principal : undefined;
type ShopperOf<R> = R extends { auth: 'shopper' } ? Shopper : undefined;
type BuyerOf<R> = R extends { auth: 'buyer' } ? SignedInBuyer : undefined;
type ConsoleUserOf<R> = R extends { auth: 'console' } ? ConsoleUser : undefined;

/** What a handler receives: its route's validated parts, typed from the route table. */
export interface RouteInput<R> {
  params: Schema<R, 'params'>;
  query: Schema<R, 'query'>;
  body: Schema<R, 'body'>;
  /** Present whenever the route declares `tenant: 'required'`. */
  tenant: TenantOf<R>;
  /** The authenticated admin caller on `tenant-admin` and `operator` routes; the signed-in user on `console` routes. */
  principal: PrincipalOf<R>;
  /** The visitor (and signed-in buyer, if any) on `shopper` routes. */
  shopper: ShopperOf<R>;
  /** The signed-in buyer (the `sf_session` cookie) on `buyer` routes. */
  buyer: BuyerOf<R>;
  /** The signed-in console user (the `sc_session` cookie) on `console` routes. */
  consoleUser: ConsoleUserOf<R>;
  locale: Locale;
  requestId: string;
  /** The caller's address (behind CloudFront, the viewer's). */
  clientIp: string;
  log: RequestLogger;
  services: Services;
  event: HttpEvent;
}

/**
 * A JSON `body`, or a ready `text` (CSS, HTML) sent as-is with the content-type in `headers`;
 * `cookies` are Set-Cookie values (API Gateway's payload 2.0 `cookies`).
 */
export type RouteOutput = { status?: number; headers?: Record<string, string>; cookies?: string[] } & (
  | { body: unknown; text?: never }
  | { text: string; body?: never }
);

/** Per-request state the middlewares fill in, carried on the Lambda context. */
interface RequestState {
  requestId: string;
  log: RequestLogger;
  startedAt: number;
  clientIp: string;
  tenant?: Tenant;
  locale?: Locale;
  params?: unknown;
  principal?: Principal;
  shopper?: Shopper;
  buyer?: SignedInBuyer;
  consoleUser?: ConsoleUser;
  /** Set-Cookie values the chain adds to the handler's answer (a new visitor's id). */
  cookies: string[];
}
type StatefulContext = LambdaContext & { request: RequestState };
type Middleware = MiddlewareObj<HttpEvent, HttpResult, Error, StatefulContext>;

/** Request id (the caller's x-request-id or Lambda's), a request-scoped logger, access log and metrics. */
function requestScope(route: RouteDefinition): Middleware {
  const finish: Middleware['after'] = (request) => {
    const state = request.context.request;
    const status = request.response?.statusCode ?? 500;
    recordRequest(state.log, route, status, Date.now() - state.startedAt);
    request.response = {
      ...request.response,
      headers: { ...request.response?.headers, 'x-request-id': state.requestId },
    };
  };
  return {
    before: (request) => {
      const supplied = request.event.headers['x-request-id'];
      const requestId =
        supplied && /^[\w.-]{1,128}$/.test(supplied) ? supplied : request.context.awsRequestId;
      request.context.request = {
        requestId,
        startedAt: Date.now(),
        clientIp: '',
        cookies: [],
        log: requestLogger({ requestId, route: route.handler }),
      };
    },
    after: finish,
    onError: finish,
  };
}

/** The single mapper from thrown errors to HTTP responses: domain errors keep their code; anything
 * else is a 500 whose details go to the log, never to the client. */
function errorMapper(route: RouteDefinition): Middleware {
  return {
    onError: (request) => {
      const state = request.context.request;
      // Out of time (middy stops just before Lambda's deadline): the platform is overloaded or
      // a store is slow, so the caller may retry — 503, not a bug's 500.
      const error =
        request.error?.name === 'TimeoutError'
          ? new DomainError('SERVICE_UNAVAILABLE', { cause: request.error })
          : request.error;
      if (
        !(error instanceof DomainError) ||
        error.code === 'INTERNAL' ||
        error.code === 'SERVICE_UNAVAILABLE'
      ) {
        state.log.error('unhandled error', { error });
      }
      const locale =
        state.locale ??
        negotiateLocale({
          acceptLanguage: request.event.headers['accept-language'],
          available: supportedLocales,
          fallback: 'en',
        });
      // Pages answer people: the function may render the error as a page of the site (HTML).
      const errorPage =
        route.kind === 'page'
          ? (request.context as ContextWithCapabilities).capabilities?.errorPage
          : undefined;
      request.response =
        errorPage?.(error, {
          tenant: state.tenant,
          locale,
          requestId: state.requestId,
          event: request.event,
        }) ?? errorResponse(error, locale, state.requestId);
    },
  };
}

/** Only CloudFront reaches a deployed API; then the site and the client come from what it forwards. */
function edge(deps: () => Services): Middleware {
  return {
    before: async (request) => {
      const state = request.context.request;
      state.clientIp = await verifyOrigin(request.event, deps());
    },
  };
}

/** Resolves the tenant from the Host (never from the body), then the response locale. */
function tenantResolver(route: RouteDefinition, deps: () => Services): Middleware {
  return {
    before: async (request) => {
      const state = request.context.request;
      const host = siteHost(request.event, deps().config);
      const tenant = route.tenant === 'none' ? undefined : await deps().tenants.byHost(host);
      state.locale = negotiateLocale({
        explicit: request.event.queryStringParameters?.lang ?? readCookie(request.event, 'lang'),
        acceptLanguage: request.event.headers['accept-language'],
        available: tenant?.locales ?? supportedLocales,
        fallback: tenant?.defaultLocale ?? 'en',
      });
      if (!tenant && route.tenant === 'required')
        throw new DomainError('TENANT_NOT_FOUND', { params: { host: host.slice(0, 255) } });
      state.tenant = tenant;
      if (tenant) state.log.appendKeys({ tenant: tenant.id });
    },
  };
}

function validate(schema: z.ZodType | undefined, value: unknown, part: string) {
  if (!schema) return { value, fields: [] };
  // reportInput: a wrong type is told apart from a missing field (zod leaves `input` out otherwise).
  const result = schema.safeParse(value, { reportInput: true });
  return result.success
    ? { value: result.data, fields: [] }
    : { value: undefined, fields: fieldErrorsFrom(result.error, part) };
}

/** Path parameters first: authorization needs the tenant they name. */
function paramsParser(route: RouteDefinition): Middleware {
  return {
    before: (request) => {
      const { value, fields } = validate(route.request?.params, request.event.pathParameters ?? {}, 'params');
      if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { fields });
      request.context.request.params = value;
    },
  };
}

/** Who may call the route, from its declaration, before its query or body is read. */
function authorizer(route: RouteDefinition, deps: () => Services): Middleware {
  return {
    before: async (request) => {
      const state = request.context.request;
      const caller = {
        event: request.event,
        tenantId: state.tenant?.id,
        params: state.params as Record<string, string> | undefined,
        clientIp: state.clientIp,
        services: deps(),
      };
      if (route.auth === 'shopper') {
        const { shopper, cookies } = await identifyShopper(caller);
        state.shopper = shopper;
        state.cookies.push(...cookies);
      } else if (route.auth === 'buyer') {
        state.buyer = await authenticateBuyer(caller);
      } else if (route.auth === 'console') {
        const { principal, user } = await authenticateConsole(route, caller);
        state.principal = principal;
        state.consoleUser = user;
      } else {
        state.principal = await authenticateCaller(route, caller);
      }
      if (route.rateLimit) {
        await enforceRateLimit(deps(), route, state.tenant?.id, state.clientIp);
      }
    },
  };
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

/** Query and body, every failing field reported at once. */
function parseQueryAndBody(route: RouteDefinition, event: HttpEvent) {
  const query = validate(route.request?.query, event.queryStringParameters ?? {}, 'query');
  const body = validate(route.request?.body, route.request?.body ? parseJsonBody(event) : undefined, 'body');
  const fields = [...query.fields, ...body.fields];
  if (fields.length > 0) throw new DomainError('VALIDATION_FAILED', { fields });
  return { query: query.value, body: body.value };
}

function toResult(output: RouteOutput, chainCookies: string[]): HttpResult {
  const cookies = [...chainCookies, ...(output.cookies ?? [])];
  const withCookies = cookies.length > 0 ? { cookies } : {};
  if (output.text !== undefined) {
    return {
      statusCode: output.status ?? 200,
      headers: { ...output.headers },
      body: output.text,
      ...withCookies,
    };
  }
  return {
    statusCode: output.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8', ...output.headers },
    body: JSON.stringify(output.body),
    ...withCookies,
  };
}

export function routeById<H extends RouteId>(handler: H): Extract<Route, { handler: H }> {
  const route = routes.find((r) => r.handler === handler);
  if (!route) throw new Error(`No route in functions/routes.ts has handler ${handler}`);
  return route as Extract<Route, { handler: H }>;
}

/**
 * The Lambda handler of one route of the table: the shared middleware chain — request scope,
 * error mapper, edge check, tenant and locale, params, auth (and rate limit), then idempotency —
 * around one call into core. Handlers never check auth, catch, or shape errors themselves.
 */
export function implement<H extends RouteId>(
  handler: H,
  run: (input: RouteInput<Extract<Route, { handler: H }>>) => Promise<RouteOutput>,
): RouteHandler {
  return routeHandler(
    routeById(handler),
    run as (input: RouteInput<RouteDefinition>) => Promise<RouteOutput>,
  );
}

/** The chain for any route definition (`implement` binds it to the table's); `deps` is the composition. */
export function routeHandler<R extends RouteDefinition>(
  route: R,
  run: (input: RouteInput<R>) => Promise<RouteOutput>,
  deps: () => Services = services,
): RouteHandler {
  const chain = middy<HttpEvent, HttpResult, Error, StatefulContext>()
    .use(requestScope(route))
    .use(errorMapper(route))
    .use(edge(deps))
    .use(tenantResolver(route, deps))
    .use(paramsParser(route))
    .use(authorizer(route, deps))
    .handler(async (event, context) => {
      const state = context.request;
      const idempotency = (context as ContextWithCapabilities).capabilities?.idempotency;
      if (route.idempotent && !idempotency)
        throw new Error(`${route.handler} is idempotent but its function has no idempotency`);
      const key = route.idempotent ? idempotency?.keyOf(event) : undefined;
      const respond = async () => {
        const { query, body } = parseQueryAndBody(route, event);
        const input = {
          params: state.params,
          query,
          body,
          tenant: state.tenant,
          principal: state.principal,
          shopper: state.shopper,
          buyer: state.buyer,
          consoleUser: state.consoleUser,
          locale: state.locale ?? 'en',
          requestId: state.requestId,
          clientIp: state.clientIp,
          log: state.log,
          services: deps(),
          event,
        } as RouteInput<R>;
        return toResult(await run(input), state.cookies);
      };
      if (key === undefined || !idempotency) return respond();
      return idempotency.run(deps(), {
        scope:
          state.tenant?.id ??
          (state.principal?.kind === 'tenant' || state.principal?.kind === 'user'
            ? state.principal.tenantId
            : undefined),
        route,
        key,
        event,
        context,
        respond,
      });
    });
  // The request state on the context is filled in by requestScope: callers pass Lambda's context.
  return chain as unknown as RouteHandler;
}
