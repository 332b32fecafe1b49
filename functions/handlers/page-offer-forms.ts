import type { TFunction } from 'i18next';
import { addressForm, normalizeAddress, type StoredAddress } from '../../core/addresses/address.ts';
import { type AddLine, addLineSchema, type LineKind, lineKinds } from '../../core/cart/model.ts';
import type { Problem } from '../../core/cart/pricing.ts';
import { problemMessage } from '../../core/cart/view.ts';
import type { Offer } from '../../core/catalog/model.ts';
import { DomainError } from '../../core/errors.ts';
import type { OfferForm } from '../../storefront/pages/offer.ts';
import { intField } from './page-cart-forms.ts';

/**
 * The offer page's forms as the server reads them (POST /cart/lines): `kind` picks the form —
 * bulk (the buy form), sample (拿样), dropship (一件代发) or customised (轻定制). This module only
 * reads what was typed into the cart's AddLine (refusing what is not one: no SKU, not a whole
 * number, no option, an end customer the destination's rules refuse) and words core's refusals
 * beside the fields they concern. The rules themselves — MOQ band, sample limit, each option's
 * minimum, stock, what the offer sells — are core's (core/cart/pricing.ts): the cart service
 * prices the cart with the candidate line and adds it only when it shows no problem
 * (`addIfClean`), so the form and the cart can never disagree.
 */

/** The form as read: the line to add when nothing is refused, and the form to send back either way. */
export type ReadForm = OfferForm & { add?: AddLine };

export function formKindOf(form: URLSearchParams): LineKind {
  const kind = form.get('kind') ?? 'bulk';
  return lineKinds.find((k) => k === kind) ?? 'bulk';
}

/** The destination form's fields as typed (`address.name` → `{ name }`), empty ones left out as unsent. */
export function addressFields(form: URLSearchParams, country: string, prefix = 'address') {
  return Object.fromEntries(
    addressForm(country)
      .map((f) => [f.name, form.get(`${prefix}.${f.name}`)?.trim() ?? ''] as const)
      .filter(([, value]) => value !== ''),
  );
}

/** Each refused field of a VALIDATION_FAILED (`address.phone`) with its message in the buyer's language. */
export function fieldMessages(error: DomainError, t: TFunction, from = 'body.'): Map<string, string[]> {
  const errors = new Map<string, string[]>();
  for (const f of error.fields) {
    const path = f.path.startsWith(from) ? f.path.slice(from.length) : f.path;
    errors.set(path, [...(errors.get(path) ?? []), t(`validation:${f.rule}`, f.params ?? {})]);
  }
  return errors;
}

/**
 * The end customer's address checked with checkout's rules for `country` (core/addresses), in
 * its stored form, or each refused field (`address.phone`) with its message in the buyer's language.
 */
export function readEndCustomer(
  form: URLSearchParams,
  country: string,
  t: TFunction,
  prefix = 'address',
): { address: StoredAddress } | { errors: Map<string, string[]> } {
  try {
    return { address: normalizeAddress(country, addressFields(form, country, prefix), prefix) };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    return { errors: fieldMessages(error, t, '') };
  }
}

/** What was typed, and the candidate line when it is one (core then decides whether it may be added). */
export function readOfferForm(
  form: URLSearchParams,
  ctx: { offer: Offer; country: string; t: TFunction },
): ReadForm {
  const { offer, country, t } = ctx;
  const kind = formKindOf(form);
  const skuId = form.get('skuId') ?? '';
  const values = new Map<string, string>([
    ['skuId', skuId],
    ['quantity', form.get('quantity') ?? ''],
  ]);
  const options = form.getAll('options');
  const blindPackaging = form.get('blindPackaging') === '1';
  if (kind === 'dropship') {
    for (const f of addressForm(country))
      values.set(`address.${f.name}`, form.get(`address.${f.name}`) ?? '');
    values.set('blindPackaging', blindPackaging ? '1' : '');
  }
  if (kind === 'customised') values.set('options', options.join(' '));
  const errors = new Map<string, string[]>();
  const refuse = (field: string, message: string) =>
    errors.set(field, [...(errors.get(field) ?? []), message]);

  const candidate = addLineSchema.safeParse({
    kind,
    offerId: offer.offerId,
    skuId,
    quantity: intField(form, 'quantity'),
    ...(kind === 'customised' && { options }),
    ...(kind === 'dropship' && { blindPackaging, address: addressFields(form, country) }),
  });
  // The buy form has one message, beside its quantity (what the island says as the buyer types).
  if (kind === 'bulk')
    return candidate.success
      ? { kind, values, errors, add: candidate.data }
      : { kind, values, errors, error: belowMoq(offer, t) };

  if (!skuId) refuse('skuId', t('storefront:kinds.chooseSku'));
  for (const issue of candidate.success ? [] : candidate.error.issues) {
    const field = issue.path[0];
    if (field === 'quantity' && !errors.has('quantity'))
      refuse('quantity', t('storefront:kinds.wholeNumber'));
    if (field === 'skuId' && !errors.has('skuId')) refuse('skuId', t('storefront:kinds.chooseSku'));
    if (field === 'options' && !errors.has('options')) refuse('options', t('storefront:kinds.chooseOption'));
  }
  if (kind === 'dropship') {
    const endCustomer = readEndCustomer(form, country, t);
    if ('errors' in endCustomer) for (const [f, messages] of endCustomer.errors) errors.set(f, messages);
  }
  if (!candidate.success || errors.size > 0)
    // A refusal with nothing to put beside a field still says something.
    return { kind, values, errors, ...(errors.size === 0 && { error: t('storefront:kinds.refused') }) };
  return { kind, values, errors, add: candidate.data };
}

const belowMoq = (offer: Offer, t: TFunction) =>
  t('storefront:belowMoq', { qty: offer.moq, unit: t(`catalog:unit_${offer.unit}`) });

/**
 * Core's problems with the candidate line, each beside the field it concerns, in the buyer's
 * language: the MOQ and an option's minimum and the sample limit beside the quantity, no stock
 * beside the SKU, too few in stock beside the quantity. The buy form says all in its one message.
 */
export function problemsForm(
  read: ReadForm,
  problems: Problem[],
  ctx: { offer: Offer; t: TFunction },
): OfferForm {
  const { offer, t } = ctx;
  const { add: _, ...form } = read;
  const errors = new Map<string, string[]>();
  const messages: string[] = [];
  const unitsOf = (count: number) => t(`units:${offer.unit}`, { count });
  const say = (field: string, message: string) => {
    messages.push(message);
    errors.set(field, [...(errors.get(field) ?? []), message]);
  };
  const added = read.add?.quantity ?? 0;
  for (const p of problems) {
    if (p.code === 'below_moq') say('quantity', belowMoq(offer, t));
    else if (p.code === 'sample_limit') {
      const before = p.taken - added;
      say(
        'quantity',
        before > 0
          ? t('storefront:kinds.sampleLeft', {
              max: unitsOf(p.maximum),
              left: unitsOf(Math.max(p.maximum - before, 0)),
            })
          : t('storefront:kinds.sampleMax', { max: unitsOf(p.maximum) }),
      );
    } else if (p.code === 'exceeds_stock' && p.stock === 0) say('skuId', t('storefront:kinds.chooseSku'));
    else if (p.code === 'exceeds_stock' || p.code === 'customisation_moq')
      say('quantity', problemMessage(p, { t, unitsOf }));
    else messages.push(problemMessage(p, { t, unitsOf }));
  }
  if (read.kind === 'bulk') return { ...form, errors: new Map(), error: messages.join(' ') };
  return { ...form, errors, ...(errors.size === 0 && { error: messages.join(' ') }) };
}

/**
 * A refusal of the cart service (the add, not the rules of the line): an end customer the
 * destination's rules refuse (VALIDATION_FAILED, under `body.address.*`) and an SKU or option the
 * offer does not sell (CART_LINE_UNAVAILABLE) beside their fields; anything else (CART_FULL, a
 * kind the offer does not offer) as the form's one message.
 */
export function refusalForm(read: ReadForm, error: DomainError, t: TFunction): OfferForm {
  const { add: _, ...form } = read;
  const errors = new Map<string, string[]>();
  const said = (field: string, message: string) => errors.set(field, [message]);
  for (const f of error.fields) {
    if (f.path === 'body.skuId') said('skuId', t('storefront:kinds.chooseSku'));
    else if (f.path.startsWith('body.options')) said('options', t('storefront:kinds.chooseOption'));
  }
  if (error.code === 'VALIDATION_FAILED')
    for (const [field, messages] of fieldMessages(error, t))
      if (field.startsWith('address.')) errors.set(field, messages);
  if (read.kind === 'bulk' || errors.size === 0)
    return { ...form, errors: new Map(), error: t(`errors:${error.code}`, error.params) };
  return { ...form, errors };
}
