import { randomBytes } from 'node:crypto';
import { DomainError } from '../errors.ts';
import { authorizeTenant, type Principal, requireOperator } from './admin-auth.ts';
import { actorOf } from './admin-service.ts';
import { normalizeHost, type Tenant, type TenantDirectory } from './tenant.ts';

/**
 * Which domains route to which storefront. A tenant may list any domain in its config, but a
 * domain routes only once the platform has seen proof that the tenant controls it — a DNS TXT
 * record or an HTTP token holding the tenant's token for that domain — or the operator has
 * approved it. `<id>.localhost` names route only to tenant `<id>`, and only on the local
 * platform and the dev stage: no public request carries such a Host, and in staging or
 * production a tenant must never be reachable under a name it did not prove.
 */

export type Stage = 'local' | 'dev' | 'staging' | 'prod';
export type VerificationMethod = 'dns-txt' | 'http-token';

/** A domain record's own state (what is stored). */
export type RecordStatus = 'pending' | 'verified' | 'approved' | 'revoked';
/** What a person sees: the record's state, or a rule that needs no record (`*.localhost`). */
export type DomainStatus = RecordStatus | 'local' | 'reserved';

/** The TXT record name under the domain that holds the token. */
export const TXT_RECORD_PREFIX = '_sourcefront-verify';
/** The path on the domain, over plain HTTP, that answers the token. */
export const HTTP_TOKEN_PATH = '/.well-known/sourcefront-verification';

/** A DNS name as a tenant config holds it (the same rule as `tenantSchema.domains`). */
export const domainNamePattern =
  /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

const localhostName = /^([a-z][a-z0-9-]{1,30})\.localhost$/;

/** The tenant id an `<id>.localhost` name belongs to, or undefined for any other name. */
export function localhostTenantOf(host: string): string | undefined {
  return localhostName.exec(normalizeHost(host))?.[1];
}

/** `<id>.localhost` routes only on the local platform and in dev. */
export function localhostRoutes(stage: Stage): boolean {
  return stage === 'local' || stage === 'dev';
}

/**
 * Names no check can prove and no approval may route: anything under `.localhost` (the
 * localhost rule decides those), IP literals and single-label names (`localhost`, `intranet`).
 */
export function isPublicName(host: string): boolean {
  const name = normalizeHost(host);
  if (name === 'localhost' || name.endsWith('.localhost')) return false;
  if (/^\d+(\.\d+){3}$/.test(name) || name.includes(':')) return false;
  return name.includes('.') && !/\.(local|internal|lan|home|corp|test|invalid|example)$/.test(name);
}

export interface DomainRecord {
  tenantId: string;
  host: string;
  status: RecordStatus;
  /** Per tenant and domain, random; what the TXT record or HTTP token must hold. */
  token: string;
  createdAt: string;
  verified?: { method: VerificationMethod; at: string };
  approved?: { by: string; at: string };
  revoked?: { by: string; at: string; reason?: string };
  lastCheck?: DomainCheckReport;
}

/** What one check found; `matched` proves control. Never echoes what the domain answered. */
export type CheckFinding =
  | { result: 'matched' }
  | { result: 'no_record' }
  | { result: 'wrong_value'; found: number }
  | { result: 'lookup_failed'; code: string }
  | { result: 'forbidden_address' }
  | { result: 'unreachable'; code: string }
  | { result: 'timeout'; seconds: number }
  | { result: 'http_status'; status: number }
  | { result: 'redirected_elsewhere' }
  | { result: 'too_many_redirects' }
  | { result: 'too_large'; limitBytes: number };

export interface DomainCheckReport {
  at: string;
  dns: CheckFinding;
  http: CheckFinding;
}

/** A way for the platform to check a token on a domain (adapters/domains/). */
export interface DomainCheck {
  check(host: string, token: string): Promise<CheckFinding>;
}

export interface DomainChecks {
  dns: DomainCheck;
  http: DomainCheck;
}

/** Where domain records live (adapters/dynamodb/domain-verifications.ts). */
export interface DomainRecordStore {
  get(tenantId: string, host: string): Promise<DomainRecord | undefined>;
  /** Stores `record` when the domain has none yet; answers the stored one either way. */
  create(record: DomainRecord): Promise<DomainRecord>;
  /**
   * Replaces the record when it still has `expected`'s status and token (CONFLICT otherwise),
   * with an audit event when the change is a decision (verified, approved, revoked).
   */
  replace(
    expected: DomainRecord,
    next: DomainRecord,
    event?: { action: 'domain.verified' | 'domain.approved' | 'domain.revoked'; actor: string },
  ): Promise<DomainRecord>;
}

export function newVerificationToken(): string {
  return `sf-verify-${randomBytes(24).toString('base64url')}`;
}

/** Whether a domain with this status routes, in this stage. */
export function statusRoutes(status: DomainStatus, stage: Stage): boolean {
  if (status === 'local') return localhostRoutes(stage);
  return status === 'verified' || status === 'approved';
}

/**
 * The tenant directory the request path uses: a Host reaches a tenant only when the tenant's
 * record for that domain is verified or approved, or when it is `<id>.localhost` for tenant
 * `<id>` in a stage that allows it. Another tenant's `<id>.localhost`, or a domain a tenant
 * listed without proving it, reaches nobody.
 */
export function routableDirectory(deps: {
  directory: TenantDirectory;
  byId(id: string): Promise<Tenant | undefined>;
  records: Pick<DomainRecordStore, 'get'>;
  stage: Stage;
}): TenantDirectory {
  return {
    async byHost(raw) {
      if (!raw) return undefined;
      const host = normalizeHost(raw);
      const localId = localhostTenantOf(host);
      if (localId !== undefined) return localhostRoutes(deps.stage) ? deps.byId(localId) : undefined;
      if (!isPublicName(host)) return undefined;
      const tenant = await deps.directory.byHost(host);
      if (!tenant?.domains.some((d) => normalizeHost(d) === host)) return undefined;
      const record = await deps.records.get(tenant.id, host);
      return record && statusRoutes(record.status, deps.stage) ? tenant : undefined;
    },
  };
}

/** What `GET …/domains` shows for one domain: its state and what to publish to prove it. */
export interface DomainView {
  domain: string;
  status: DomainStatus;
  /** Whether requests for this Host reach the storefront in this stage (within the cache TTL). */
  routes: boolean;
  verification?: {
    txt: { name: string; value: string };
    http: { url: string; body: string };
  };
  verified?: DomainRecord['verified'];
  approved?: DomainRecord['approved'];
  revoked?: DomainRecord['revoked'];
  lastCheck?: DomainCheckReport;
}

export function ruleStatus(tenantId: string, host: string): DomainStatus | undefined {
  const localId = localhostTenantOf(host);
  if (localId !== undefined) return localId === tenantId ? 'local' : 'reserved';
  return isPublicName(host) ? undefined : 'reserved';
}

export function domainView(host: string, status: DomainStatus, stage: Stage, record?: DomainRecord) {
  const view: DomainView = { domain: host, status, routes: statusRoutes(status, stage) };
  if (!record) return view;
  if (status === 'pending' || status === 'verified')
    view.verification = {
      txt: { name: `${TXT_RECORD_PREFIX}.${host}`, value: record.token },
      http: { url: `http://${host}${HTTP_TOKEN_PATH}`, body: record.token },
    };
  if (record.verified) view.verified = record.verified;
  if (record.approved) view.approved = record.approved;
  if (record.revoked) view.revoked = record.revoked;
  if (record.lastCheck) view.lastCheck = record.lastCheck;
  return view;
}

/** Flattens a report for the localized DOMAIN_NOT_VERIFIED message (`errors.json` nests `tenant:domainCheck.*`). */
function findingParams(report: DomainCheckReport, host: string) {
  const detail = (f: CheckFinding, prefix: string) =>
    Object.fromEntries(
      Object.entries(f)
        .filter(([k]) => k !== 'result')
        .map(([k, v]) => [`${prefix}${k[0]!.toUpperCase()}${k.slice(1)}`, v]),
    );
  return {
    domain: host,
    txtName: `${TXT_RECORD_PREFIX}.${host}`,
    tokenUrl: `http://${host}${HTTP_TOKEN_PATH}`,
    dns: report.dns.result,
    http: report.http.result,
    ...detail(report.dns, 'dns'),
    ...detail(report.http, 'http'),
  };
}

/**
 * The domain rules of the partner admin API: a tenant (or the operator) lists its domains and
 * asks the platform to check one; only the operator approves or revokes.
 */
export function domainService(deps: {
  tenants: { byId(id: string): Promise<Tenant | undefined> };
  store: DomainRecordStore;
  checks: DomainChecks;
  stage: Stage;
  now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  const tenantWith = async (tenantId: string, host?: string) => {
    const tenant = await deps.tenants.byId(tenantId);
    if (!tenant) throw new DomainError('NOT_FOUND');
    if (host !== undefined && !tenant.domains.some((d) => normalizeHost(d) === host))
      throw new DomainError('NOT_FOUND', { params: { domain: host } });
    return tenant;
  };
  const recordOf = async (tenantId: string, host: string) =>
    (await deps.store.get(tenantId, host)) ??
    deps.store.create({
      tenantId,
      host,
      status: 'pending',
      token: newVerificationToken(),
      createdAt: now().toISOString(),
    });
  const viewOf = async (tenantId: string, host: string) => {
    const rule = ruleStatus(tenantId, host);
    if (rule) return domainView(host, rule, deps.stage);
    const record = await recordOf(tenantId, host);
    return domainView(host, record.status, deps.stage, record);
  };
  const refuseByRule = (tenantId: string, host: string) => {
    const rule = ruleStatus(tenantId, host);
    if (rule === 'reserved') throw new DomainError('DOMAIN_RESERVED', { params: { domain: host } });
    return rule;
  };

  /** An operator decision by a named actor (the local seed records itself). */
  const decideAs = async (
    tenantId: string,
    host: string,
    decision: { approved: boolean; reason?: string },
    actor: string,
  ): Promise<DomainView> => {
    await tenantWith(tenantId, host);
    if (refuseByRule(tenantId, host) === 'local') return viewOf(tenantId, host);
    const record = await recordOf(tenantId, host);
    const at = now().toISOString();
    let next: DomainRecord;
    if (decision.approved) {
      if (record.status === 'approved') return domainView(host, record.status, deps.stage, record);
      const { revoked: _revoked, ...rest } = record;
      next = { ...rest, status: 'approved', approved: { by: actor, at } };
    } else {
      if (record.status === 'revoked') return domainView(host, record.status, deps.stage, record);
      const { approved: _approved, verified: _verified, ...rest } = record;
      next = {
        ...rest,
        status: 'revoked',
        // A later approval starts from a fresh token: proofs published for the old one prove nothing.
        token: newVerificationToken(),
        revoked: { by: actor, at, ...(decision.reason && { reason: decision.reason }) },
      };
    }
    const saved = await deps.store.replace(record, next, {
      action: decision.approved ? 'domain.approved' : 'domain.revoked',
      actor,
    });
    return domainView(host, saved.status, deps.stage, saved);
  };

  return {
    /** Every domain of the tenant's config, each with a token made on first sight. */
    async list(principal: Principal, tenantId: string): Promise<DomainView[]> {
      authorizeTenant(principal, tenantId);
      const tenant = await tenantWith(tenantId);
      const hosts = tenant.domains.map(normalizeHost);
      return Promise.all(hosts.map((host) => viewOf(tenantId, host)));
    },

    /** Checks the domain now (DNS TXT and HTTP token); DOMAIN_NOT_VERIFIED says what was found. */
    async verify(principal: Principal, tenantId: string, domain: string): Promise<DomainView> {
      authorizeTenant(principal, tenantId);
      const host = normalizeHost(domain);
      await tenantWith(tenantId, host);
      if (refuseByRule(tenantId, host) === 'local') return viewOf(tenantId, host);
      const record = await recordOf(tenantId, host);
      if (record.status === 'verified' || record.status === 'approved')
        return domainView(host, record.status, deps.stage, record);
      if (record.status === 'revoked')
        throw new DomainError('DOMAIN_NOT_VERIFIED', { params: { domain: host, context: 'revoked' } });
      const [dns, http] = await Promise.all([
        deps.checks.dns.check(host, record.token),
        deps.checks.http.check(host, record.token),
      ]);
      const at = now().toISOString();
      const lastCheck = { at, dns, http };
      const method: VerificationMethod | undefined =
        dns.result === 'matched' ? 'dns-txt' : http.result === 'matched' ? 'http-token' : undefined;
      if (!method) {
        await deps.store.replace(record, { ...record, lastCheck });
        throw new DomainError('DOMAIN_NOT_VERIFIED', { params: findingParams(lastCheck, host) });
      }
      const next = await deps.store.replace(
        record,
        { ...record, status: 'verified', verified: { method, at }, lastCheck },
        { action: 'domain.verified', actor: actorOf(principal) },
      );
      return domainView(host, next.status, deps.stage, next);
    },

    /** The operator approves (routes at once, no check) or revokes (stops routing, blocks checks). */
    async decide(
      principal: Principal,
      tenantId: string,
      domain: string,
      decision: { approved: boolean; reason?: string },
    ): Promise<DomainView> {
      requireOperator(principal);
      return decideAs(tenantId, normalizeHost(domain), decision, actorOf(principal));
    },
    decideAs,
  };
}
export type DomainService = ReturnType<typeof domainService>;
