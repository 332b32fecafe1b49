import * as z from 'zod';
import { DomainError } from '../errors.ts';
import { fieldErrorsFrom } from '../validation/field-errors.ts';
import { authorizeTenant, type Principal } from './admin-auth.ts';
import { actorOf, type TenantStore, type VersionedTenant } from './admin-service.ts';
import { type ConfigChange, diffConfig } from './config-diff.ts';
import { type Tenant, type TenantInput, tenantSchema } from './tenant.ts';

/**
 * The launch flow's drafts. A partner works on one draft of its site's config at a time: it
 * starts as a copy of a live version (its `baseVersion`), each step of the flow replaces the
 * part of the config it owns, and it is kept across sessions until it is published or
 * discarded. Publishing applies the draft with the live config's version check, so a publish
 * made by someone else in the meantime is refused (DRAFT_OUTDATED) and the draft is kept;
 * `rebase` carries the draft's own changes over to the newer live version.
 *
 * Everything here is pure but the service at the end, which works through two ports: the
 * tenant store (the live config, its versions and audit) and the draft store.
 */
export interface TenantDraft {
  tenantId: string;
  /** The live version the draft was started from (or last rebased onto). */
  baseVersion: number;
  /** Counts the draft's saves: a save is conditioned on the revision its writer read. */
  revision: number;
  /** A complete, valid config: every step is validated as part of the whole. */
  config: Tenant;
  updatedAt: string;
  updatedBy: string;
}

/** The steps of the launch flow and the top-level config fields each one owns. */
export const draftSteps = {
  brand: ['name', 'brand'],
  domains: ['domains'],
  locales: ['defaultLocale', 'locales', 'currency', 'country', 'timeZone'],
  pricing: ['pricing'],
  curation: ['curation'],
  lanes: ['shippingLanes'],
  payments: ['paymentMethods', 'payments'],
  contact: ['contact', 'legal'],
} as const satisfies Record<string, readonly (keyof TenantInput)[]>;
export type DraftStep = keyof typeof draftSteps;
export const draftStepNames = Object.keys(draftSteps) as DraftStep[];
export const draftStepSchema = z.enum(draftStepNames as [DraftStep, ...DraftStep[]]);

/** A new draft: a copy of the live config at its version. */
export function startDraft(live: VersionedTenant, actor: string, at: Date): TenantDraft {
  return {
    tenantId: live.tenant.id,
    baseVersion: live.version,
    revision: 0,
    config: live.tenant,
    updatedAt: at.toISOString(),
    updatedBy: actor,
  };
}

/**
 * The draft with one step's fields replaced by `values` (fields of other steps in `values` are
 * ignored, absent ones of this step are cleared to their defaults). The whole config is
 * validated: a step that breaks a rule of another (a default locale outside the locales, bank
 * transfer without an account) is refused with every failing field, and nothing changes.
 */
export function applyStep(
  draft: TenantDraft,
  step: DraftStep,
  values: Partial<TenantInput>,
): { config: Tenant; changes: ConfigChange[] } {
  const next: Record<string, unknown> = { ...draft.config };
  for (const field of draftSteps[step]) {
    if (values[field] === undefined) delete next[field];
    else next[field] = values[field];
  }
  next.id = draft.tenantId;
  const parsed = tenantSchema.safeParse(next, { reportInput: true });
  if (!parsed.success) {
    throw new DomainError('VALIDATION_FAILED', { fields: fieldErrorsFrom(parsed.error) });
  }
  return { config: parsed.data, changes: diffConfig(draft.config, parsed.data) };
}

/** What publishing the draft would change on the live site (the publish page's diff). */
export function draftChanges(draft: TenantDraft, live: VersionedTenant): ConfigChange[] {
  return diffConfig(live.tenant, draft.config);
}

/** Refuses to publish a draft that was not started from the live version. */
export function checkPublishable(draft: TenantDraft, live: VersionedTenant): void {
  if (draft.baseVersion !== live.version) {
    throw new DomainError('DRAFT_OUTDATED', {
      params: { baseVersion: draft.baseVersion, liveVersion: live.version },
    });
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function setPath(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  if (path === '(root)') return value as Record<string, unknown>;
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  const copy = { ...target };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  copy[head] = setPath(isPlainObject(copy[head]) ? copy[head] : {}, rest.join('.'), value);
  return copy;
}

/**
 * The draft moved onto a newer live version: the changes the draft made to its base are
 * replayed on `live`, every other field takes the live value. Where both changed the same
 * field the draft's value wins, and that path is listed in `overlapping` for the partner to
 * review before publishing again. A replay that breaks a rule keeps the live value.
 */
export function rebaseDraft(
  draft: TenantDraft,
  base: Tenant,
  live: VersionedTenant,
): { config: Tenant; overlapping: string[] } {
  const mine = diffConfig(base, draft.config);
  const theirs = new Set(diffConfig(base, live.tenant).map((c) => c.path));
  let merged = live.tenant as unknown as Record<string, unknown>;
  for (const change of mine) merged = setPath(merged, change.path, change.to);
  const parsed = tenantSchema.safeParse(merged);
  return {
    config: parsed.success ? parsed.data : live.tenant,
    overlapping: mine.map((c) => c.path).filter((p) => theirs.has(p)),
  };
}

/** The draft store (adapters/dynamodb/tenant-draft-store.ts). */
export interface DraftStore {
  get(tenantId: string): Promise<TenantDraft | undefined>;
  /**
   * Writes `draft` (its revision one above `expectedRevision`, or 1 for a new draft) with an audit
   * record of `changes`, in one transaction; CONFLICT when another save came first.
   */
  save(draft: TenantDraft, expectedRevision: number | undefined, changes: ConfigChange[]): Promise<void>;
  /** Removes the draft when still at `revision` (a publish or a discard); audited as `action`. */
  remove(
    tenantId: string,
    revision: number,
    audit: { at: string; actor: string; action: 'draft.discarded' | 'draft.published' },
  ): Promise<void>;
}

/**
 * The launch flow's rules: the operator or one of the tenant's own users (or keys) works on
 * the tenant's draft, never another tenant's. `publish` goes through the tenant store's
 * `update`, the very write (version check, snapshot, audit) the admin API's PUT makes.
 */
export function draftService(deps: { tenants: TenantStore; drafts: DraftStore; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  const live = async (tenantId: string) => {
    const found = await deps.tenants.versioned(tenantId);
    if (!found) throw new DomainError('NOT_FOUND');
    return found;
  };
  /** The tenant's draft, or a new one from the live version (not stored until a step saves). */
  const current = async (principal: Principal, tenantId: string) => {
    authorizeTenant(principal, tenantId);
    const [site, draft] = await Promise.all([live(tenantId), deps.drafts.get(tenantId)]);
    return {
      live: site,
      draft: draft ?? startDraft(site, actorOf(principal), now()),
      stored: draft !== undefined,
    };
  };
  return {
    /** The draft the flow shows, with what publishing it would change. */
    async get(principal: Principal, tenantId: string) {
      const { live: site, draft, stored } = await current(principal, tenantId);
      return {
        draft,
        stored,
        live: site,
        changes: draftChanges(draft, site),
        outdated: draft.baseVersion !== site.version,
      };
    },

    /** Saves one step into the draft (400 with every failing field, nothing saved, when invalid). */
    async saveStep(principal: Principal, tenantId: string, step: DraftStep, values: Partial<TenantInput>) {
      const { draft, stored } = await current(principal, tenantId);
      const { config, changes } = applyStep(draft, step, values);
      const saved: TenantDraft = {
        ...draft,
        config,
        revision: draft.revision + 1,
        updatedAt: now().toISOString(),
        updatedBy: actorOf(principal),
      };
      if (changes.length === 0 && stored) return draft;
      await deps.drafts.save(saved, stored ? draft.revision : undefined, changes);
      return saved;
    },

    /**
     * Publishes the draft: 409 DRAFT_OUTDATED (draft kept) when the live site moved on since the
     * draft was started, 409 CONFLICT when another publish wins the race in between.
     */
    async publish(principal: Principal, tenantId: string, expectedRevision: number) {
      const { live: site, draft, stored } = await current(principal, tenantId);
      if (!stored) throw new DomainError('NOT_FOUND');
      if (draft.revision !== expectedRevision)
        throw new DomainError('CONFLICT', { params: { revision: draft.revision } });
      checkPublishable(draft, site);
      const changes = draftChanges(draft, site);
      const published = await deps.tenants.update(draft.config, draft.baseVersion, actorOf(principal));
      await deps.drafts.remove(tenantId, draft.revision, {
        at: now().toISOString(),
        actor: actorOf(principal),
        action: 'draft.published',
      });
      return { published, changes };
    },

    /** Moves an outdated draft onto the live version, keeping its own changes. */
    async rebase(principal: Principal, tenantId: string) {
      const { live: site, draft, stored } = await current(principal, tenantId);
      if (!stored || draft.baseVersion === site.version) return { draft, overlapping: [] as string[] };
      const base = await deps.tenants.atVersion(tenantId, draft.baseVersion);
      if (!base) throw new DomainError('NOT_FOUND');
      const { config, overlapping } = rebaseDraft(draft, base.tenant, site);
      const moved: TenantDraft = {
        ...draft,
        config,
        baseVersion: site.version,
        revision: draft.revision + 1,
        updatedAt: now().toISOString(),
        updatedBy: actorOf(principal),
      };
      await deps.drafts.save(moved, draft.revision, diffConfig(draft.config, config));
      return { draft: moved, overlapping };
    },

    /** Drops the draft; the live site is untouched. */
    async discard(principal: Principal, tenantId: string) {
      const { draft, stored } = await current(principal, tenantId);
      if (!stored) return;
      await deps.drafts.remove(tenantId, draft.revision, {
        at: now().toISOString(),
        actor: actorOf(principal),
        action: 'draft.discarded',
      });
    },
  };
}
export type DraftService = ReturnType<typeof draftService>;
