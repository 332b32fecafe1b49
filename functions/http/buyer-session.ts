import { SESSION_COOKIE, sessionPolicy } from '../../core/buyers/sessions.ts';
import { secureCookie } from './shopper.ts';

/** The `sf_session` cookie of a new session: HttpOnly, Secure, SameSite=Lax, for the session's longest life. */
export function sessionCookie(token: string): string {
  return secureCookie(SESSION_COOKIE, token, sessionPolicy.absoluteSeconds);
}

/** Tells the browser to drop the session cookie (sign-out). */
export function clearedSessionCookie(): string {
  return secureCookie(SESSION_COOKIE, '', 0);
}
