import '../../core/partners/i18n.ts';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type * as z from 'zod';
import { browserPath, type ConsoleContext } from '../../console/context.ts';
import { type ConsoleView, consoleLayout } from '../../console/layout.ts';
import { consoleErrorPage as renderErrorPage } from '../../console/pages/error.ts';
import { DomainError, type FieldError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import {
  CONSOLE_SESSION_COOKIE,
  CONSOLE_SIGN_IN_COOKIE,
  type ConsoleUser,
  consoleRoles,
  mayInvite,
} from '../../core/partners/users.ts';
import type { Principal } from '../../core/tenants/admin-auth.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { fieldErrorsFrom } from '../../core/validation/field-errors.ts';
import type { Locale } from '../../locales/index.ts';
import { newNonce, securityHeaders } from '../../storefront/security.ts';
import type { Services } from '../composition.ts';
import { services } from '../composition.ts';
import { noStore } from '../http/cache.ts';
import { readCookie, siteHost, siteOrigin } from '../http/request.ts';
import type { RouteOutput } from '../http/route.ts';
import { secureCookie } from '../http/shopper.ts';
import { statusOf } from '../http/status.ts';
import type { HttpEvent, HttpResult } from '../http/types.ts';

/**
 * The console's page kit: what every console handler (functions/handlers/console-*.ts) uses.
 *
 * - `consolePage(input)`: the page context — the signed-in user, the tenant the path names
 *   (loaded through `tenantAdmin`, so a user of another tenant gets 403 before anything is read),
 *   language, nonce, the session's CSRF token;
 * - `consoleForm(input, schema)`: a posted form (urlencoded), its CSRF token checked first
 *   (403 otherwise), then parsed with zod (400 VALIDATION_FAILED with localized field errors);
 * - `consoleAnswer(ctx, view)`: a page's view (console/pages/*) as: the HTML answer, never cached, with the storefront's CSP;
 * - `seeOther(location)`: the redirect after a successful post.
 */

/** What a console handler's route input carries (the chain's RouteInput on a console route). */
export interface ConsoleInput {
  locale: Locale;
  event: HttpEvent;
  services: Services;
  consoleUser?: ConsoleUser;
  principal?: Principal;
  params?: unknown;
}

/** A `next` to go back to after sign-in: a path of the console itself, never another site. */
export function safeNext(next: string | undefined): string | undefined {
  return next && /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) ? next : undefined;
}

/** The console is served on its own host (`console.localhost:3000`, `console.<domain>`), never on a site's. */
export function isConsoleHost(host: string): boolean {
  return /^console\.[^/]+$/i.test(host.replace(/:\d+$/, '')) || /^console(:\d+)?$/i.test(host);
}

const LANGUAGE_COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * A language picked with `?lang=` (the switcher's links) is kept in a `lang` cookie of the
 * console host: forms post and redirects land without the query, and the route chain reads the
 * cookie next. Console pages are never cached, so the cookie cannot split a cache.
 */
function languageCookie(input: ConsoleInput): string | undefined {
  const picked = input.event.queryStringParameters?.lang;
  if (picked !== input.locale || readCookie(input.event, 'lang') === picked) return undefined;
  return consoleCookie('lang', picked, LANGUAGE_COOKIE_SECONDS);
}

/** The page context; with `{tenantId}` in the path, that tenant (403 for another tenant's user, 404 for none). */
export async function consolePage(input: ConsoleInput, csrf?: string): Promise<ConsoleContext> {
  const tenantId = (input.params as { tenantId?: string } | undefined)?.tenantId;
  let tenant: Tenant | undefined;
  if (tenantId && input.principal)
    tenant = (await input.services.tenantAdmin.get(input.principal, tenantId)).tenant;
  const cookie = languageCookie(input);
  return {
    ...(input.consoleUser && { user: input.consoleUser }),
    ...(tenant && { tenant }),
    locale: input.locale,
    t: translatorFor(input.locale),
    nonce: newNonce(),
    path: browserPath(input.event.rawPath || '/console'),
    csrf: csrf ?? input.consoleUser?.csrf ?? '',
    ...(cookie && { languageCookie: cookie }),
  };
}

/** The principal of a console route (present on every `console` route). */
export function principalOf(input: { principal?: Principal }): Principal {
  if (!input.principal) throw new DomainError('UNAUTHORIZED');
  return input.principal;
}

function formFields(event: HttpEvent): Record<string, string | string[]> {
  const raw = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  const type = event.headers['content-type'] ?? '';
  if (raw && !/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

/** One field of a posted form as typed (to show it again), or undefined. */
export function formValue(event: HttpEvent, name: string): string | undefined {
  try {
    const value = formFields(event)[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The roles a console user may invite (core/partners `mayInvite`), for the invite form. */
export function invitableRoles(role: ConsoleUser['role']): ConsoleUser['role'][] {
  return consoleRoles.filter((r) => r !== 'operator' && mayInvite({ role }, r));
}

/** The console's own origin as the browser reaches it: for links in mail (invites). */
export function consoleOrigin(event: HttpEvent): string {
  return siteOrigin(event, services().config);
}

function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A posted console form: the CSRF token first (the session's; on the sign-in form the
 * `sc_signin` cookie's), then the schema. Field errors are `body.<name>` like the API's.
 */
export function consoleForm<S extends z.ZodType>(
  input: Pick<ConsoleInput, 'event' | 'consoleUser'>,
  schema: S,
): { value: z.output<S>; raw: Record<string, string | string[]> } {
  const fields = formFields(input.event);
  const expected = input.consoleUser?.csrf ?? readCookie(input.event, CONSOLE_SIGN_IN_COOKIE) ?? '';
  if (!sameToken(fields.csrf, expected)) throw new DomainError('FORBIDDEN', { params: { reason: 'csrf' } });
  const { csrf: _csrf, ...rest } = fields;
  const result = schema.safeParse(rest, { reportInput: true });
  if (!result.success) {
    throw new DomainError('VALIDATION_FAILED', { fields: fieldErrorsFrom(result.error, 'body') });
  }
  return { value: result.data, raw: rest };
}

/** A console HTML page: never stored, the storefront's security headers (CSP with this response's nonce). */
export function consoleAnswer(
  ctx: ConsoleContext,
  view: ConsoleView,
  options: { status?: number; cookies?: string[] } = {},
): RouteOutput {
  return {
    status: options.status ?? 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': ctx.locale,
      ...securityHeaders(ctx.nonce, services().config.STAGE),
      ...noStore,
    },
    ...((options.cookies || ctx.languageCookie) && {
      cookies: [...(options.cookies ?? []), ...(ctx.languageCookie ? [ctx.languageCookie] : [])],
    }),
    text: consoleLayout(ctx, view, view.main),
  };
}

/** What a refused form shows: its field errors and a message (the error code's, localized). */
export interface FormProblem {
  fields: readonly FieldError[];
  message: string;
  status: number;
}

/**
 * Runs a form's action; a refusal the person can fix (validation, a taken email, a stale
 * version, an invalid link) renders the form again with the problem, at the error's status.
 * Anything else (403, 404, 500) goes to the error pages as usual.
 */
export async function orFormAgain(
  ctx: ConsoleContext,
  action: () => Promise<RouteOutput>,
  again: (problem: FormProblem) => ConsoleView | Promise<ConsoleView>,
): Promise<RouteOutput> {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof DomainError) || !formCodes.has(error.code)) throw error;
    const problem = {
      fields: error.fields ?? [],
      message: ctx.t(`errors:${error.code}`, {
        ...error.params,
        defaultValue: ctx.t('errors:VALIDATION_FAILED'),
      }),
      status: statusOf(error.code),
    };
    return consoleAnswer(ctx, await again(problem), { status: problem.status });
  }
}
const formCodes = new Set<string>([
  'VALIDATION_FAILED',
  'EMAIL_TAKEN',
  'CONFLICT',
  'INVITE_INVALID',
  'TENANT_EXISTS',
  'ORDER_TRANSITION_INVALID',
  'PAYMENT_AMOUNT_MISMATCH',
  'PAYMENT_METHOD_MISMATCH',
  'PAYMENT_ALREADY_RECORDED',
  'PAYMENT_ORDER_CLOSED',
  'DOMAIN_TAKEN',
  'DOMAIN_RESERVED',
]);

/** 303 See Other after a post (the browser then GETs `location`). */
export function seeOther(location: string, cookies: string[] = []): RouteOutput {
  return { status: 303, headers: { location, ...noStore }, text: '', cookies };
}

/** A console cookie: HttpOnly, Secure, SameSite=Strict (the console is never linked into from sites). */
function consoleCookie(name: string, value: string, maxAgeSeconds: number): string {
  return secureCookie(name, value, maxAgeSeconds).replace('SameSite=Lax', 'SameSite=Strict');
}

/** The console session cookie. */
export function consoleSessionCookie(token: string, maxAgeSeconds: number): string {
  return consoleCookie(CONSOLE_SESSION_COOKIE, token, maxAgeSeconds);
}

/** A fresh sign-in form token and the cookie that holds it (double submit: no session yet). */
export function signInToken(event: HttpEvent): { token: string; cookie?: string } {
  const present = readCookie(event, CONSOLE_SIGN_IN_COOKIE);
  if (present && /^[A-Za-z0-9_-]{32}$/.test(present)) return { token: present };
  const token = randomBytes(24).toString('base64url');
  return {
    token,
    cookie: consoleCookie(CONSOLE_SIGN_IN_COOKIE, token, 3600),
  };
}

/**
 * The console function's error pages: no session → the sign-in page (303, back here after);
 * another role or tenant → 403; missing → 404; failures → 500/503, all as console pages.
 */
export function consoleErrorPage(
  error: unknown,
  request: { locale: Locale; requestId: string; event: HttpEvent },
): HttpResult | undefined {
  const code = error instanceof DomainError ? error.code : 'INTERNAL';
  const { event } = request;
  if (code === 'UNAUTHORIZED' && event.requestContext.http.method === 'GET') {
    const next = browserPath(event.rawPath || '/console');
    return {
      statusCode: 303,
      headers: { location: `/sign-in?next=${encodeURIComponent(next)}`, ...noStore },
      body: '',
    };
  }
  const status = statusOf(code);
  const shown =
    code === 'ROUTE_NOT_FOUND' || code === 'NOT_FOUND' || code === 'TENANT_NOT_FOUND'
      ? 404
      : status >= 500
        ? status === 503
          ? 503
          : 500
        : status;
  const t = translatorFor(request.locale);
  const nonce = newNonce();
  const ctx: ConsoleContext = {
    locale: request.locale,
    t,
    nonce,
    path: browserPath(event.rawPath || '/console'),
    csrf: '',
  };
  return {
    statusCode: shown,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-language': request.locale,
      ...securityHeaders(nonce, services().config.STAGE),
      ...noStore,
    },
    body: renderErrorPage(ctx, shown, code, request.requestId),
  };
}

/** Refuses console routes on any host but the console's (a site's host never serves them). */
export function onConsoleHost(event: HttpEvent): boolean {
  return isConsoleHost(siteHost(event, services().config));
}
