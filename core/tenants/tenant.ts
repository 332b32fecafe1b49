import * as z from 'zod';
import { supportedLocales } from '../../locales/index.ts';
import { landedCostTableSchema } from '../landed-cost/table.ts';
import { isCurrency } from '../money/currencies.ts';
import { pricingConfigSchema } from '../pricing/config.ts';

/**
 * What a partner sells: every search and offer request is filtered by this on the server,
 * never by the client. An empty list means "no restriction" for that dimension.
 */
export const curationSchema = z.object({
  /** Category ids (level 1 or level 2) the site sells. */
  categories: z.array(z.string()).default([]),
  /** Supplier tiers allowed (e.g. super_factory, strict_selection). */
  supplierTiers: z.array(z.string()).default([]),
  /** Badges every offer must carry (e.g. ship_48h). */
  requiredBadges: z.array(z.string()).default([]),
  /** Origin industrial belts allowed (e.g. yiwu, guangzhou). */
  belts: z.array(z.string()).default([]),
});
export type Curation = z.infer<typeof curationSchema>;

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/**
 * A logo the storefront may load: https only, no credentials, no quotes or angle brackets (it
 * ends up in attributes and CSS), and no host a browser or server must never be sent to
 * (loopback, link-local, private ranges, bare IPs). `http://` only for `*.localhost` assets.
 */
export function isSafeAssetUrl(value: string): boolean {
  if (/["'<>\\\s`]/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const local = host === 'localhost' || host.endsWith('.localhost');
  if (url.protocol === 'http:') return local;
  if (url.protocol !== 'https:' || local) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[')) return false;
  return host.includes('.') && !/\.(local|internal|lan|home|corp)$/.test(host);
}

/** A CSS font stack: family names, optionally quoted with balanced quotes, separated by commas. */
const fontStack =
  /^\s*(?:"[\w\s-]{1,60}"|'[\w\s-]{1,60}'|[\w-][\w\s-]{0,59})(?:\s*,\s*(?:"[\w\s-]{1,60}"|'[\w\s-]{1,60}'|[\w-][\w\s-]{0,59}))*\s*$/;

/** WCAG 2.x AA for normal text. */
export const MIN_CONTRAST = 4.5;

/** WCAG 2.x contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The brand a partner site wears; `themeTokens` turns it into CSS custom properties. */
export const brandSchema = z.object({
  logoUrl: z
    .string()
    .max(500)
    .refine(isSafeAssetUrl, { message: 'unsafe url', params: { rule: 'unsafe_url' } })
    .optional(),
  colours: z
    .object({
      primary: hexColour,
      accent: hexColour,
      background: hexColour,
      text: hexColour,
    })
    .superRefine((c, ctx) => {
      // The storefront sets text on the background and links (and buttons, reversed) in the
      // primary colour: both pairs must reach WCAG AA for normal text (4.5:1).
      for (const field of ['text', 'primary'] as const) {
        const ratio = contrastRatio(c[field], c.background);
        if (ratio < MIN_CONTRAST)
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'contrast too low',
            params: { rule: 'contrast_too_low', ratio: ratio.toFixed(2), minimum: MIN_CONTRAST },
          });
      }
    })
    .default({ primary: '#1f6feb', accent: '#f08c00', background: '#ffffff', text: '#1b1f24' }),
  /** A CSS font stack with balanced quotes (no CSS injection). */
  font: z
    .string()
    .max(120)
    .refine((v) => fontStack.test(v), { message: 'invalid font stack', params: { rule: 'font_stack' } })
    .default('system-ui, sans-serif'),
});
export type Brand = z.infer<typeof brandSchema>;

export const laneKinds = ['air_express', 'air_standard', 'sea_consolidated', 'rail', 'road'] as const;

/** An international shipping option (物流线路), priced by chargeable weight in CNY fen. */
export const shippingLaneSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,30}$/),
    kind: z.enum(laneKinds),
    transitDays: z.object({ min: z.int().min(1).max(120), max: z.int().min(1).max(120) }),
    /** Per shipment, in CNY fen. */
    baseFen: z.int().min(0).max(100_000_000),
    /** Per started 100 g of chargeable weight, in CNY fen. */
    per100gFen: z.int().min(0).max(10_000_000),
    /** cm³ per kg for volumetric weight: 5000 or 6000 for air, 1000 for sea (1 m³ = 1 t). */
    volumetricDivisor: z.int().min(100).max(10_000),
    minChargeableGrams: z.int().min(0).max(1_000_000).default(0),
  })
  .refine((l) => l.transitDays.min <= l.transitDays.max, {
    path: ['transitDays', 'max'],
    message: 'max below min',
  });
export type ShippingLane = z.infer<typeof shippingLaneSchema>;

/**
 * How a buyer may pay, each behind the payment port (core/payments): a bank transfer to the
 * partner's account (with a VietQR code in Vietnam), a virtual account from a provider (Korea's
 * 가상계좌), or nothing up front (cash on delivery, pay later on invoice).
 */
export const paymentMethods = ['bank_transfer', 'virtual_account', 'cash_on_delivery', 'pay_later'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
/** Methods whose orders go to the suppliers at placement, before any money arrives. */
export const payLaterMethods: readonly PaymentMethod[] = ['cash_on_delivery', 'pay_later'];

export const paymentSettingsSchema = z.object({
  /** The partner's account buyers transfer to; in Vietnam its bank's NAPAS BIN draws the VietQR code. */
  bankAccount: z
    .object({
      bankName: z.string().min(1).max(80),
      /** NAPAS bank identification number (6 digits), for the VietQR code. */
      bankBin: z
        .string()
        .regex(/^\d{6}$/)
        .optional(),
      accountNumber: z.string().regex(/^[0-9A-Za-z]{4,19}$/),
      accountName: z.string().min(1).max(70),
    })
    .optional(),
  /** The provider issuing virtual accounts (its secret key is a secret of the platform, per tenant). */
  virtualAccount: z
    .object({
      provider: z.enum(['toss']),
      /** The bank the accounts are opened at (the provider's bank code). */
      bankCode: z.string().regex(/^[0-9A-Z]{2,10}$/),
    })
    .optional(),
  /** An unpaid prepaid order is cancelled (its stock released) this long after placement. */
  deadlineHours: z.int().min(1).max(720).default(72),
});
export type PaymentSettings = z.infer<typeof paymentSettingsSchema>;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const localizedLegalText = z.partialRecord(z.enum(supportedLocales), z.string().min(1).max(4000));

/** A partner storefront's full configuration; the request path reads the same record. */
export const tenantSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/),
    /** Display name of the brand. */
    name: z.string().min(1).max(80),
    domains: z
      .array(
        z
          .string()
          .regex(
            /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/,
          ),
      )
      .min(1)
      .max(10),
    defaultLocale: z.enum(supportedLocales),
    locales: z.array(z.enum(supportedLocales)).min(1),
    currency: z
      .string()
      .refine(isCurrency, { message: 'unknown currency', params: { rule: 'unknown_currency' } }),
    /** ISO 3166-1 alpha-2 country buyers import into (duty and VAT tables are per country). */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    brand: brandSchema.default({
      colours: { primary: '#1f6feb', accent: '#f08c00', background: '#ffffff', text: '#1b1f24' },
      font: 'system-ui, sans-serif',
    }),
    pricing: pricingConfigSchema.default({
      markupBps: 0,
      rounding: { increment: 1, mode: 'up' },
      maxRateAgeHours: 96,
    }),
    curation: curationSchema.default({ categories: [], supplierTiers: [], requiredBadges: [], belts: [] }),
    shippingLanes: z.array(shippingLaneSchema).max(20).default([]),
    paymentMethods: z.array(z.enum(paymentMethods)).max(paymentMethods.length).default([]),
    payments: paymentSettingsSchema.default({ deadlineHours: 72 }),
    /** IANA time zone the site shows times in (Asia/Ho_Chi_Minh, Asia/Seoul). */
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'unknown time zone', params: { rule: 'unknown_time_zone' } })
      .default('UTC'),
    contact: z
      .object({
        email: z.email().optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9 ()-]{6,20}$/)
          .optional(),
        address: z.string().max(300).optional(),
      })
      .default({}),
    legal: z
      .object({
        companyName: z.string().max(160).optional(),
        registrationNumber: z.string().max(60).optional(),
        terms: localizedLegalText.default({}),
        privacy: localizedLegalText.default({}),
      })
      .default({ terms: {}, privacy: {} }),
    /** Duty by HS chapter and VAT of `country` for the landed-cost estimate. */
    landedCost: landedCostTableSchema.optional(),
  })
  .superRefine((t, ctx) => {
    if (!t.locales.includes(t.defaultLocale)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultLocale'],
        message: 'not among locales',
        params: { rule: 'not_among_locales' },
      });
    }
    rejectDuplicates(ctx, t.locales, 'locales', 'duplicate locale');
    rejectDuplicates(ctx, t.domains, 'domains', 'duplicate domain');
    rejectDuplicates(
      ctx,
      t.shippingLanes.map((l) => l.id),
      'shippingLanes',
      'duplicate lane id',
    );
    if (t.paymentMethods.includes('bank_transfer') && !t.payments.bankAccount) {
      ctx.addIssue({
        code: 'custom',
        path: ['payments', 'bankAccount'],
        message: 'required for bank transfer',
        params: { rule: 'required_for_method' },
      });
    }
    if (t.paymentMethods.includes('virtual_account') && !t.payments.virtualAccount) {
      ctx.addIssue({
        code: 'custom',
        path: ['payments', 'virtualAccount'],
        message: 'required for virtual accounts',
        params: { rule: 'required_for_method' },
      });
    }
    if (t.landedCost && t.landedCost.country !== t.country) {
      ctx.addIssue({ code: 'custom', path: ['landedCost', 'country'], message: 'must match country' });
    }
  });
export type Tenant = z.infer<typeof tenantSchema>;

function rejectDuplicates(
  ctx: z.RefinementCtx,
  values: readonly string[],
  path: string,
  message: string,
): void {
  if (new Set(values).size !== values.length) {
    ctx.addIssue({ code: 'custom', path: [path], message, params: { rule: 'duplicate' } });
  }
}
/** A tenant as written by a person or a seed: defaults not yet applied. */
export type TenantInput = z.input<typeof tenantSchema>;

/** What anyone may read about a site (`GET /api/v1/tenant`). */
export function publicTenant(t: Tenant) {
  return {
    id: t.id,
    name: t.name,
    defaultLocale: t.defaultLocale,
    locales: t.locales,
    currency: t.currency,
    theme: themeTokens(t.brand),
  };
}

/** The brand as CSS custom properties, ready for a `:root { … }` block. */
export function themeTokens(brand: Brand) {
  return {
    ...(brand.logoUrl && { logoUrl: brand.logoUrl }),
    tokens: {
      '--sf-color-primary': brand.colours.primary,
      '--sf-color-accent': brand.colours.accent,
      '--sf-color-bg': brand.colours.background,
      '--sf-color-text': brand.colours.text,
      '--sf-font-family': brand.font,
    },
  };
}

/** Finds the tenant a request belongs to from its Host; the port is ignored. */
export interface TenantDirectory {
  byHost(host: string | undefined): Promise<Tenant | undefined>;
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}

/** A host name can be at most 253 characters; anything longer is no site and is not looked up. */
const MAX_HOST_LENGTH = 253;

/**
 * The one cache of tenant settings in a warm function: values per key kept for a time to live
 * chosen per value, bounded (at most `maxEntries` keys, least recently used go first). A failed
 * load is not remembered. The tenant by host and the tenant's overrides mark both use it.
 */
export function tenantCache<V>(options: {
  ttlMs: (value: V) => number;
  maxEntries?: number;
  now?: () => number;
}): (key: string, load: (key: string) => Promise<V>) => Promise<V> {
  const { ttlMs, maxEntries = 1000, now = Date.now } = options;
  const entries = new Map<string, { value: V; expires: number }>();
  return async (key, load) => {
    const hit = entries.get(key);
    if (hit && hit.expires > now()) {
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    }
    const value = await load(key);
    entries.delete(key);
    entries.set(key, { value, expires: now() + ttlMs(value) });
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return value;
  };
}

/**
 * Caches lookups so a warm Lambda reads a tenant once per `ttlMs` at most. Bounded: at most
 * `maxEntries` hosts (least recently used go first), and a miss is remembered only for
 * `negativeTtlMs`, so a flood of random Host headers neither grows memory nor hides a site
 * that was just created.
 */
export function cachedDirectory(
  source: TenantDirectory,
  ttlMs: number,
  options: { maxEntries?: number; negativeTtlMs?: number; now?: () => number } = {},
): TenantDirectory {
  const { maxEntries = 1000, negativeTtlMs = Math.min(ttlMs, 5_000), now = Date.now } = options;
  const cached = tenantCache<Tenant | undefined>({
    ttlMs: (tenant) => (tenant ? ttlMs : negativeTtlMs),
    maxEntries,
    now,
  });
  return {
    async byHost(host) {
      if (!host) return undefined;
      const key = normalizeHost(host);
      if (key.length === 0 || key.length > MAX_HOST_LENGTH) return undefined;
      return cached(key, (k) => source.byHost(k));
    },
  };
}
