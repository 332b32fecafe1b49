import { DomainError } from '../../core/errors.ts';
import { csrfToken, verifyCsrfToken } from '../../storefront/security.ts';
import type { Services } from '../composition.ts';
import { noStore } from '../http/cache.ts';
import { siteOrigin } from '../http/request.ts';
import type { RouteOutput } from '../http/route.ts';
import type { Shopper } from '../http/shopper.ts';
import type { HttpEvent } from '../http/types.ts';
import { FORM_KEY } from '../secrets.ts';

/**
 * What the buyer pages' forms share (cart, checkout, order): the urlencoded body a browser posts,
 * the CSRF token bound to the shopper (their session when signed in, else their visitor id),
 * the check before anything changes, and the 303 answer of Post/Redirect/Get.
 */

const MAX_FORM_BYTES = 64 * 1024;

/** The fields of a posted form (`application/x-www-form-urlencoded`); anything else is refused. */
export function formOf(event: HttpEvent): URLSearchParams {
  const raw =
    event.body === undefined
      ? ''
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  if (Buffer.byteLength(raw) > MAX_FORM_BYTES)
    throw new DomainError('PAYLOAD_TOO_LARGE', { params: { limitBytes: MAX_FORM_BYTES } });
  const type = event.headers['content-type'] ?? '';
  if (raw !== '' && !/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  return new URLSearchParams(raw);
}

const bindingOf = (shopper: Shopper) => shopper.buyer?.sessionId ?? shopper.visitorId;

/** The token a page puts in its forms (`csrfField`): every buyer and account page's. */
export async function csrfFor(services: Services, shopper: Shopper): Promise<string> {
  return csrfToken(await services.secrets.get(FORM_KEY), bindingOf(shopper));
}

/** Whether `token` is this shopper's form token under the current or, during a rotation, the previous key. */
export async function formTokenValid(services: Services, shopper: Shopper, token: string | undefined) {
  const keys = await services.secrets.versions(FORM_KEY);
  return keys.some((key) => verifyCsrfToken(key, bindingOf(shopper), token));
}

/**
 * Refuses a form that does not carry this shopper's token (FORBIDDEN). The offer page is cached
 * for everyone, so its add-to-cart form cannot carry a per-shopper token: `sameOriginSuffices`
 * then accepts a post whose `Origin` is the site's own (browsers send it on every POST).
 */
export async function checkForm(
  services: Services,
  shopper: Shopper,
  form: URLSearchParams,
  event: HttpEvent,
  options: { sameOriginSuffices?: boolean } = {},
): Promise<void> {
  const token = form.get('csrf') ?? undefined;
  if (token !== undefined) {
    if (await formTokenValid(services, shopper, token)) return;
  } else if (options.sameOriginSuffices && event.headers.origin === siteOrigin(event, services.config)) {
    return;
  }
  throw new DomainError('FORBIDDEN');
}

/** Post/Redirect/Get: the browser fetches `location` with GET, so a reload sends nothing again. */
export function seeOther(location: string, headers: Record<string, string> = {}): RouteOutput {
  return {
    status: 303,
    headers: { 'content-type': 'text/html; charset=utf-8', ...noStore, location, ...headers },
    text: '',
  };
}

/** A form's whole number, or undefined when the field is missing or not one. */
export function intField(form: URLSearchParams, name: string): number | undefined {
  const value = form.get(name)?.trim();
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
