/**
 * All i18next resources, imported statically so every Lambda bundle carries them (no file
 * reads at cold start). Add a namespace here and in every language folder; the locale
 * completeness test fails on a key present in one language and missing in another.
 */
import enAccountPages from './en/account-pages.json' with { type: 'json' };
import enAddress from './en/address.json' with { type: 'json' };
import enBuyerPages from './en/buyer-pages.json' with { type: 'json' };
import enCart from './en/cart.json' with { type: 'json' };
import enCatalog from './en/catalog.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enMail from './en/mail.json' with { type: 'json' };
import enOrders from './en/orders.json' with { type: 'json' };
import enPayment from './en/payment.json' with { type: 'json' };
import enPricing from './en/pricing.json' with { type: 'json' };
import enQuotes from './en/quotes.json' with { type: 'json' };
import enStatus from './en/status.json' with { type: 'json' };
import enStorefront from './en/storefront.json' with { type: 'json' };
import enTenant from './en/tenant.json' with { type: 'json' };
import enTimeline from './en/timeline.json' with { type: 'json' };
import enUnits from './en/units.json' with { type: 'json' };
import enValidation from './en/validation.json' with { type: 'json' };
import koAccountPages from './ko/account-pages.json' with { type: 'json' };
import koAddress from './ko/address.json' with { type: 'json' };
import koBuyerPages from './ko/buyer-pages.json' with { type: 'json' };
import koCart from './ko/cart.json' with { type: 'json' };
import koCatalog from './ko/catalog.json' with { type: 'json' };
import koErrors from './ko/errors.json' with { type: 'json' };
import koMail from './ko/mail.json' with { type: 'json' };
import koOrders from './ko/orders.json' with { type: 'json' };
import koPayment from './ko/payment.json' with { type: 'json' };
import koPricing from './ko/pricing.json' with { type: 'json' };
import koQuotes from './ko/quotes.json' with { type: 'json' };
import koStatus from './ko/status.json' with { type: 'json' };
import koStorefront from './ko/storefront.json' with { type: 'json' };
import koTenant from './ko/tenant.json' with { type: 'json' };
import koTimeline from './ko/timeline.json' with { type: 'json' };
import koUnits from './ko/units.json' with { type: 'json' };
import koValidation from './ko/validation.json' with { type: 'json' };
import viAccountPages from './vi/account-pages.json' with { type: 'json' };
import viAddress from './vi/address.json' with { type: 'json' };
import viBuyerPages from './vi/buyer-pages.json' with { type: 'json' };
import viCart from './vi/cart.json' with { type: 'json' };
import viCatalog from './vi/catalog.json' with { type: 'json' };
import viErrors from './vi/errors.json' with { type: 'json' };
import viMail from './vi/mail.json' with { type: 'json' };
import viOrders from './vi/orders.json' with { type: 'json' };
import viPayment from './vi/payment.json' with { type: 'json' };
import viPricing from './vi/pricing.json' with { type: 'json' };
import viQuotes from './vi/quotes.json' with { type: 'json' };
import viStatus from './vi/status.json' with { type: 'json' };
import viStorefront from './vi/storefront.json' with { type: 'json' };
import viTenant from './vi/tenant.json' with { type: 'json' };
import viTimeline from './vi/timeline.json' with { type: 'json' };
import viUnits from './vi/units.json' with { type: 'json' };
import viValidation from './vi/validation.json' with { type: 'json' };
import zhAccountPages from './zh-CN/account-pages.json' with { type: 'json' };
import zhAddress from './zh-CN/address.json' with { type: 'json' };
import zhBuyerPages from './zh-CN/buyer-pages.json' with { type: 'json' };
import zhCart from './zh-CN/cart.json' with { type: 'json' };
import zhCatalog from './zh-CN/catalog.json' with { type: 'json' };
import zhErrors from './zh-CN/errors.json' with { type: 'json' };
import zhMail from './zh-CN/mail.json' with { type: 'json' };
import zhOrders from './zh-CN/orders.json' with { type: 'json' };
import zhPayment from './zh-CN/payment.json' with { type: 'json' };
import zhPricing from './zh-CN/pricing.json' with { type: 'json' };
import zhQuotes from './zh-CN/quotes.json' with { type: 'json' };
import zhStatus from './zh-CN/status.json' with { type: 'json' };
import zhStorefront from './zh-CN/storefront.json' with { type: 'json' };
import zhTenant from './zh-CN/tenant.json' with { type: 'json' };
import zhTimeline from './zh-CN/timeline.json' with { type: 'json' };
import zhUnits from './zh-CN/units.json' with { type: 'json' };
import zhValidation from './zh-CN/validation.json' with { type: 'json' };

export const supportedLocales = ['en', 'vi', 'ko', 'zh-CN'] as const;
export type Locale = (typeof supportedLocales)[number];

export const namespaces = [
  'errors',
  'validation',
  'pricing',
  'quotes',
  'status',
  'tenant',
  'units',
  'catalog',
  'payment',
  'orders',
  'address',
  'cart',
  'mail',
  'timeline',
  'storefront',
  'buyer-pages',
  'account-pages',
] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: {
    errors: enErrors,
    validation: enValidation,
    pricing: enPricing,
    quotes: enQuotes,
    status: enStatus,
    tenant: enTenant,
    units: enUnits,
    timeline: enTimeline,
    catalog: enCatalog,
    payment: enPayment,
    orders: enOrders,
    address: enAddress,
    cart: enCart,
    mail: enMail,
    storefront: enStorefront,
    'buyer-pages': enBuyerPages,
    'account-pages': enAccountPages,
  },
  vi: {
    errors: viErrors,
    validation: viValidation,
    pricing: viPricing,
    quotes: viQuotes,
    status: viStatus,
    tenant: viTenant,
    units: viUnits,
    timeline: viTimeline,
    catalog: viCatalog,
    payment: viPayment,
    orders: viOrders,
    address: viAddress,
    cart: viCart,
    mail: viMail,
    storefront: viStorefront,
    'buyer-pages': viBuyerPages,
    'account-pages': viAccountPages,
  },
  ko: {
    errors: koErrors,
    validation: koValidation,
    pricing: koPricing,
    quotes: koQuotes,
    status: koStatus,
    tenant: koTenant,
    units: koUnits,
    timeline: koTimeline,
    catalog: koCatalog,
    payment: koPayment,
    orders: koOrders,
    address: koAddress,
    cart: koCart,
    mail: koMail,
    storefront: koStorefront,
    'buyer-pages': koBuyerPages,
    'account-pages': koAccountPages,
  },
  'zh-CN': {
    errors: zhErrors,
    validation: zhValidation,
    pricing: zhPricing,
    quotes: zhQuotes,
    status: zhStatus,
    tenant: zhTenant,
    units: zhUnits,
    timeline: zhTimeline,
    catalog: zhCatalog,
    payment: zhPayment,
    orders: zhOrders,
    address: zhAddress,
    cart: zhCart,
    mail: zhMail,
    storefront: zhStorefront,
    'buyer-pages': zhBuyerPages,
    'account-pages': zhAccountPages,
  },
} satisfies Record<Locale, Record<Namespace, ResourceTree>>;

/** A namespace's strings; keys may nest (`status:order.paid`). */
export interface ResourceTree {
  [key: string]: string | ResourceTree;
}
