import { createHash, randomBytes } from 'node:crypto';

/**
 * Partner users: the people who sign in to the console. A realm of its own, apart from buyers
 * (own cookie, own session items): a buyer account never opens the console, nor the reverse.
 *
 * - `operator`: the platform's staff, on every tenant (create tenants, approve domains, dead letters);
 * - `owner`: a partner's owner, on one tenant (everything of it, invites staff);
 * - `staff`: a partner's colleague, on one tenant (runs the site; does not invite).
 *
 * An email is one console user across the platform (lower-cased), so sign-in needs no tenant.
 */
export const consoleRoles = ['operator', 'owner', 'staff'] as const;
export type ConsoleRole = (typeof consoleRoles)[number];
export const tenantRoles = ['owner', 'staff'] as const satisfies readonly ConsoleRole[];

export interface PartnerUser {
  email: string;
  role: ConsoleRole;
  /** The tenant of an owner or staff user; absent for operators. */
  tenantId?: string;
  /** Absent until the invite is accepted (the invite link sets it). */
  passwordHash?: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** A signed-in console user as the edge sees it. */
export interface ConsoleUser {
  email: string;
  role: ConsoleRole;
  tenantId?: string;
  sessionId: string;
  /** The session's synchronizer token: every console form posts it back. */
  csrf: string;
}

export const CONSOLE_SESSION_COOKIE = 'sc_session';
/** The sign-in form's double-submit token (no session exists yet to bind it to). */
export const CONSOLE_SIGN_IN_COOKIE = 'sc_signin';

/** Sliding 12 h, capped at 7 days: a shorter life than a buyer's (the console moves money). */
export const consoleSessionPolicy = {
  absoluteSeconds: 7 * 24 * 3600,
  idleSeconds: 12 * 3600,
  touchEverySeconds: 600,
} as const;

/** The id a user's items are keyed by: no address (nor a `#` it may hold) in a key. */
export function userKeyOf(email: string): string {
  return createHash('sha256').update(normalizePartnerEmail(email)).digest('hex').slice(0, 40);
}

export function normalizePartnerEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface ConsoleSessionRecord {
  userKey: string;
  /** SHA-256 of the cookie's secret: the session's id. */
  sessionId: string;
  email: string;
  /** The synchronizer CSRF token of this session (random, never derived from the cookie). */
  csrf: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

const TOKEN = /^c1\.([0-9a-f]{40})\.([A-Za-z0-9_-]{43})$/;

export const sessionIdOfSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function newConsoleSession(
  email: string,
  nowMs: number,
): { token: string; record: ConsoleSessionRecord } {
  const secret = randomBytes(32).toString('base64url');
  const now = new Date(nowMs).toISOString();
  const userKey = userKeyOf(email);
  return {
    token: `c1.${userKey}.${secret}`,
    record: {
      userKey,
      sessionId: sessionIdOfSecret(secret),
      email: normalizePartnerEmail(email),
      csrf: randomBytes(24).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: consoleExpiryOf(now, now),
    },
  };
}

/** The user key and session id a cookie names, or undefined for anything the console did not issue. */
export function parseConsoleToken(
  token: string | undefined,
): { userKey: string; sessionId: string } | undefined {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return undefined;
  return { userKey: match[1]!, sessionId: sessionIdOfSecret(match[2]!) };
}

export function consoleExpiryOf(createdAt: string, lastSeenAt: string): string {
  const absolute = Date.parse(createdAt) + consoleSessionPolicy.absoluteSeconds * 1000;
  const idle = Date.parse(lastSeenAt) + consoleSessionPolicy.idleSeconds * 1000;
  return new Date(Math.min(absolute, idle)).toISOString();
}

export function touchedConsoleSession(
  record: ConsoleSessionRecord,
  nowMs: number,
): ConsoleSessionRecord | undefined {
  if (nowMs - Date.parse(record.lastSeenAt) < consoleSessionPolicy.touchEverySeconds * 1000) return undefined;
  const lastSeenAt = new Date(nowMs).toISOString();
  return { ...record, lastSeenAt, expiresAt: consoleExpiryOf(record.createdAt, lastSeenAt) };
}

/** May this role act on this tenant? Operators on every tenant; owners and staff on their own. */
export function mayActOn(user: Pick<PartnerUser, 'role' | 'tenantId'>, tenantId: string): boolean {
  return user.role === 'operator' || user.tenantId === tenantId;
}

/** The roles a user may invite: the operator invites owners; an owner invites staff. */
export function mayInvite(inviter: Pick<PartnerUser, 'role'>, role: ConsoleRole): boolean {
  if (inviter.role === 'operator') return role === 'owner' || role === 'operator';
  if (inviter.role === 'owner') return role === 'staff';
  return false;
}
