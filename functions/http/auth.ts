import { SESSION_COOKIE } from '../../core/buyers/sessions.ts';
import { DomainError } from '../../core/errors.ts';
import { checkSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../core/handoff/signature.ts';
import { CONSOLE_SESSION_COOKIE, type ConsoleUser } from '../../core/partners/users.ts';
import {
  authFailureRule,
  consume,
  type RateBucket,
  refuseWhenOverLimit,
} from '../../core/security/rate-limits.ts';
import {
  authenticate,
  authorizeTenant,
  type Principal,
  presentedKey,
  requireOperator,
} from '../../core/tenants/admin-auth.ts';
import { parseApiKey } from '../../core/tenants/api-keys.ts';
import type { Services } from '../composition.ts';
import type { RouteDefinition } from '../contract.ts';
import { SUPPLY_SIGNING_KEY } from '../secrets.ts';
import { readCookie } from './request.ts';
import { type Shopper, type SignedInBuyer, visitorOf } from './shopper.ts';
import type { HttpEvent } from './types.ts';

interface Caller {
  event: HttpEvent;
  /** The Host's tenant, when the route resolves one (buyer sessions belong to one). */
  tenantId: string | undefined;
  params: Record<string, string> | undefined;
  clientIp: string;
  services: Services;
}

/** The buckets a failed attempt counts against: the client's address and, when one was presented, the key. */
function failureBuckets(event: HttpEvent, clientIp: string): RateBucket[] {
  const buckets: RateBucket[] = [{ name: `auth-failures:ip:${clientIp}` }];
  const presented = presentedKey(event.headers);
  const key = presented ? parseApiKey(presented) : undefined;
  if (key) buckets.push({ tenantId: key.tenantId, name: `auth-failures:key:${key.keyId}` });
  return buckets;
}

/** Runs a credential check; a refusal counts against the caller, and a caller over the limit is not checked at all. */
async function throttled<T>(caller: Caller, check: () => Promise<T>): Promise<T> {
  const { rateLimits } = caller.services;
  const buckets = failureBuckets(caller.event, caller.clientIp);
  const now = Date.now();
  await refuseWhenOverLimit(rateLimits, buckets, authFailureRule, now);
  try {
    return await check();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'UNAUTHORIZED') {
      await Promise.all(buckets.map((b) => rateLimits.hit(b, authFailureRule, now)));
    }
    throw error;
  }
}

function rawBody(event: HttpEvent): string {
  if (event.body === undefined) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * Enforces a route's `auth` before its query or body is read: 401 for missing or wrong
 * credentials (counted; repeated failures get 429), 403 for a valid caller outside its scope.
 */
export async function authenticateCaller(
  route: RouteDefinition,
  caller: Caller,
): Promise<Principal | undefined> {
  switch (route.auth) {
    case 'public':
    case 'shopper':
      return undefined;
    case 'buyer':
      throw new Error('buyer routes are authenticated by authenticateBuyer');
    case 'console':
      throw new Error('console routes are authenticated by authenticateConsole');
    case 'supply-signature': {
      await throttled(caller, async () => {
        const keys = await caller.services.secrets.versions(SUPPLY_SIGNING_KEY);
        const result = checkSignature({
          keys,
          timestamp: caller.event.headers[TIMESTAMP_HEADER],
          signature: caller.event.headers[SIGNATURE_HEADER],
          body: rawBody(caller.event),
          nowSeconds: Math.floor(Date.now() / 1000),
        });
        if (result !== 'valid') throw new DomainError('UNAUTHORIZED', { params: { reason: result } });
      });
      return undefined;
    }
    case 'operator':
    case 'tenant-admin': {
      const principal = await throttled(caller, () =>
        authenticate(caller.event.headers, caller.services.adminAuth),
      );
      if (route.auth === 'operator') requireOperator(principal);
      else authorizeTenant(principal, caller.params?.tenantId ?? '');
      return principal;
    }
  }
}

/** The signed-in buyer the `sf_session` cookie stands for on this site, if any. */
function sessionBuyer(caller: Caller): Promise<SignedInBuyer | undefined> {
  const token = readCookie(caller.event, SESSION_COOKIE);
  if (!caller.tenantId || !token) return Promise.resolve(undefined);
  return caller.services.buyers.authenticate(caller.tenantId, token);
}

/**
 * A `buyer` route: the signed-in buyer of the Host's site, or 401. A session cookie that is
 * absent, forged, ended (signed out, expired) or another site's is refused alike. Session
 * secrets are 256 random bits, so refusals are not counted as guesses.
 */
export async function authenticateBuyer(caller: Caller): Promise<SignedInBuyer> {
  const buyer = await sessionBuyer(caller);
  if (!buyer) throw new DomainError('UNAUTHORIZED');
  return buyer;
}

/**
 * Who is using a `shopper` route: the visitor (a new visitor gets its cookie with the answer)
 * and, with a valid session on this site, the signed-in buyer; an invalid session is ignored.
 */
export async function identifyShopper(caller: Caller): Promise<{ shopper: Shopper; cookies: string[] }> {
  const { visitorId, cookie } = visitorOf(caller.event);
  const buyer = await sessionBuyer(caller);
  return { shopper: { visitorId, ...(buyer && { buyer }) }, cookies: cookie ? [cookie] : [] };
}

/** The console user the `sc_session` cookie stands for, if any (pages that also serve the signed-out). */
export function consoleSessionUser(
  caller: Pick<Caller, 'event' | 'services'>,
): Promise<ConsoleUser | undefined> {
  return caller.services.partners.authenticate(readCookie(caller.event, CONSOLE_SESSION_COOKIE));
}

/**
 * A `console` route: the signed-in console user, or 401; 403 when the user's role is not one of
 * the route's, or the path's `{tenantId}` is not the user's tenant (operators act on any). The
 * user comes back as the admin Principal, so the console calls the very rules the admin API does.
 */
export async function authenticateConsole(
  route: RouteDefinition,
  caller: Caller,
): Promise<{ principal: Principal; user: ConsoleUser }> {
  const user = await consoleSessionUser(caller);
  if (!user) throw new DomainError('UNAUTHORIZED');
  if (route.roles && !route.roles.includes(user.role)) throw new DomainError('FORBIDDEN');
  const principal: Principal = {
    kind: 'user',
    email: user.email,
    role: user.role,
    ...(user.tenantId && { tenantId: user.tenantId }),
  };
  const tenantId = caller.params?.tenantId;
  if (tenantId !== undefined) authorizeTenant(principal, tenantId);
  return { principal, user };
}

/** A route's own rate limit (`rateLimit` in the table), per site and client address. */
export async function enforceRateLimit(
  services: Services,
  route: RouteDefinition,
  tenantId: string | undefined,
  clientIp: string,
): Promise<void> {
  if (!route.rateLimit) return;
  await consume(
    services.rateLimits,
    { ...(tenantId && { tenantId }), name: `route:${route.handler}:ip:${clientIp}` },
    route.rateLimit,
    Date.now(),
  );
}
