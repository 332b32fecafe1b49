import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import { type Mailer, senderFor } from '../mail/mailer.ts';
import { orderPlacedMail } from '../mail/templates.ts';
import type { Tenant } from '../tenants/tenant.ts';

/**
 * A guest (no account) reaches the order they placed through an unguessable link sent by email:
 * `<site>/orders/<orderId>?access=<token>`. The token is the order id's HMAC-SHA256 under a
 * platform secret, so every retry of one checkout (the same order id) holds the same token and
 * gets the same link back; the order keeps only the token's SHA-256 (`accessHash`). The order
 * page should answer with `Referrer-Policy: no-referrer` so the link does not leak to other sites.
 */
export interface GuestOrderAccess {
  /** Goes into the link only; never stored. */
  token: string;
  /** Stored on the order: what a presented token is checked against. */
  accessHash: string;
}

export const GUEST_ACCESS_PARAM = 'access';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** The guest's access to an order: derived from its id under `key` (256 bits: unguessable without it). */
export function guestOrderAccess(key: string, orderId: string): GuestOrderAccess {
  const token = createHmac('sha256', key).update(`guest-order:${orderId}`).digest('base64url');
  return { token, accessHash: hashOf(token) };
}

/** The link a guest gets: `origin` is the site's (e.g. `https://nguonhang.example.vn`). */
export function guestOrderLink(origin: string, orderId: string, token: string): string {
  const url = new URL(`/orders/${encodeURIComponent(orderId)}`, origin);
  url.searchParams.set(GUEST_ACCESS_PARAM, token);
  return url.toString();
}

/** True when a presented token is the one the order's `accessHash` was made from (constant time). */
export function guestOrderAccessValid(presented: string | undefined, accessHash: string): boolean {
  if (!presented || !TOKEN.test(presented)) return false;
  const a = Buffer.from(hashOf(presented));
  const b = Buffer.from(accessHash);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Mails the order's link, in the buyer's language, from the site: a guest's private link, or a
 * signed-in buyer's link to the order page (their sign-in opens it).
 */
export async function sendOrderPlacedMail(
  mailer: Mailer,
  platformFrom: string,
  input: {
    tenant: Tenant;
    locale: Locale;
    purchaser: 'guest' | 'buyer';
    to: string;
    reference: string;
    url: string;
  },
): Promise<void> {
  const mail = orderPlacedMail(input.locale, input.purchaser, {
    site: input.tenant.name,
    reference: input.reference,
    url: input.url,
  });
  await mailer.send({ from: senderFor(input.tenant, platformFrom), to: input.to, ...mail });
}
