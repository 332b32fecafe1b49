import type { ZodError } from 'zod';
import type { Locale } from '../../locales/index.ts';
import { DomainError } from '../errors.ts';
import { actorOf, authorizeTenant, type Principal } from '../tenants/admin-auth.ts';
import type { AuditRecord } from '../tenants/admin-service.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { fieldErrorsFrom } from '../validation/field-errors.ts';
import { type LocalizedText, type Offer, type OfferOverride, offerOverrideSchema } from './model.ts';
import type { OfferSearch } from './search.ts';
import { decodeCursor, encodeCursor } from './search-query.ts';
import { sourceDigest } from './translation.ts';

/**
 * A tenant's own wording of an offer's translated fields (`title`, `attributes.<key>`, per
 * locale): the one set of rules the admin API (PUT …/offers/{offerId}/overrides) and the
 * console's translations page both call.
 *
 * - only the operator or the tenant's own principals (keys, owner, staff) change a tenant's wording;
 * - the offer must exist (OFFER_NOT_FOUND), the wording must fit offerOverrideSchema (VALIDATION_FAILED);
 * - an empty text removes that locale's wording; a field with no wording left goes, and an
 *   override with no field left is deleted;
 * - each saved override remembers the digest of the Chinese source each field had when its
 *   wording was written, so a later change of the source flags the wording as stale;
 * - every change is one audit record (`override.saved`, the offer, the paths changed), written
 *   with the override in one transaction; a save that changes nothing writes nothing.
 */

/** A stored override with the source digest of each field at the time its wording was written. */
export interface OverrideRecord {
  override: OfferOverride;
  /** field → sourceDigest of the field's zh-CN source when the wording was saved (absent on old records). */
  sources?: Record<string, string>;
}

export interface OverridePorts {
  offers: {
    get(offerId: string): Promise<Offer | undefined>;
    overrideRecordsFor(tenantId: string, offerIds: string[]): Promise<Map<string, OverrideRecord>>;
    /** Replaces (or, with `undefined`, deletes) the override and appends the audit record, in one transaction. */
    saveOverride(
      tenantId: string,
      offerId: string,
      record: OverrideRecord | undefined,
      audit: AuditRecord,
    ): Promise<void>;
  };
}

/** The list also searches the site's catalog (the storefront's search port). */
export interface WordingSearchPorts extends OverridePorts {
  search: OfferSearch;
}

/** One edit of the partner's wording: empty `text` removes it. */
export interface WordingEdit {
  field: string;
  locale: Locale;
  text: string;
}

/** The offer's translated fields, in page order: the title, then each attribute. */
export function translatedFields(offer: Offer): { field: string; value: LocalizedText; key?: string }[] {
  return [
    { field: 'title', value: offer.title },
    ...offer.attributes.map((a) => ({ field: `attributes.${a.key}`, value: a.value, key: a.key })),
  ];
}

/** `existing` with `edits` applied: a trimmed empty text removes that wording; empty fields go. */
export function applyEdits(
  existing: OfferOverride | undefined,
  edits: readonly WordingEdit[],
): OfferOverride {
  const fields: Record<string, Partial<Record<string, string>>> = {};
  for (const [field, byLocale] of Object.entries(existing?.fields ?? {})) fields[field] = { ...byLocale };
  for (const edit of edits) {
    const text = edit.text.trim();
    const byLocale = fields[edit.field] ?? {};
    if (text === '') delete byLocale[edit.locale];
    else byLocale[edit.locale] = text;
    if (Object.keys(byLocale).length === 0) delete fields[edit.field];
    else fields[edit.field] = byLocale;
  }
  return { fields } as OfferOverride;
}

/** The `field.locale` paths whose wording differs between two overrides, sorted. */
export function changedPaths(before: OfferOverride | undefined, after: OfferOverride): string[] {
  const paths = new Set<string>();
  const collect = (o: OfferOverride | undefined) => {
    for (const [field, byLocale] of Object.entries(o?.fields ?? {}))
      for (const locale of Object.keys(byLocale ?? {})) paths.add(`${field}.${locale}`);
  };
  collect(before);
  collect(after);
  const text = (o: OfferOverride | undefined, path: string) => {
    const at = path.lastIndexOf('.');
    return (o?.fields[path.slice(0, at)] as Record<string, string> | undefined)?.[path.slice(at + 1)];
  };
  return [...paths].filter((p) => text(before, p) !== text(after, p)).sort();
}

/**
 * The source digests to store with `after`: a field whose wording changed takes the source it
 * was written against now; an unchanged field keeps what it had.
 */
export function sourcesFor(
  offer: Offer,
  after: OfferOverride,
  before: OverrideRecord | undefined,
  changed: readonly string[],
): Record<string, string> {
  const current = new Map(translatedFields(offer).map((f) => [f.field, sourceDigest(f.value.source)]));
  const out: Record<string, string> = {};
  for (const field of Object.keys(after.fields)) {
    const touched = changed.some((p) => p.startsWith(`${field}.`));
    const kept = before?.sources?.[field];
    const digest = touched || kept === undefined ? current.get(field) : kept;
    if (digest !== undefined) out[field] = digest;
  }
  return out;
}

/** One locale of one field, side by side. */
export interface WordingCell {
  locale: Locale;
  /** The machine (or supplied) translation, absent when there is none yet (zh-CN: the source). */
  translation?: string;
  /** The translation was made from another version of the source (or is missing). */
  translationStale: boolean;
  /** The partner's own wording. */
  wording?: string;
  /** The source changed after the partner's wording was written. */
  wordingStale: boolean;
}

export interface WordingRow {
  field: string;
  /** The attribute key (`material`), absent for the title. */
  attribute?: string;
  /** The supplier's Chinese original. */
  source: string;
  cells: WordingCell[];
}

export interface OfferWording {
  offerId: string;
  rows: WordingRow[];
  /** Any translation or wording of this offer is stale. */
  stale: boolean;
}

/** The side-by-side view of one offer in the site's locales. */
export function offerWording(
  offer: Offer,
  record: OverrideRecord | undefined,
  locales: readonly Locale[],
): OfferWording {
  const rows = translatedFields(offer).map(({ field, value, key }): WordingRow => {
    const digest = sourceDigest(value.source);
    const byLocale = record?.override.fields[field] as Partial<Record<Locale, string>> | undefined;
    const written = record?.sources?.[field];
    const cells = locales.map((locale): WordingCell => {
      const wording = byLocale?.[locale];
      const wordingStale = wording !== undefined && written !== undefined && written !== digest;
      if (locale === 'zh-CN')
        return {
          locale,
          translation: value.source,
          translationStale: false,
          ...(wording !== undefined && { wording }),
          wordingStale,
        };
      const translation = value.translations[locale as keyof typeof value.translations];
      return {
        locale,
        ...(translation && { translation: translation.text }),
        translationStale: !translation || translation.sourceDigest !== digest,
        ...(wording !== undefined && { wording }),
        wordingStale,
      };
    });
    return { field, ...(key && { attribute: key }), source: value.source, cells };
  });
  const stale = rows.some((r) => r.cells.some((c) => c.translationStale || c.wordingStale));
  return { offerId: offer.offerId, rows, stale };
}

export interface WordingQuery {
  q: string;
  staleOnly: boolean;
  cursor?: string;
}

export interface WordingPage {
  offers: OfferWording[];
  nextCursor?: string;
}

/** Offers read per search page; with `staleOnly`, at most this many pages per answer. */
export const wordingPaging = { size: 10, staleScanPages: 5 } as const;

/** The edge's `fields` paths of a refused wording: `body.fields.<field>.<locale>`. */
function refused(error: ZodError): DomainError {
  return new DomainError('VALIDATION_FAILED', { fields: fieldErrorsFrom(error, 'body') });
}

export function offerOverrides(ports: OverridePorts, now: () => Date = () => new Date()) {
  const offerOf = async (offerId: string) => {
    const offer = await ports.offers.get(offerId);
    if (!offer) throw new DomainError('OFFER_NOT_FOUND', { params: { offerId } });
    return offer;
  };

  async function store(
    principal: Principal,
    tenantId: string,
    offer: Offer,
    before: OverrideRecord | undefined,
    wanted: OfferOverride,
  ): Promise<OfferOverride> {
    const parsed = offerOverrideSchema.safeParse(wanted, { reportInput: true });
    if (!parsed.success) throw refused(parsed.error);
    const after = parsed.data;
    const changed = changedPaths(before?.override, after);
    if (changed.length === 0) return after;
    const at = now().toISOString();
    const empty = Object.keys(after.fields).length === 0;
    await ports.offers.saveOverride(
      tenantId,
      offer.offerId,
      empty ? undefined : { override: after, sources: sourcesFor(offer, after, before, changed) },
      {
        at,
        actor: actorOf(principal),
        action: 'override.saved',
        offerId: offer.offerId,
        changes: changed.map((path) => ({ path })),
      },
    );
    return after;
  }

  return {
    /** Replaces the tenant's whole override of an offer (the admin API's PUT). */
    async replace(principal: Principal, tenantId: string, offerId: string, override: OfferOverride) {
      authorizeTenant(principal, tenantId);
      const parsed = offerOverrideSchema.safeParse(override, { reportInput: true });
      if (!parsed.success) throw refused(parsed.error);
      const offer = await offerOf(offerId);
      const before = (await ports.offers.overrideRecordsFor(tenantId, [offerId])).get(offerId);
      return store(principal, tenantId, offer, before, parsed.data);
    },

    /** Applies some edits to the tenant's override of an offer (the console's form). */
    async edit(principal: Principal, tenantId: string, offerId: string, edits: readonly WordingEdit[]) {
      authorizeTenant(principal, tenantId);
      const offer = await offerOf(offerId);
      const before = (await ports.offers.overrideRecordsFor(tenantId, [offerId])).get(offerId);
      return store(principal, tenantId, offer, before, applyEdits(before?.override, edits));
    },

    /** One offer side by side (the form shown again). */
    async one(principal: Principal, tenant: Tenant, offerId: string): Promise<OfferWording> {
      authorizeTenant(principal, tenant.id);
      const offer = await offerOf(offerId);
      const record = (await ports.offers.overrideRecordsFor(tenant.id, [offerId])).get(offerId);
      return offerWording(offer, record, tenant.locales);
    },
  };
}

export type OfferOverrides = ReturnType<typeof offerOverrides>;

/**
 * The offers the site sells (the tenant's curation, through the search port), side by side,
 * in pages. `q` in any language. With `staleOnly`, up to `staleScanPages` search pages are
 * read to fill one answer; the cursor resumes after the last offer read.
 */
export function wordingSearch(ports: WordingSearchPorts) {
  return {
    async list(
      principal: Principal,
      tenant: Tenant,
      locale: Locale,
      query: WordingQuery,
    ): Promise<WordingPage> {
      authorizeTenant(principal, tenant.id);
      let after = query.cursor ? decodeCursor(query.cursor, 'relevance') : undefined;
      if (query.cursor && !after)
        throw new DomainError('VALIDATION_FAILED', { fields: [{ path: 'query.cursor', rule: 'invalid' }] });
      const out: OfferWording[] = [];
      const pages = query.staleOnly ? wordingPaging.staleScanPages : 1;
      for (let read = 0; read < pages; read++) {
        const page = await ports.search.search({
          text: query.q,
          locale,
          curation: tenant.curation,
          filters: { badges: [], priceFen: {} },
          // The search port counts price ranges; one open range (the list shows no facets).
          priceRanges: [{ key: 'all' }],
          sort: 'relevance',
          ...(after && { after }),
          size: wordingPaging.size,
        });
        const ids = page.offers.map((o) => o.offerId);
        const [offers, records] = await Promise.all([
          Promise.all(ids.map((id) => ports.offers.get(id))),
          ports.offers.overrideRecordsFor(tenant.id, ids),
        ]);
        for (const offer of offers) {
          if (!offer) continue;
          const wording = offerWording(offer, records.get(offer.offerId), tenant.locales);
          if (!query.staleOnly || wording.stale) out.push(wording);
        }
        after = page.offers.length === wordingPaging.size ? page.last : undefined;
        if (!after || out.length >= wordingPaging.size) break;
      }
      return { offers: out, ...(after && { nextCursor: encodeCursor('relevance', after) }) };
    },
  };
}
