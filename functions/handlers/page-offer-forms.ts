import type { TFunction } from 'i18next';
import { addressForm, normalizeAddress } from '../../core/addresses/address.ts';
import { endCustomerAddress } from '../../core/cart/end-customer.ts';
import {
  type AddLine,
  type Address,
  addLineSchema,
  cartLimits,
  type LineKind,
} from '../../core/cart/model.ts';
import type { CartView } from '../../core/cart/view.ts';
import type { Offer } from '../../core/catalog/model.ts';
import { DomainError } from '../../core/errors.ts';
import type { OfferForm } from '../../storefront/pages/offer.ts';
import { intField } from './page-cart-forms.ts';

/**
 * The offer page's forms as the server reads them (POST /cart/lines): `kind` picks the form —
 * bulk (the buy form), sample (拿样), dropship (一件代发) or customised (轻定制) — and each is
 * turned into the cart's AddLine or into the same form sent back: what the buyer typed and a
 * localized message beside each field it refuses. The offer's own rules are checked here with the
 * units already in the cart counted (the MOQ band, the sample limit, each option's minimum), as
 * the cart prices them, so a line that would only show a problem is refused before it is added.
 */

/** The form as read: the line to add when nothing is refused, and the form to send back either way. */
export type ReadForm = OfferForm & { add?: AddLine };

const formKinds: readonly LineKind[] = ['bulk', 'sample', 'dropship', 'customised'];

export function formKindOf(form: URLSearchParams): LineKind {
  const kind = form.get('kind') ?? 'bulk';
  return formKinds.find((k) => k === kind) ?? 'bulk';
}

/** The destination form's fields as typed (`address.name` → `{ name }`), empty ones left out as unsent. */
export function addressFields(form: URLSearchParams, country: string, prefix = 'address') {
  return Object.fromEntries(
    addressForm(country)
      .map((f) => [f.name, form.get(`${prefix}.${f.name}`)?.trim() ?? ''] as const)
      .filter(([, value]) => value !== ''),
  );
}

/**
 * The end customer's address checked with checkout's rules for `country` and kept in the cart's
 * shape, or each refused field (`address.phone`) with its message in the buyer's language.
 */
export function readEndCustomer(
  form: URLSearchParams,
  country: string,
  t: TFunction,
  prefix = 'address',
): { address: Address } | { errors: Map<string, string[]> } {
  try {
    const stored = normalizeAddress(country, addressFields(form, country, prefix), prefix);
    return { address: endCustomerAddress(stored) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    const errors = new Map<string, string[]>();
    for (const f of error.fields)
      errors.set(f.path, [...(errors.get(f.path) ?? []), t(`validation:${f.rule}`, f.params ?? {})]);
    return { errors };
  }
}

/** What the cart holds of one offer already: the band, the samples, the units of each option. */
function heldOf(cart: CartView, offerId: string) {
  const group = cart.suppliers.flatMap((s) => s.offers).find((o) => o.offerId === offerId);
  const lines = group?.lines ?? [];
  return {
    band: group?.bandQuantity ?? 0,
    samples: lines.filter((l) => l.kind === 'sample').reduce((n, l) => n + l.quantity, 0),
    optionUnits: (option: string) =>
      lines
        .filter((l) => l.kind === 'customised' && l.options?.some((o) => o.id === option))
        .reduce((n, l) => n + l.quantity, 0),
  };
}

export function readOfferForm(
  form: URLSearchParams,
  ctx: { offer: Offer; cart: CartView; country: string; t: TFunction },
): ReadForm {
  const { offer, cart, country, t } = ctx;
  const kind = formKindOf(form);
  const skuId = form.get('skuId') ?? '';
  const typed = form.get('quantity') ?? '';
  const values = new Map<string, string>([
    ['skuId', skuId],
    ['quantity', typed],
  ]);
  const options = form.getAll('options');
  const blindPackaging = form.get('blindPackaging') === '1';
  if (kind === 'dropship') {
    for (const f of addressForm(country))
      values.set(`address.${f.name}`, form.get(`address.${f.name}`) ?? '');
    values.set('blindPackaging', blindPackaging ? '1' : '');
  }
  const errors = new Map<string, string[]>();
  const refuse = (field: string, message: string) =>
    errors.set(field, [...(errors.get(field) ?? []), message]);
  const unit = (count: number) => t(`units:${offer.unit}`, { count });
  const held = heldOf(cart, offer.offerId);
  const quantity = intField(form, 'quantity');
  const sku = offer.skus.find((s) => s.skuId === skuId);
  const belowMoq = t('storefront:belowMoq', { qty: offer.moq, unit: t(`catalog:unit_${offer.unit}`) });

  if (kind === 'bulk') {
    // The buy form's one message, beside its quantity (what the island says as the buyer types).
    const add = addLineSchema.safeParse({ kind, offerId: offer.offerId, skuId, quantity });
    if (!add.success || quantity === undefined || held.band + quantity < offer.moq)
      return { kind, values, errors, error: belowMoq };
    return { kind, values, errors, add: add.data };
  }

  if (!sku || sku.stock <= 0) refuse('skuId', t('storefront:kinds.chooseSku'));
  if (quantity === undefined || quantity < 1 || quantity > cartLimits.quantity)
    refuse('quantity', t('storefront:kinds.wholeNumber'));
  else if (sku && quantity > sku.stock)
    refuse('quantity', t('cart:problem.exceeds_stock', { stock: unit(sku.stock) }));

  let add: AddLine | undefined;
  switch (kind) {
    case 'sample': {
      const left = offer.sample.maxQuantity - held.samples;
      if (quantity !== undefined && !errors.has('quantity') && quantity > left)
        refuse(
          'quantity',
          held.samples > 0
            ? t('storefront:kinds.sampleLeft', {
                max: unit(offer.sample.maxQuantity),
                left: unit(Math.max(left, 0)),
              })
            : t('storefront:kinds.sampleMax', { max: unit(offer.sample.maxQuantity) }),
        );
      add = { kind, offerId: offer.offerId, skuId, quantity: quantity ?? 0 };
      break;
    }
    case 'dropship': {
      const endCustomer = readEndCustomer(form, country, t);
      if ('errors' in endCustomer) for (const [f, messages] of endCustomer.errors) errors.set(f, messages);
      else
        add = {
          kind,
          offerId: offer.offerId,
          skuId,
          quantity: quantity ?? 0,
          blindPackaging,
          address: endCustomer.address,
        };
      break;
    }
    case 'customised': {
      const chosen = offer.customisation.filter((c) => options.includes(c.kind));
      values.set('options', chosen.map((c) => c.kind).join(' '));
      if (chosen.length === 0 || chosen.length !== options.length)
        refuse('options', t('storefront:kinds.chooseOption'));
      if (quantity !== undefined && !errors.has('quantity')) {
        if (held.band + quantity < offer.moq) refuse('quantity', belowMoq);
        for (const c of chosen) {
          const counted = held.optionUnits(c.kind) + quantity;
          if (counted < c.minQuantity)
            refuse(
              'quantity',
              t('cart:problem.customisation_moq', {
                option: t(`catalog:custom_${c.kind}`),
                missing: unit(c.minQuantity - counted),
                minimum: c.minQuantity,
              }),
            );
        }
      }
      add = {
        kind,
        offerId: offer.offerId,
        skuId,
        quantity: quantity ?? 0,
        options: chosen.map((c) => c.kind),
      };
      break;
    }
  }
  if (errors.size > 0 || !add) return { kind, values, errors };
  const parsed = addLineSchema.safeParse(add);
  if (!parsed.success) return { kind, values, errors, error: t('storefront:kinds.refused') };
  return { kind, values, errors, add: parsed.data };
}
