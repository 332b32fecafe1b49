import { timingSafeEqual } from 'node:crypto';
import type { TFunction } from 'i18next';
import { DynamoDraftStore } from '../../adapters/dynamodb/tenant-draft-store.ts';
import { openSearchOffers } from '../../adapters/opensearch/offer-search.ts';
import { secretKeyFor, tossSecretKeyShape } from '../../adapters/payments/toss-virtual-account.ts';
import { tenantSecretName } from '../../adapters/secrets/secret-store.ts';
import type { ConsoleContext } from '../../console/context.ts';
import {
  brandStep,
  contactStep,
  curationStep,
  domainsStep,
  lanesStep,
  localesStep,
  type ProviderKeyView,
  paymentsStep,
  pricingStep,
  type StepState,
} from '../../console/launch/pages.ts';
import type { ConsoleView } from '../../console/layout.ts';
import { DomainError } from '../../core/errors.ts';
import { actorOf, type Principal } from '../../core/tenants/admin-auth.ts';
import type { DraftStep } from '../../core/tenants/drafts.ts';
import { type DraftService, draftService } from '../../core/tenants/drafts.ts';
import { type LaunchPreviews, launchPreviews } from '../../core/tenants/preview.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { Services } from '../composition.ts';
import type { HttpEvent } from '../http/types.ts';
import { searchTransport } from '../search-client.ts';
import { TOSS_SECRET_KEY } from '../secrets.ts';

/**
 * The launch flow's services, built once per container from the shared services (the tenant
 * store, the price books, the offer store) and, for the curation count, the search transport.
 */
const built = new WeakMap<Services, { drafts: DraftService; previews: LaunchPreviews }>();

function launch(services: Services) {
  let found = built.get(services);
  if (!found) {
    found = {
      drafts: draftService({
        tenants: services.tenantRepository,
        drafts: new DynamoDraftStore(services.db, services.config.TABLE_NAME),
      }),
      previews: launchPreviews({
        priceBooks: services.priceBooks,
        offers: services.offers,
        search: openSearchOffers(searchTransport(), services.config.OFFERS_ALIAS),
      }),
    };
    built.set(services, found);
  }
  return found;
}

/** Drafts, publish and rebase of a tenant's config. */
export const launchDrafts = (services: Services): DraftService => launch(services).drafts;
/** The live price preview and curation count. */
export const previewsOf = (services: Services): LaunchPreviews => launch(services).previews;

/** A preview that cannot be answered (no FX rate for the currency, search down) is told, not a failed page. */
async function orProblem<T>(t: TFunction, run: () => Promise<T>): Promise<{ value?: T; problem?: string }> {
  try {
    return { value: await run() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { problem: t(`errors:${error.code}`, error.params) };
  }
}

/** The price preview's answer with its localized rate line. */
export async function pricePreviewOf(services: Services, config: Tenant, locale: Locale, t: TFunction) {
  const preview = await previewsOf(services).prices(config, {}, locale);
  return {
    ...preview,
    fxLine: t('console-launch:fxUsed', {
      rate: preview.fx.rate,
      currency: preview.currency,
      asOf: preview.fx.asOf.slice(0, 10),
    }),
  };
}

/** The curation count's answer with its localized lines. */
export async function curationCountOf(
  services: Services,
  config: Tenant,
  curation: Tenant['curation'],
  locale: Locale,
  t: TFunction,
) {
  const count = await previewsOf(services).curationCount(config, curation, locale);
  return {
    ...count,
    samplesLabel: t('console-launch:samples'),
    samples: count.samples.map((s) => ({
      offerId: s.offerId,
      title: s.title,
      priceFrom: s.priceFrom,
      priceLine: t('console-launch:priceFrom', { price: s.priceFrom.formatted }),
    })),
  };
}

/** One step's page, with what that step shows besides its form (domain records, previews). */
export async function stepPage(
  services: Services,
  principal: Principal,
  ctx: ConsoleContext,
  step: DraftStep,
  state: StepState = {},
): Promise<ConsoleView> {
  const tenantId = ctx.tenant?.id ?? '';
  const { draft, stored, outdated } = await launchDrafts(services).get(principal, tenantId);
  const page = { ctx, draft, stored, outdated, state };
  const config = state.posted ?? draft.config;
  switch (step) {
    case 'brand':
      return brandStep(page);
    case 'domains': {
      const views = await services.domains.list(principal, tenantId);
      return domainsStep(
        page,
        views.map((v) => ({
          domain: v.domain,
          status: ctx.t(`console-launch:domainStatus_${v.status}`),
          ...(v.verification && {
            record: { type: 'TXT', name: v.verification.txt.name, value: v.verification.txt.value },
          }),
        })),
      );
    }
    case 'locales':
      return localesStep(page);
    case 'pricing': {
      const { value, problem } = await orProblem(ctx.t, () =>
        pricePreviewOf(services, config, ctx.locale, ctx.t),
      );
      return pricingStep(page, value, problem);
    }
    case 'curation': {
      const { value, problem } = await orProblem(ctx.t, () =>
        curationCountOf(services, config, config.curation, ctx.locale, ctx.t),
      );
      return curationStep(page, value, problem);
    }
    case 'lanes':
      return lanesStep(page);
    case 'payments':
      return paymentsStep(page, await providerKeyOf(services, tenantId));
    case 'contact':
      return contactStep(page);
  }
}

/** The posted form's fields (urlencoded), CSRF already checked by `consoleForm`. */
export type { FormFields } from '../../console/launch/forms.ts';

function sameToken(given: unknown, expected: string | undefined): boolean {
  if (typeof given !== 'string' || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One file of a posted multipart form (parsed by the platform's own Fetch API), its CSRF token
 * checked first (403 otherwise); a missing file is the field's `required` error.
 */
export async function uploadedFile(
  input: { event: HttpEvent; consoleUser?: { csrf: string } },
  name: string,
): Promise<{ bytes: Buffer; type: string }> {
  const type = input.event.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE');
  const body = input.event.body
    ? Buffer.from(input.event.body, input.event.isBase64Encoded ? 'base64' : 'utf8')
    : Buffer.alloc(0);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': type } }).formData();
  } catch (cause) {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ path: name, rule: 'required' }], cause });
  }
  if (!sameToken(form.get('csrf'), input.consoleUser?.csrf))
    throw new DomainError('FORBIDDEN', { params: { reason: 'csrf' } });
  const file = form.get(name);
  if (!(file instanceof Blob) || file.size === 0)
    throw new DomainError('VALIDATION_FAILED', { fields: [{ path: name, rule: 'required' }] });
  return { bytes: Buffer.from(await file.arrayBuffer()), type: file.type };
}

/** A query string's fields, repeated names kept as lists (`curation.categories=a&curation.categories=b`). */
export function queryFields(event: HttpEvent): FormFieldsOf {
  const out: FormFieldsOf = {};
  for (const [key, value] of new URLSearchParams(event.rawQueryString ?? '')) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}
type FormFieldsOf = Record<string, string | string[]>;

/** What the payments step shows of the provider key: the tenant's own key's last four characters, or whether the platform's covers it. */
async function providerKeyOf(services: Services, tenantId: string): Promise<ProviderKeyView> {
  const own = await services.tenantSecrets.find(tenantSecretName(tenantId, TOSS_SECRET_KEY));
  if (own) return { ending: own.slice(-4) };
  try {
    return { platform: secretKeyFor(await services.secrets.get(TOSS_SECRET_KEY), tenantId).length > 0 };
  } catch {
    return { platform: false };
  }
}

/**
 * Sets the tenant's own Toss secret key (its shape checked first: a localized field error on
 * the payments step otherwise) or removes it; either way one audit record, without the value.
 * The launch flow's access rule decides who may (the draft's `get` refuses anyone else).
 */
export async function changeProviderKey(
  services: Services,
  principal: Principal,
  tenantId: string,
  change: { action: 'set'; secretKey: string } | { action: 'remove' },
): Promise<void> {
  await launchDrafts(services).get(principal, tenantId);
  const name = tenantSecretName(tenantId, TOSS_SECRET_KEY);
  if (change.action === 'set') {
    if (!tossSecretKeyShape.test(change.secretKey))
      throw new DomainError('VALIDATION_FAILED', {
        fields: [{ path: 'secretKey', rule: 'provider_key_shape' }],
      });
    await services.tenantSecrets.put(name, change.secretKey);
  } else {
    await services.tenantSecrets.remove(name);
  }
  await services.tenantRepository.recordAudit(tenantId, {
    at: new Date().toISOString(),
    actor: actorOf(principal),
    action: change.action === 'set' ? 'providerKey.set' : 'providerKey.removed',
  });
}
