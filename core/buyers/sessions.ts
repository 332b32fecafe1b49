import { createHash, randomBytes } from 'node:crypto';

/**
 * Buyer sessions, as rules without I/O.
 *
 * The cookie carries `s1.<buyerId>.<secret>`: 256 random bits of secret, of which the table
 * keeps only the SHA-256 (the session's id), so reading the table gives no usable session. The
 * buyer id in the cookie is what lets one Query find all of a buyer's sessions (sign out
 * everywhere) without an index.
 *
 * Expiry is sliding with a cap: a session ends 7 days after it was last used, and 30 days
 * after sign-in whatever happens. Use is recorded at most once an hour (a write per request
 * would double the cost of every page).
 */
export const SESSION_COOKIE = 'sf_session';
export const sessionPolicy = {
  absoluteSeconds: 30 * 24 * 3600,
  idleSeconds: 7 * 24 * 3600,
  touchEverySeconds: 3600,
} as const;

export const BUYER_ID = /^b_[0-9a-f]{32}$/;
const TOKEN = /^s1\.(b_[0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/;

export function newBuyerId(): string {
  return `b_${randomBytes(16).toString('hex')}`;
}

/** What is stored of a session: never the secret. */
export interface SessionRecord {
  tenantId: string;
  buyerId: string;
  /** SHA-256 of the secret, hex: the session's id. */
  sessionId: string;
  email: string;
  createdAt: string;
  lastSeenAt: string;
  /** When it ends if not used again: min(created + 30 d, last seen + 7 d). */
  expiresAt: string;
}

export function sessionIdOf(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A new session's cookie value and record. */
export function newSession(
  tenantId: string,
  buyer: { buyerId: string; email: string },
  nowMs: number,
): { token: string; record: SessionRecord } {
  const secret = randomBytes(32).toString('base64url');
  const now = new Date(nowMs).toISOString();
  return {
    token: `s1.${buyer.buyerId}.${secret}`,
    record: {
      tenantId,
      buyerId: buyer.buyerId,
      sessionId: sessionIdOf(secret),
      email: buyer.email,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiryOf(now, now),
    },
  };
}

/** The buyer and session id a cookie names, or undefined for anything the platform did not issue. */
export function parseSessionToken(
  token: string | undefined,
): { buyerId: string; sessionId: string } | undefined {
  const match = token ? TOKEN.exec(token) : null;
  if (!match) return undefined;
  return { buyerId: match[1]!, sessionId: sessionIdOf(match[2]!) };
}

export function expiryOf(createdAt: string, lastSeenAt: string): string {
  const absolute = Date.parse(createdAt) + sessionPolicy.absoluteSeconds * 1000;
  const idle = Date.parse(lastSeenAt) + sessionPolicy.idleSeconds * 1000;
  return new Date(Math.min(absolute, idle)).toISOString();
}

export function isLive(record: SessionRecord, nowMs: number): boolean {
  return Date.parse(record.expiresAt) > nowMs;
}

/** The session used now, when its last use is old enough to be worth a write; else undefined. */
export function touched(record: SessionRecord, nowMs: number): SessionRecord | undefined {
  if (nowMs - Date.parse(record.lastSeenAt) < sessionPolicy.touchEverySeconds * 1000) return undefined;
  const lastSeenAt = new Date(nowMs).toISOString();
  return { ...record, lastSeenAt, expiresAt: expiryOf(record.createdAt, lastSeenAt) };
}
