import { exponentOf, isCurrency } from '../../core/money/currencies.ts';
import type { DraftStep } from '../../core/tenants/drafts.ts';
import type { Tenant, TenantInput } from '../../core/tenants/tenant.ts';

/**
 * The launch flow's forms as posted (urlencoded, no JavaScript needed) → the values of one
 * step of the draft. Inputs are named by their config path (`brand.colours.text`), so a field
 * error of the config's own validation (core/tenants/drafts.ts `applyStep`) lands on the input
 * that caused it. Nothing here validates: what does not parse is passed on as it is, and the
 * config schema refuses it with the rule it breaks.
 */
export type FormFields = Record<string, string | string[]>;

const one = (fields: FormFields, name: string): string | undefined => {
  const v = fields[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : s.trim();
};
const many = (fields: FormFields, name: string): string[] => {
  const v = fields[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
};
const optional = (s: string | undefined) => (s ? s : undefined);
/** A number as typed ("15", "15,5"), or the text itself for the schema to refuse. */
const numberOf = (s: string | undefined): number | string | undefined => {
  if (s === undefined || s === '') return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
};
/** A decimal amount of `currency` in its minor units (1.5 THB → 150). */
const minorOf = (s: string | undefined, currency: string): number | string | undefined => {
  const n = numberOf(s);
  if (typeof n !== 'number') return n;
  const exponent = isCurrency(currency) ? exponentOf(currency) : 2;
  return Math.round(n * 10 ** exponent);
};

/** The step's values from its form (`draft` fills in what the form does not carry). */
export function stepValues(step: DraftStep, fields: FormFields, draft: Tenant): Partial<TenantInput> {
  switch (step) {
    case 'brand':
      return {
        name: one(fields, 'name') ?? '',
        brand: {
          ...(draft.brand.logoUrl &&
            one(fields, 'brand.removeLogo') !== '1' && { logoUrl: draft.brand.logoUrl }),
          colours: {
            primary: one(fields, 'brand.colours.primary') ?? '',
            accent: one(fields, 'brand.colours.accent') ?? '',
            background: one(fields, 'brand.colours.background') ?? '',
            text: one(fields, 'brand.colours.text') ?? '',
          },
          font: one(fields, 'brand.font') ?? '',
        },
      };
    case 'domains': {
      const removed = new Set(many(fields, 'remove'));
      const added = optional(one(fields, 'add')?.toLowerCase());
      return {
        domains: [...draft.domains.filter((d) => !removed.has(d)), ...(added ? [added] : [])],
      };
    }
    case 'locales':
      return {
        defaultLocale: (one(fields, 'defaultLocale') ?? '') as Tenant['defaultLocale'],
        locales: many(fields, 'locales') as Tenant['locales'],
        currency: (one(fields, 'currency') ?? '').toUpperCase(),
        ...(optional(one(fields, 'country')) && { country: one(fields, 'country')!.toUpperCase() }),
        timeZone: one(fields, 'timeZone') || draft.timeZone,
      };
    case 'pricing': {
      const percent = numberOf(one(fields, 'pricing.markupBps'));
      return {
        pricing: {
          ...draft.pricing,
          markupBps: (typeof percent === 'number' ? Math.round(percent * 100) : percent) as number,
          rounding: {
            increment: minorOf(one(fields, 'pricing.rounding.increment'), draft.currency) as number,
            mode: (one(fields, 'pricing.rounding.mode') ?? 'up') as 'up',
          },
        },
      };
    }
    case 'curation':
      return {
        curation: {
          categories: many(fields, 'curation.categories'),
          supplierTiers: many(fields, 'curation.supplierTiers'),
          requiredBadges: many(fields, 'curation.requiredBadges'),
          belts: many(fields, 'curation.belts'),
        },
      };
    case 'lanes': {
      const removed = new Set(many(fields, 'remove'));
      const kept = draft.shippingLanes.filter((l) => !removed.has(l.id));
      const id = optional(one(fields, 'lane.id'));
      if (!id) return { shippingLanes: kept };
      const lane = {
        id,
        kind: one(fields, 'lane.kind'),
        transitDays: {
          min: numberOf(one(fields, 'lane.transitMin')),
          max: numberOf(one(fields, 'lane.transitMax')),
        },
        baseFen: minorOf(one(fields, 'lane.base'), 'CNY'),
        per100gFen: minorOf(one(fields, 'lane.per100g'), 'CNY'),
        volumetricDivisor: numberOf(one(fields, 'lane.volumetricDivisor')) ?? 6000,
      };
      return { shippingLanes: [...kept, lane] as TenantInput['shippingLanes'] };
    }
    case 'payments': {
      const bankName = optional(one(fields, 'payments.bankAccount.bankName'));
      const accountNumber = optional(one(fields, 'payments.bankAccount.accountNumber'));
      const bankCode = optional(one(fields, 'payments.virtualAccount.bankCode'));
      return {
        paymentMethods: many(fields, 'paymentMethods') as Tenant['paymentMethods'],
        payments: {
          deadlineHours: numberOf(one(fields, 'payments.deadlineHours')) as number,
          ...((bankName || accountNumber) && {
            bankAccount: {
              bankName: bankName ?? '',
              ...(optional(one(fields, 'payments.bankAccount.bankBin')) && {
                bankBin: one(fields, 'payments.bankAccount.bankBin'),
              }),
              accountNumber: accountNumber ?? '',
              accountName: one(fields, 'payments.bankAccount.accountName') ?? '',
            },
          }),
          ...(bankCode && { virtualAccount: { provider: 'toss' as const, bankCode } }),
        },
      };
    }
    case 'contact': {
      const perLocale = (prefix: string) =>
        Object.fromEntries(
          draft.locales
            .map((l) => [l, optional(one(fields, `${prefix}.${l}`))] as const)
            .filter(([, v]) => v !== undefined),
        );
      return {
        contact: {
          ...(optional(one(fields, 'contact.email')) && { email: one(fields, 'contact.email') }),
          ...(optional(one(fields, 'contact.phone')) && { phone: one(fields, 'contact.phone') }),
          ...(optional(one(fields, 'contact.address')) && { address: one(fields, 'contact.address') }),
        },
        legal: {
          ...(optional(one(fields, 'legal.companyName')) && {
            companyName: one(fields, 'legal.companyName'),
          }),
          ...(optional(one(fields, 'legal.registrationNumber')) && {
            registrationNumber: one(fields, 'legal.registrationNumber'),
          }),
          terms: perLocale('legal.terms'),
          privacy: perLocale('legal.privacy'),
        },
      };
    }
  }
}
