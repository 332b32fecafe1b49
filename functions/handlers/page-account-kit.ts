import type * as z from 'zod';
import type { BuyerRecord } from '../../core/buyers/accounts.ts';
import { DomainError } from '../../core/errors.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import { fieldErrorsFrom } from '../../core/validation/field-errors.ts';
import type { Locale } from '../../locales/index.ts';
import { href, type PageContext } from '../../storefront/context.ts';
import { html } from '../../storefront/html.ts';
import type { AccountHeader, FormFailure, FormView } from '../../storefront/pages/account.ts';
import type { Services } from '../composition.ts';
import { noStore } from '../http/cache.ts';
import type { RouteOutput } from '../http/route.ts';
import type { Shopper } from '../http/shopper.ts';
import { statusOf } from '../http/status.ts';
import type { HttpEvent } from '../http/types.ts';
import { csrfFor, formOf as formParams, formTokenValid } from './page-cart-forms.ts';
import { htmlAnswer, pageContext } from './page-kit.ts';

/**
 * What the account pages (sign-in, register, reset, profile, orders) share: the form a page
 * posted, its CSRF token, the API's own schemas as the form's rules, refusals shown as the form
 * again (fields marked, the summary linked to them), the redirect after a success (PRG) to a
 * `next` that stays on the site.
 */

/** A page input of a `shopper` route: the site, the page's language, the visitor and buyer. */
export interface AccountInput {
  tenant: Tenant;
  locale: Locale;
  event: HttpEvent;
  shopper: Shopper;
  services: Services;
  clientIp: string;
}

/** The posted form's fields, the first value of each, as the API's schemas take them. */
export function formOf(event: HttpEvent): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of formParams(event)) values[name] ??= value;
  return values;
}

export { csrfFor };

/** Refuses a post whose token is missing or another browser's (403, shown as the form again). */
export async function checkCsrf(services: Services, shopper: Shopper, token: string | undefined) {
  if (!(await formTokenValid(services, shopper, token))) {
    throw new DomainError('FORBIDDEN', { params: { reason: 'csrf' } });
  }
}

/** The form's values run through the API's own schema: the body, or VALIDATION_FAILED with every field. */
export function validated<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  // The same mapping as the API's edge: `body.<field>` paths, rules of the validation namespace.
  throw new DomainError('VALIDATION_FAILED', { fields: fieldErrorsFrom(result.error, 'body') });
}

/** Codes a form shows to the buyer next to its fields (anything else is the site's error page). */
const formCodes = new Set([
  'VALIDATION_FAILED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'RESET_CODE_INVALID',
  'TOO_MANY_REQUESTS',
]);

/** A refusal as the form shows it: each field's message, and one for the form (localized). */
export function failureOf(error: DomainError, t: PageContext['t']): FormFailure {
  const fields = error.fields.map((f) => ({
    field: f.path.replace(/^body\./, ''),
    message: t(`validation:${f.rule}`, f.params ?? {}),
  }));
  const message =
    error.code === 'FORBIDDEN'
      ? t('account-pages:formExpired')
      : error.code === 'VALIDATION_FAILED'
        ? undefined
        : t(`errors:${error.code}`, error.params);
  return { status: statusOf(error.code), fields, ...(message && { message }) };
}

/**
 * Runs a form's action; a refusal the buyer can mend (CSRF, the schema's fields, wrong password,
 * throttling with its wait) is rendered by `again` with the status of its code, anything else
 * goes on to the site's error page.
 */
export async function attempt(
  ctx: PageContext,
  event: HttpEvent,
  act: () => Promise<RouteOutput>,
  again: (failure: FormFailure) => Promise<string> | string,
): Promise<RouteOutput> {
  try {
    return await act();
  } catch (error) {
    if (!(error instanceof DomainError) || !formCodes.has(error.code)) throw error;
    const failure = failureOf(error, ctx.t);
    const answer = htmlAnswer(ctx, event, await again(failure), { status: failure.status, cache: noStore });
    const retryAfter = error.params.retryAfterSeconds;
    return typeof retryAfter === 'number'
      ? { ...answer, headers: { ...answer.headers, 'retry-after': String(retryAfter) } }
      : answer;
  }
}

/**
 * Where to go after a form: `next` when it is a path of this site (`/account/orders?lang=ko`),
 * else undefined. A scheme, a host, `//evil`, `/\\evil` or control characters are refused, so a
 * link can never send a buyer off the site once they sign in (no open redirect).
 */
export function safeNext(next: string | undefined): string | undefined {
  if (!next || next.length > 1024 || !next.startsWith('/') || next.startsWith('//')) return undefined;
  const unsafe = (c: string) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f;
  if ([...next].some(unsafe)) return undefined;
  const base = 'http://site.invalid';
  try {
    const url = new URL(next, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}

/** Only what was typed: an empty field is absent, so the schema says "required" of it. */
export function typed(values: Record<string, string>, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.filter((n) => values[n] !== undefined && values[n] !== '').map((n) => [n, values[n]!]),
  );
}

/** A 303 to `location` (Post/Redirect/Get): the answer a form gets on success, with its cookies. */
export function redirect(ctx: PageContext, location: string, cookies: string[] = []): RouteOutput {
  return {
    status: 303,
    headers: { ...noStore, location, 'content-type': 'text/html; charset=utf-8' },
    cookies,
    text: html`<!doctype html><html lang="${ctx.locale}"><title>${ctx.t('account-pages:redirecting')}</title><a href="${location}">${ctx.t('account-pages:continue')}</a></html>`
      .value,
  };
}

/** The sign-in page with `next` set to this page (the account pages of a visitor not signed in). */
export function toSignIn(ctx: PageContext, event: HttpEvent): RouteOutput {
  const here = `${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
  return redirect(ctx, href(ctx, '/account/sign-in', { next: here }));
}

/** An account page's context, the header's account link and, when signed in, the buyer's account (read once). */
export interface AccountPage {
  ctx: PageContext;
  header: AccountHeader;
  account?: BuyerRecord;
}

export async function accountContext(input: AccountInput): Promise<AccountPage> {
  const ctx = pageContext(input);
  const { buyer } = input.shopper;
  if (!buyer) return { ctx, header: { signedIn: false } };
  const account = await input.services.buyers.profile(input.tenant.id, buyer.buyerId);
  return { ctx, header: { signedIn: true, name: account.contactName }, account };
}

/** An empty form: the token and nothing typed yet. */
export async function freshForm(input: AccountInput, values: Record<string, string> = {}): Promise<FormView> {
  return { csrf: await csrfFor(input.services, input.shopper), values, errors: [] };
}

/** The form as posted, with what went wrong; a fresh token (a signed-in buyer's changed with the session). */
export async function formAgain(
  input: AccountInput,
  values: Record<string, string>,
  failure: FormFailure,
  keep: readonly string[],
): Promise<FormView> {
  const kept = Object.fromEntries(keep.filter((k) => values[k] !== undefined).map((k) => [k, values[k]!]));
  return {
    ...(await freshForm(input, kept)),
    errors: failure.fields,
    ...(failure.message && { message: failure.message }),
  };
}

/** An HTML answer of an account page: never stored. */
export function accountAnswer(ctx: PageContext, event: HttpEvent, body: string, status = 200): RouteOutput {
  return htmlAnswer(ctx, event, body, { status, cache: noStore });
}
