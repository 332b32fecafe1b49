import * as z from 'zod';

/**
 * Response bodies as the API documents them (OpenAPI) and the fuzzing step checks them. They
 * describe what core's presenters return; loose objects, so a new field is not a breaking change.
 */
const named = z.looseObject({ id: z.string(), name: z.string() });
const localized = z.looseObject({
  text: z.string(),
  lang: z.string(),
  stale: z.boolean(),
  overridden: z.boolean(),
});
export const moneyView = z.looseObject({
  amountMinor: z.int(),
  currency: z.string().length(3),
  formatted: z.string(),
});
const fxView = z.looseObject({ rate: z.string(), asOf: z.string(), source: z.string() });
const categoryRef = named.extend({ parent: named });

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), rule: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
});

export const healthView = z.looseObject({ status: z.enum(['ok', 'degraded']) });
export const healthDetailsView = healthView.extend({
  dynamodb: z.looseObject({ status: z.enum(['ok', 'down']) }),
  opensearch: z.looseObject({ status: z.enum(['ok', 'down']) }),
});

export const searchView = z.looseObject({
  total: z.int().min(0),
  currency: z.string(),
  hits: z.array(
    z.looseObject({
      offerId: z.string(),
      title: localized,
      image: z.string(),
      price: z.looseObject({ from: moneyView, to: moneyView }),
      moq: z.int().min(1),
      unit: named,
      badges: z.array(named),
      belt: named,
      category: categoryRef,
      supplierTier: named,
    }),
  ),
  // null on the last page.
  nextCursor: z.string().nullable(),
  // true when the text as typed matched nothing and these hits answer a looser query.
  relaxed: z.boolean(),
  // a spelling the catalog knows, when the text as typed matched nothing; else null.
  didYouMean: z.string().nullable(),
  facets: z.looseObject({
    categories: z.array(named.extend({ count: z.int(), level: z.int() })),
    belts: z.array(named.extend({ count: z.int() })),
    badges: z.array(named.extend({ count: z.int() })),
    price: z.array(z.looseObject({ label: z.string(), count: z.int() })),
  }),
});

export const suggestView = z.looseObject({ queries: z.array(z.string()), categories: z.array(named) });

export const offerView = z.looseObject({
  offerId: z.string(),
  version: z.int(),
  title: localized,
  category: categoryRef,
  attributes: z.array(z.looseObject({ key: z.string(), name: z.string(), value: localized })),
  images: z.array(z.string()),
  currency: z.string(),
  fx: fxView,
  priceTiers: z.array(z.looseObject({ minQuantity: z.int(), unitPrice: moneyView })),
  moq: z.int(),
  unit: named,
  skus: z.array(
    z.looseObject({
      skuId: z.string(),
      specs: z.array(z.looseObject({ key: z.string(), name: z.string(), value: localized })),
      stock: z.int(),
      inStock: z.boolean(),
      price: moneyView,
    }),
  ),
  dropship: z.boolean(),
  supplier: z.looseObject({
    id: z.string(),
    name: localized,
    tier: named,
    badges: z.array(named),
    belt: named,
  }),
  updatedAt: z.string(),
});

export const categoriesView = z.looseObject({
  categories: z.array(named.extend({ children: z.array(named) })),
});

export const publicTenantView = z.looseObject({
  id: z.string(),
  name: z.string(),
  defaultLocale: z.string(),
  locales: z.array(z.string()),
  currency: z.string(),
  theme: z.looseObject({ tokens: z.record(z.string(), z.string()) }),
  locale: z.string(),
});

export const quoteView = z.looseObject({
  quoteId: z.string(),
  token: z.string(),
  currency: z.string(),
  lines: z.array(
    z.looseObject({
      offerId: z.string(),
      skuId: z.string(),
      quantity: z.int(),
      unitPrice: moneyView,
      lineTotal: moneyView,
    }),
  ),
  subtotal: moneyView,
  fx: fxView,
  createdAt: z.string(),
  expiresAt: z.string(),
  validUntil: z.string(),
});
export const quoteVerifyView = z.looseObject({ valid: z.literal(true), quote: quoteView });

const labelledMoney = moneyView.extend({ label: z.string() });
export const landedCostView = z.looseObject({
  currency: z.string(),
  fx: fxView,
  taxTable: z.looseObject({ country: z.string(), asOf: z.string() }),
  estimates: z.array(
    z.looseObject({
      laneId: z.string(),
      lane: z.string(),
      weights: z.looseObject({ actualGrams: z.int(), volumetricGrams: z.int(), chargeableGrams: z.int() }),
      components: z.array(labelledMoney.extend({ kind: z.string() })),
      total: labelledMoney,
    }),
  ),
});

const tenantConfig = z.looseObject({ id: z.string(), name: z.string(), domains: z.array(z.string()) });
export const versionedTenantView = z.looseObject({
  version: z.int().min(1),
  updatedAt: z.string(),
  config: tenantConfig,
});
export const createdTenantView = z.looseObject({ version: z.literal(1), config: tenantConfig });
export const auditView = z.looseObject({
  records: z.array(z.looseObject({ at: z.string(), actor: z.string(), action: z.string() })),
});
const keyRecord = z.looseObject({ keyId: z.string(), label: z.string(), createdAt: z.string() });
export const createdKeyView = keyRecord.extend({ key: z.string() });
export const keyListView = z.looseObject({ keys: z.array(keyRecord) });
export const revokedKeyView = z.looseObject({ keyId: z.string(), revokedAt: z.string() });
export const overrideView = z.looseObject({ offerId: z.string(), override: z.unknown() });
