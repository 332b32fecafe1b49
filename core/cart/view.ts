import type { TFunction } from 'i18next';
import type { Locale } from '../../locales/index.ts';
import { showText } from '../catalog/translation.ts';
import type { PriceBook } from '../pricing/price-book.ts';
import type { Cart } from './model.ts';
import type { PricedCart, PricedLine, PricedOffer, Problem } from './pricing.ts';

/**
 * A line's problem in the buyer's language (`cart:problem.<code>`), counts in the offer's unit:
 * what the cart shows, and what the offer page's forms say beside the field a problem concerns.
 */
export function problemMessage(
  p: Problem,
  ctx: { t: TFunction; unitsOf: (count: number) => string },
): string {
  const { t, unitsOf } = ctx;
  const { code, ...params } = p;
  const text: Record<string, unknown> = { ...params };
  if (p.code === 'below_moq' || p.code === 'customisation_moq') text.missing = unitsOf(p.missing);
  if (p.code === 'sample_limit') text.maximum = unitsOf(p.maximum);
  if (p.code === 'exceeds_stock') text.stock = unitsOf(p.stock);
  if ('option' in p) text.option = t(`catalog:custom_${p.option}`);
  return t(`cart:problem.${code}`, text);
}

/**
 * The priced cart as the API answers it: every amount as integer minor units with its text
 * in the buyer's locale, every problem with a message in their language, grouped by supplier
 * (name in their language) and offer. Supplier text is plain text for the storefront to escape.
 */
export function cartView(
  cart: Cart,
  priced: PricedCart,
  ctx: { locale: Locale; t: TFunction; book: Pick<PriceBook, 'currency' | 'format' | 'fx' | 'convert'> },
) {
  const { locale, t, book } = ctx;
  const money = (amountMinor: number) => ({
    amountMinor,
    currency: book.currency,
    formatted: book.format(amountMinor),
  });
  const unitsOf = (group: PricedOffer, count: number) =>
    group.offer ? t(`units:${group.offer.unit}`, { count }) : String(count);

  const problemView = (group: PricedOffer, p: Problem) => {
    const { code, ...params } = p;
    return { code, params, message: problemMessage(p, { t, unitsOf: (count) => unitsOf(group, count) }) };
  };

  const lineView = (group: PricedOffer, p: PricedLine) => {
    const { line } = p;
    return {
      lineId: line.lineId,
      kind: line.kind,
      kindName: t(`cart:kind.${line.kind}`),
      offerId: line.offerId,
      skuId: line.skuId,
      quantity: line.quantity,
      specs: p.sku
        ? Object.entries(p.sku.specs).map(([key, value]) => ({
            key,
            name: t(`catalog:spec_${key}`, { defaultValue: key }),
            value: showText(value, locale),
          }))
        : [],
      ...(line.kind === 'customised' && {
        options: p.options.map((o) => ({
          id: o.kind,
          name: t(`catalog:custom_${o.kind}`),
          extraUnitPrice: o.extraUnitFen === undefined ? null : book.convert(o.extraUnitFen),
        })),
      }),
      ...(line.kind === 'dropship' && { blindPackaging: line.blindPackaging, address: line.address }),
      unitPrice: p.unitMinor === undefined ? null : money(p.unitMinor),
      lineTotal: p.totalMinor === undefined ? null : money(p.totalMinor),
      problems: p.problems.map((problem) => problemView(group, problem)),
      addedAt: line.addedAt,
    };
  };

  return {
    version: cart.version,
    currency: book.currency,
    fx: book.fx,
    lineCount: priced.lineCount,
    suppliers: priced.suppliers.map((s) => ({
      supplier: {
        id: s.supplierId,
        name: s.offer ? showText(s.offer.supplier.name, locale) : null,
      },
      offers: s.offers.map((group) => ({
        offerId: group.offerId,
        title: group.offer ? showText(group.offer.title, locale) : null,
        image: group.offer?.images[0] ?? null,
        moq: group.offer?.moq ?? null,
        unit: group.offer ? { id: group.offer.unit, name: t(`catalog:unit_${group.offer.unit}`) } : null,
        bandQuantity: group.bandQuantity,
        nextTier: group.nextTier
          ? {
              minQuantity: group.nextTier.minQuantity,
              unitsToGo: group.nextTier.unitsToGo,
              skus: group.nextTier.skus.map((sku) => ({ skuId: sku.skuId, unitPrice: money(sku.unitMinor) })),
              message: t('cart:nextTier', {
                more: unitsOf(group, group.nextTier.unitsToGo),
                price: book.format(Math.min(...group.nextTier.skus.map((sku) => sku.unitMinor))),
              }),
            }
          : null,
        lines: group.lines.map((p) => lineView(group, p)),
      })),
      subtotal: money(s.subtotalMinor),
    })),
    total: money(priced.totalMinor),
    checkoutReady: priced.checkoutReady,
  };
}
export type CartView = ReturnType<typeof cartView>;
