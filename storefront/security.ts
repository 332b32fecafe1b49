import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh nonce for one response's inline `<style>` and `<script>` elements. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The storefront's Content-Security-Policy for one response: scripts and styles only with this
 * response's nonce (no `unsafe-inline`), images from this origin (the asset store is served under
 * `/assets/` on the site's own host), no framing, forms only to this origin.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every HTML response carries; HSTS only where the site is served over HTTPS. */
export function securityHeaders(nonce: string, stage: string): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(nonce),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'x-frame-options': 'DENY',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    ...(stage !== 'local' && { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' }),
  };
}

/**
 * CSRF tokens for forms that change state (cart, checkout, account): an HMAC of the buyer's
 * session id under a server key, put in a hidden field by `csrfField` and checked with
 * `verifyCsrfToken` before the handler acts. A token is bound to one session, so a page of
 * another site cannot forge it; `SameSite=Lax` session cookies are the second line.
 */
export function csrfToken(key: string, sessionId: string): string {
  return createHmac('sha256', key).update(`csrf:${sessionId}`).digest('base64url');
}

export function verifyCsrfToken(key: string, sessionId: string, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(csrfToken(key, sessionId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A strong ETag of a rendered page, computed with the nonce taken out so it is stable. */
export function etagOf(body: string, nonce: string): string {
  return `"${createHash('sha256').update(body.replaceAll(nonce, '')).digest('base64url').slice(0, 27)}"`;
}
