import { createHash, createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import { DomainError } from '../errors.ts';
import type { Mailer } from '../mail/mailer.ts';
import { senderFor } from '../mail/mailer.ts';
import { passwordResetMail } from '../mail/templates.ts';
import {
  type RateBucket,
  type RateLimiter,
  type RateRule,
  refuseWhenOverLimit,
} from '../security/rate-limits.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import {
  isLive,
  newBuyerId,
  newSession,
  parseSessionToken,
  type SessionRecord,
  touched,
} from './sessions.ts';

/**
 * Buyer accounts of one site. A buyer belongs to one tenant: the same email on another site is
 * another account, with its own password and sessions. Email addresses are kept lower-cased
 * and are unique per tenant (the store claims each with a conditional write).
 */
export interface BuyerProfile {
  companyName: string;
  contactName: string;
  phone: string;
  /** As typed (trimmed); checked per the site's country where a validator is wired. */
  taxId?: string;
}

export interface BuyerRecord extends BuyerProfile {
  tenantId: string;
  buyerId: string;
  email: string;
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

/** A signed-in buyer as the edge sees it (functions/http/shopper.ts SignedInBuyer). */
export interface BuyerIdentity {
  buyerId: string;
  sessionId: string;
  email: string;
}

/** A pending password reset: one per buyer, replaced by a newer request. */
export interface PasswordReset {
  tenantId: string;
  buyerId: string;
  /** HMAC-SHA256 of the code under the platform's code key: a table read does not give it. */
  codeHash: string;
  expiresAt: string;
  /** Wrong codes tried against this reset; at `resetPolicy.maxAttempts` it is void. */
  attempts: number;
}

export interface BuyerStore {
  /** Claims the email for the tenant and stores the buyer, both or neither. */
  create(buyer: BuyerRecord): Promise<'created' | 'email-taken'>;
  byId(tenantId: string, buyerId: string): Promise<BuyerRecord | undefined>;
  byEmail(tenantId: string, email: string): Promise<BuyerRecord | undefined>;
  updateProfile(
    tenantId: string,
    buyerId: string,
    changes: Partial<BuyerProfile>,
    remove: readonly (keyof BuyerProfile)[],
    updatedAt: string,
  ): Promise<BuyerRecord | undefined>;
  setPasswordHash(tenantId: string, buyerId: string, passwordHash: string, updatedAt: string): Promise<void>;
  saveSession(session: SessionRecord): Promise<void>;
  session(tenantId: string, buyerId: string, sessionId: string): Promise<SessionRecord | undefined>;
  /** Records a use; a session deleted meanwhile stays deleted. */
  touchSession(session: SessionRecord): Promise<void>;
  deleteSession(tenantId: string, buyerId: string, sessionId: string): Promise<void>;
  /** Deletes every session of the buyer and says how many there were. */
  deleteSessions(tenantId: string, buyerId: string): Promise<number>;
  saveReset(reset: PasswordReset): Promise<void>;
  reset(tenantId: string, buyerId: string): Promise<PasswordReset | undefined>;
  /** Deletes the reset only while it still holds this code hash: true for exactly one caller. */
  consumeReset(tenantId: string, buyerId: string, codeHash: string): Promise<boolean>;
  countResetFailure(tenantId: string, buyerId: string): Promise<void>;
}

/** What the buyer sees of their account (never the password hash). */
export function presentBuyer(buyer: BuyerRecord) {
  return {
    buyerId: buyer.buyerId,
    email: buyer.email,
    companyName: buyer.companyName,
    contactName: buyer.contactName,
    phone: buyer.phone,
    ...(buyer.taxId !== undefined && { taxId: buyer.taxId }),
    createdAt: buyer.createdAt,
  };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Failed sign-ins and reset confirmations, counted together: per client address across every
 * site (an office or a mobile carrier's NAT shares one, so the limit is generous), and per
 * account (tenant + email). Past either, 429 with Retry-After until the window ends.
 */
export const buyerAuthRules = {
  perIp: { limit: 50, windowSeconds: 900 },
  perAccount: { limit: 10, windowSeconds: 900 },
  /** Reset mails per account: more requests are answered alike but send nothing. */
  resetMails: { limit: 5, windowSeconds: 3600 },
} as const satisfies Record<string, RateRule>;

export const resetPolicy = { codeDigits: 6, validMinutes: 15, maxAttempts: 5 } as const;

/** Bucket names never hold the address itself (nor a `#` it may contain). */
const accountTag = (email: string) => createHash('sha256').update(email).digest('hex').slice(0, 32);
const ipBucket = (clientIp: string): RateBucket => ({ name: `buyer-auth-failures:ip:${clientIp}` });
const accountBucket = (tenantId: string, email: string): RateBucket => ({
  tenantId,
  name: `buyer-auth-failures:account:${accountTag(email)}`,
});

export interface BuyerAccountsDeps {
  store: BuyerStore;
  rateLimits: RateLimiter;
  mailer: Mailer;
  /** MAIL_FROM: the sender of a site without a contact address. */
  platformFrom: string;
  /** The key reset codes are hashed under (a platform secret). */
  codeKey: () => Promise<string>;
  now?: () => number;
}

export interface SignedIn {
  buyer: BuyerRecord;
  /** The `sf_session` cookie value. */
  token: string;
}

export interface Registration extends BuyerProfile {
  email: string;
  password: string;
}

export function buyerAccounts(deps: BuyerAccountsDeps) {
  const { store, rateLimits } = deps;
  const now = deps.now ?? Date.now;

  async function startSession(buyer: BuyerRecord): Promise<SignedIn> {
    const { token, record } = newSession(buyer.tenantId, buyer, now());
    await store.saveSession(record);
    return { buyer, token };
  }

  /** Refuses a caller over a limit before any password is hashed; counts a failure after. */
  async function guarded<T>(tenantId: string, email: string, clientIp: string, attempt: () => Promise<T>) {
    const byIp = ipBucket(clientIp);
    const byAccount = accountBucket(tenantId, email);
    const at = now();
    await refuseWhenOverLimit(rateLimits, [byIp], buyerAuthRules.perIp, at);
    await refuseWhenOverLimit(rateLimits, [byAccount], buyerAuthRules.perAccount, at);
    try {
      return await attempt();
    } catch (error) {
      if (
        error instanceof DomainError &&
        (error.code === 'INVALID_CREDENTIALS' || error.code === 'RESET_CODE_INVALID')
      ) {
        await Promise.all([
          rateLimits.hit(byIp, buyerAuthRules.perIp, at),
          rateLimits.hit(byAccount, buyerAuthRules.perAccount, at),
        ]);
      }
      throw error;
    }
  }

  async function codeHash(tenantId: string, buyerId: string, code: string): Promise<string> {
    return createHmac('sha256', await deps.codeKey())
      .update(`${tenantId}:${buyerId}:${code}`)
      .digest('hex');
  }

  return {
    /** A new account, signed in. The password rules are checked here (localized field errors). */
    async register(tenant: Tenant, input: Registration): Promise<SignedIn> {
      const email = normalizeEmail(input.email);
      const problems = passwordProblems(input.password, email);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      const at = new Date(now()).toISOString();
      const buyer: BuyerRecord = {
        tenantId: tenant.id,
        buyerId: newBuyerId(),
        email,
        companyName: input.companyName,
        contactName: input.contactName,
        phone: input.phone,
        ...(input.taxId !== undefined && { taxId: input.taxId }),
        passwordHash: await hashPassword(input.password),
        createdAt: at,
        updatedAt: at,
      };
      if ((await store.create(buyer)) === 'email-taken') {
        throw new DomainError('EMAIL_TAKEN', { fields: [{ path: 'body.email', rule: 'email_taken' }] });
      }
      return startSession(buyer);
    },

    /** Email and password; a wrong one and an unknown email are told apart neither by answer nor by time. */
    async signIn(tenant: Tenant, input: { email: string; password: string }, clientIp: string) {
      const email = normalizeEmail(input.email);
      return guarded(tenant.id, email, clientIp, async () => {
        const buyer = await store.byEmail(tenant.id, email);
        const check = await verifyPassword(input.password, buyer?.passwordHash ?? (await decoyHash()));
        if (!buyer || !check.ok) throw new DomainError('INVALID_CREDENTIALS');
        if (check.needsRehash) {
          await store.setPasswordHash(
            tenant.id,
            buyer.buyerId,
            await hashPassword(input.password),
            new Date(now()).toISOString(),
          );
        }
        return startSession(buyer);
      });
    },

    /** The buyer a session cookie stands for on this tenant, or undefined (absent, forged, ended, another site's). */
    async authenticate(tenantId: string, token: string | undefined): Promise<BuyerIdentity | undefined> {
      const presented = parseSessionToken(token);
      if (!presented) return undefined;
      const session = await store.session(tenantId, presented.buyerId, presented.sessionId);
      const at = now();
      if (!session || !isLive(session, at)) return undefined;
      const used = touched(session, at);
      if (used) await store.touchSession(used);
      return { buyerId: session.buyerId, sessionId: session.sessionId, email: session.email };
    },

    async signOut(tenantId: string, buyer: BuyerIdentity): Promise<number> {
      await store.deleteSession(tenantId, buyer.buyerId, buyer.sessionId);
      return 1;
    },

    /** Ends every session of the buyer, on every device (this one too). */
    signOutEverywhere(tenantId: string, buyerId: string): Promise<number> {
      return store.deleteSessions(tenantId, buyerId);
    },

    async profile(tenantId: string, buyerId: string): Promise<BuyerRecord> {
      const buyer = await store.byId(tenantId, buyerId);
      if (!buyer) throw new DomainError('UNAUTHORIZED');
      return buyer;
    },

    /** Changes the given fields; `taxId: null` removes the tax id. The email is not changed here. */
    async updateProfile(
      tenantId: string,
      buyerId: string,
      changes: Partial<Omit<BuyerProfile, 'taxId'>> & { taxId?: string | null },
    ): Promise<BuyerRecord> {
      const { taxId, ...rest } = changes;
      const set: Partial<BuyerProfile> = { ...rest, ...(typeof taxId === 'string' && { taxId }) };
      const updated = await store.updateProfile(
        tenantId,
        buyerId,
        set,
        taxId === null ? ['taxId'] : [],
        new Date(now()).toISOString(),
      );
      if (!updated) throw new DomainError('UNAUTHORIZED');
      return updated;
    },

    /**
     * Mails a one-time code when the email has an account here; answers alike either way, so
     * the answer does not tell whether an account exists.
     */
    async requestReset(tenant: Tenant, rawEmail: string, locale: Locale): Promise<void> {
      const email = normalizeEmail(rawEmail);
      const buyer = await store.byEmail(tenant.id, email);
      if (!buyer) return;
      const mails = await rateLimits.hit(
        { tenantId: tenant.id, name: `password-reset-mails:account:${accountTag(email)}` },
        buyerAuthRules.resetMails,
        now(),
      );
      if (mails > buyerAuthRules.resetMails.limit) return;
      const code = String(randomInt(0, 10 ** resetPolicy.codeDigits)).padStart(resetPolicy.codeDigits, '0');
      await store.saveReset({
        tenantId: tenant.id,
        buyerId: buyer.buyerId,
        codeHash: await codeHash(tenant.id, buyer.buyerId, code),
        expiresAt: new Date(now() + resetPolicy.validMinutes * 60_000).toISOString(),
        attempts: 0,
      });
      const mail = passwordResetMail(locale, {
        site: tenant.name,
        name: buyer.contactName,
        code,
        minutes: resetPolicy.validMinutes,
      });
      await deps.mailer.send({ from: senderFor(tenant, deps.platformFrom), to: buyer.email, ...mail });
    },

    /**
     * A valid code sets the new password, ends every session and signs in. The code works once,
     * for 15 minutes, and 5 wrong tries void it; failures count like failed sign-ins.
     */
    async confirmReset(
      tenant: Tenant,
      input: { email: string; code: string; password: string },
      clientIp: string,
    ): Promise<SignedIn> {
      const email = normalizeEmail(input.email);
      const problems = passwordProblems(input.password, email);
      if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', { fields: problems });
      return guarded(tenant.id, email, clientIp, async () => {
        const buyer = await store.byEmail(tenant.id, email);
        const reset = buyer ? await store.reset(tenant.id, buyer.buyerId) : undefined;
        if (!buyer || !reset) throw new DomainError('RESET_CODE_INVALID');
        const presented = Buffer.from(await codeHash(tenant.id, buyer.buyerId, input.code));
        const expected = Buffer.from(reset.codeHash);
        const matches = presented.length === expected.length && timingSafeEqual(presented, expected);
        const usable = Date.parse(reset.expiresAt) > now() && reset.attempts < resetPolicy.maxAttempts;
        if (!matches || !usable) {
          if (!matches) await store.countResetFailure(tenant.id, buyer.buyerId);
          throw new DomainError('RESET_CODE_INVALID');
        }
        if (!(await store.consumeReset(tenant.id, buyer.buyerId, reset.codeHash))) {
          throw new DomainError('RESET_CODE_INVALID');
        }
        const at = new Date(now()).toISOString();
        await store.setPasswordHash(tenant.id, buyer.buyerId, await hashPassword(input.password), at);
        await store.deleteSessions(tenant.id, buyer.buyerId);
        return startSession(buyer);
      });
    },
  };
}

export type BuyerAccounts = ReturnType<typeof buyerAccounts>;
