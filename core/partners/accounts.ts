import { createHash } from 'node:crypto';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from '../buyers/passwords.ts';
import { DomainError } from '../errors.ts';
import {
  type RateBucket,
  type RateLimiter,
  type RateRule,
  refuseWhenOverLimit,
} from '../security/rate-limits.ts';
import {
  type ConsoleRole,
  type ConsoleSessionRecord,
  type ConsoleUser,
  newConsoleSession,
  normalizePartnerEmail,
  type PartnerUser,
  parseConsoleToken,
  touchedConsoleSession,
  userKeyOf,
} from './users.ts';

/** A pending invitation: the link's secret is kept only as its SHA-256. */
export interface PartnerInvite {
  /** SHA-256 of the link's secret. */
  inviteId: string;
  email: string;
  role: ConsoleRole;
  tenantId?: string;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
}

/** The partner-user store (adapters/dynamodb/partner-store.ts). */
export interface PartnerStore {
  /** Stores a new user (and its tenant membership), or says the email is taken. */
  create(user: PartnerUser): Promise<'created' | 'email-taken'>;
  byEmail(email: string): Promise<PartnerUser | undefined>;
  byKey(userKey: string): Promise<PartnerUser | undefined>;
  /** The users of one tenant (owners and staff). */
  ofTenant(tenantId: string): Promise<PartnerUser[]>;
  setPasswordHash(email: string, passwordHash: string, updatedAt: string): Promise<void>;
  saveSession(session: ConsoleSessionRecord): Promise<void>;
  session(userKey: string, sessionId: string): Promise<ConsoleSessionRecord | undefined>;
  touchSession(session: ConsoleSessionRecord): Promise<void>;
  deleteSession(userKey: string, sessionId: string): Promise<void>;
  deleteSessions(userKey: string): Promise<number>;
  /** Adds a tenant to the operator's list (idempotent). */
  recordTenant(tenantId: string): Promise<void>;
  knownTenants(): Promise<string[]>;
  saveInvite(invite: PartnerInvite): Promise<void>;
  invite(inviteId: string): Promise<PartnerInvite | undefined>;
  /** Deletes the invite: true for exactly one caller (an invite works once). */
  consumeInvite(inviteId: string): Promise<boolean>;
}

/** Failed console sign-ins: per client address and per account, tighter than buyers'. */
export const consoleAuthRules = {
  perIp: { limit: 30, windowSeconds: 900 },
  perAccount: { limit: 8, windowSeconds: 900 },
} as const satisfies Record<string, RateRule>;

const tag = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);
const ipBucket = (clientIp: string): RateBucket => ({ name: `console-auth-failures:ip:${clientIp}` });
const accountBucket = (email: string): RateBucket => ({
  name: `console-auth-failures:account:${tag(email)}`,
});

export interface PartnerAccountsDeps {
  store: PartnerStore;
  rateLimits: RateLimiter;
  now?: () => number;
}

export interface ConsoleSignIn {
  user: PartnerUser;
  /** The `sc_session` cookie value. */
  token: string;
  csrf: string;
}

/** Sign-in, sessions and users of the console realm. */
export function partnerAccounts(deps: PartnerAccountsDeps) {
  const { store, rateLimits } = deps;
  const now = deps.now ?? Date.now;
  const iso = () => new Date(now()).toISOString();

  async function startSession(user: PartnerUser): Promise<ConsoleSignIn> {
    const { token, record } = newConsoleSession(user.email, now());
    await store.saveSession(record);
    return { user, token, csrf: record.csrf };
  }

  async function guarded<T>(email: string, clientIp: string, attempt: () => Promise<T>): Promise<T> {
    const at = now();
    await refuseWhenOverLimit(rateLimits, [ipBucket(clientIp)], consoleAuthRules.perIp, at);
    await refuseWhenOverLimit(rateLimits, [accountBucket(email)], consoleAuthRules.perAccount, at);
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'INVALID_CREDENTIALS') {
        await Promise.all([
          rateLimits.hit(ipBucket(clientIp), consoleAuthRules.perIp, at),
          rateLimits.hit(accountBucket(email), consoleAuthRules.perAccount, at),
        ]);
      }
      throw error;
    }
  }

  return {
    /** Email and password; unknown email, no password yet and a wrong one answer alike, in like time. */
    async signIn(input: { email: string; password: string }, clientIp: string): Promise<ConsoleSignIn> {
      const email = normalizePartnerEmail(input.email);
      return guarded(email, clientIp, async () => {
        const user = await store.byEmail(email);
        const check = await verifyPassword(input.password, user?.passwordHash ?? (await decoyHash()));
        if (!user?.passwordHash || !check.ok) throw new DomainError('INVALID_CREDENTIALS');
        if (check.needsRehash) await store.setPasswordHash(email, await hashPassword(input.password), iso());
        return startSession(user);
      });
    },

    /** The user a console cookie stands for, or undefined (absent, forged, ended). */
    async authenticate(token: string | undefined): Promise<ConsoleUser | undefined> {
      const presented = parseConsoleToken(token);
      if (!presented) return undefined;
      const session = await store.session(presented.userKey, presented.sessionId);
      const at = now();
      if (!session || Date.parse(session.expiresAt) <= at) return undefined;
      const user = await store.byKey(presented.userKey);
      if (!user) return undefined;
      const used = touchedConsoleSession(session, at);
      if (used) await store.touchSession(used);
      return {
        email: user.email,
        role: user.role,
        ...(user.tenantId && { tenantId: user.tenantId }),
        sessionId: session.sessionId,
        csrf: session.csrf,
      };
    },

    async signOut(user: Pick<ConsoleUser, 'email' | 'sessionId'>): Promise<void> {
      await store.deleteSession(userKeyOf(user.email), user.sessionId);
    },

    /**
     * A user with a password, made directly: the local platform's operator and test fixtures.
     * Idempotent: an existing user keeps its role and gets the given password.
     */
    async ensureUser(
      input: { email: string; role: ConsoleRole; tenantId?: string; password: string },
      actor: string,
    ): Promise<PartnerUser> {
      const email = normalizePartnerEmail(input.email);
      const problems = passwordProblems(input.password, email);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      const passwordHash = await hashPassword(input.password);
      const at = iso();
      const user: PartnerUser = {
        email,
        role: input.role,
        ...(input.tenantId && { tenantId: input.tenantId }),
        passwordHash,
        createdAt: at,
        createdBy: actor,
        updatedAt: at,
      };
      if ((await store.create(user)) === 'created') return user;
      await store.setPasswordHash(email, passwordHash, at);
      return (await store.byEmail(email)) ?? user;
    },

    users: (tenantId: string) => store.ofTenant(tenantId),
    recordTenant: (tenantId: string) => store.recordTenant(tenantId),
    knownTenants: () => store.knownTenants(),
    byEmail: (email: string) => store.byEmail(normalizePartnerEmail(email)),
  };
}

export type PartnerAccounts = ReturnType<typeof partnerAccounts>;
