import { createHash } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from '../buyers/passwords.ts';
import { DomainError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import {
  type RateBucket,
  type RateLimiter,
  type RateRule,
  refuseWhenOverLimit,
} from '../security/rate-limits.ts';
import { actorOf, isOperator, type Principal } from '../tenants/admin-auth.ts';
import { inviteIdOf, inviteMail, invitePolicy, newInviteSecret } from './invites.ts';
import {
  type ConsoleRole,
  type ConsoleSessionRecord,
  type ConsoleUser,
  mayInvite,
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
  mailer?: Mailer;
  /** MAIL_FROM: the console's sender. */
  platformFrom?: string;
  now?: () => number;
}

export interface InviteRequest {
  email: string;
  role: ConsoleRole;
  tenantId?: string;
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

    /**
     * Invites a colleague: the operator invites a tenant's owner (or another operator), an
     * owner invites staff of its own tenant; staff invite no one (403). The user exists at once
     * without a password; the mailed link (valid 72 h, once) sets it. Inviting again a user who
     * has not accepted yet mails a new link; a user who has a password is EMAIL_TAKEN.
     */
    async invite(
      principal: Principal,
      request: InviteRequest,
      mail: { consoleOrigin: string; locale: Locale; site: string },
    ): Promise<{ user: PartnerUser; expiresAt: string }> {
      const inviterRole: ConsoleRole = principal.kind === 'user' ? principal.role : 'operator';
      if (principal.kind === 'tenant' || !mayInvite({ role: inviterRole }, request.role))
        throw new DomainError('FORBIDDEN');
      const tenantId = request.role === 'operator' ? undefined : request.tenantId;
      if (request.role !== 'operator' && !tenantId)
        throw new DomainError('VALIDATION_FAILED', {
          fields: [{ path: 'body.tenantId', rule: 'required' }],
        });
      if (!isOperator(principal) && principal.kind === 'user' && principal.tenantId !== tenantId)
        throw new DomainError('FORBIDDEN');
      const email = normalizePartnerEmail(request.email);
      const at = iso();
      const fresh: PartnerUser = {
        email,
        role: request.role,
        ...(tenantId && { tenantId }),
        createdAt: at,
        createdBy: actorOf(principal),
        updatedAt: at,
      };
      let user = fresh;
      if ((await store.create(fresh)) === 'email-taken') {
        const existing = await store.byEmail(email);
        if (
          !existing ||
          existing.passwordHash ||
          existing.tenantId !== fresh.tenantId ||
          existing.role !== fresh.role
        )
          throw new DomainError('EMAIL_TAKEN', { fields: [{ path: 'body.email', rule: 'email_taken' }] });
        user = existing;
      }
      const { secret, inviteId } = newInviteSecret();
      const expiresAt = new Date(now() + invitePolicy.validHours * 3600_000).toISOString();
      await store.saveInvite({
        inviteId,
        email,
        role: user.role,
        ...(user.tenantId && { tenantId: user.tenantId }),
        invitedBy: actorOf(principal),
        createdAt: at,
        expiresAt,
      });
      if (!deps.mailer) throw new Error('partner invites need a mailer');
      const rendered = inviteMail(mail.locale, {
        inviter: principal.kind === 'user' ? principal.email : 'Sourcefront',
        site: mail.site,
        role: user.role,
        url: `${mail.consoleOrigin}/invite/${secret}`,
        hours: invitePolicy.validHours,
      });
      await deps.mailer.send({
        from: { name: 'Sourcefront Console', address: deps.platformFrom ?? 'no-reply@sourcefront.localhost' },
        to: email,
        ...rendered,
      });
      return { user, expiresAt };
    },

    /** The invite a link stands for while it can still be accepted, else undefined. */
    async pendingInvite(secret: string): Promise<PartnerInvite | undefined> {
      const inviteId = inviteIdOf(secret);
      const invite = inviteId ? await store.invite(inviteId) : undefined;
      return invite && Date.parse(invite.expiresAt) > now() ? invite : undefined;
    },

    /**
     * Accepts an invitation: the link works once and until it expires (else INVITE_INVALID);
     * the password rules are the buyers'; the new user is signed in.
     */
    async acceptInvite(secret: string, password: string): Promise<ConsoleSignIn> {
      const inviteId = inviteIdOf(secret);
      const invite = inviteId ? await store.invite(inviteId) : undefined;
      if (!inviteId || !invite || Date.parse(invite.expiresAt) <= now())
        throw new DomainError('INVITE_INVALID');
      const problems = passwordProblems(password, invite.email);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      if (!(await store.consumeInvite(inviteId))) throw new DomainError('INVITE_INVALID');
      const user = await store.byEmail(invite.email);
      if (!user) throw new DomainError('INVITE_INVALID');
      await store.setPasswordHash(invite.email, await hashPassword(password), iso());
      await store.deleteSessions(userKeyOf(invite.email));
      return startSession(user);
    },

    users: (tenantId: string) => store.ofTenant(tenantId),
    recordTenant: (tenantId: string) => store.recordTenant(tenantId),
    knownTenants: () => store.knownTenants(),
    byEmail: (email: string) => store.byEmail(normalizePartnerEmail(email)),
  };
}

export type PartnerAccounts = ReturnType<typeof partnerAccounts>;
