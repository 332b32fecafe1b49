import { randomBytes } from 'node:crypto';
import { readCookie } from './request.ts';
import type { HttpEvent } from './types.ts';

/** A buyer signed in on this site (auth `buyer`; on `shopper` routes when the request carries a valid session). */
export interface SignedInBuyer {
  buyerId: string;
  sessionId: string;
  email: string;
}

/**
 * Whoever uses a site's cart: always a visitor (an anonymous id kept in a cookie for a year),
 * and the signed-in buyer when there is one. A cart belongs to the buyer when signed in, else to
 * the visitor; the visitor's cart is merged into the buyer's on sign-in.
 */
export interface Shopper {
  visitorId: string;
  buyer?: SignedInBuyer;
}

export const VISITOR_COOKIE = 'sf_visitor';
const VISITOR_ID = /^v_[A-Za-z0-9_-]{22}$/;
const YEAR_SECONDS = 365 * 24 * 3600;

/**
 * A cookie as every session-like cookie of the platform is set: not readable by scripts, sent
 * only over HTTPS (browsers treat `*.localhost` as secure too) and not on cross-site posts.
 */
export function secureCookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Lax`;
}

/** The visitor id the request carries, or a new one with the cookie that keeps it. */
export function visitorOf(event: HttpEvent): { visitorId: string; cookie?: string } {
  const presented = readCookie(event, VISITOR_COOKIE);
  if (presented && VISITOR_ID.test(presented)) return { visitorId: presented };
  const visitorId = `v_${randomBytes(16).toString('base64url')}`;
  return { visitorId, cookie: secureCookie(VISITOR_COOKIE, visitorId, YEAR_SECONDS) };
}
