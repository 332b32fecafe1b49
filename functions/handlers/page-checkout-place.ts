import { randomUUID } from 'node:crypto';
import { addressForm, normalizeAddress } from '../../core/addresses/address.ts';
import { GUEST_ACCESS_PARAM } from '../../core/buyers/guest-orders.ts';
import { DomainError, type FieldError } from '../../core/errors.ts';
import { checkoutRequestSchema, orderIdFor } from '../../core/orders/checkout.ts';
import { fieldErrorsFrom } from '../../core/validation/field-errors.ts';
import { href } from '../../storefront/context.ts';
import { checkoutPage } from '../../storefront/pages/checkout.ts';
import { siteOrigin } from '../http/request.ts';
import { implement } from '../http/route.ts';
import { guestAccessFor, placeShopperOrder, purchaserOf } from './order-place.ts';
import { checkForm, formOf, intField, seeOther } from './page-cart-forms.ts';
import { checkoutPageData } from './page-checkout.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';

const KEY = /^[A-Za-z0-9-]{16,64}$/;
/** Refusals about the whole checkout that the buyer can act on from the form. */
const checkoutProblems = new Set(['OUT_OF_STOCK', 'PRICE_CHANGED', 'PAYMENT_UNAVAILABLE', 'CONFLICT']);

/**
 * POST /checkout: the checkout form places the order as POST /api/v1/orders does (one
 * placeShopperOrder), keyed by the form's hidden Idempotency-Key — a double submit or a resend
 * of the same form finds the same order, and a guest's link is derived from that order
 * (guestAccessFor), so either answer leads to it. Success is 303 to the order page; an error is the form again (422) with
 * each field's message next to it and everything the buyer typed.
 */
export const handler = implement('page-checkout-place', async (request) => {
  const input = asPage(request);
  const { tenant, locale, shopper, services, event, log } = input;
  const ctx = pageContext(input);
  const form = formOf(event);
  await checkForm(services, shopper, form, event);
  const presented = form.get('idempotencyKey') ?? '';
  const idempotencyKey = KEY.test(presented) ? presented : randomUUID();

  const values = new Map<string, string>();
  for (const [name, value] of form)
    if (!['csrf', 'idempotencyKey'].includes(name) && !name.startsWith('expected.')) values.set(name, value);
  const text = (name: string) => form.get(name)?.trim() ?? '';
  /** The group's filled fields (`business.email` → `{ email }`); an empty field is left out, as unsent. */
  const group = (prefix: string, names: readonly string[]) =>
    Object.fromEntries(
      names.map((n) => [n, text(`${prefix}.${n}`)] as const).filter(([, value]) => value !== ''),
    );
  const invoice = group('invoice', ['legalName', 'taxId', 'address']);
  const laneId = text('laneId');
  const expected = intField(form, `expected.${laneId}`);
  const sent = {
    business: group('business', ['companyName', 'contactName', 'email', 'phone']),
    shippingAddress: group(
      'shippingAddress',
      addressForm(tenant.country ?? '').map((f) => f.name),
    ),
    laneId,
    paymentMethod: text('paymentMethod'),
    ...(Object.keys(invoice).length > 0 && { invoice }),
    // The total this form showed for the chosen lane: a price that moved since is PRICE_CHANGED, not charged.
    ...(expected !== undefined && { expectedTotalMinor: expected }),
  };

  const again = async (fields: FieldError[], problem?: string) => {
    const errors = new Map<string, string[]>();
    for (const f of fields) {
      const name = f.path.replace(/^body\./, '');
      errors.set(name, [...(errors.get(name) ?? []), ctx.t(`validation:${f.rule}`, f.params ?? {})]);
    }
    const data = await checkoutPageData(input, ctx, {
      values,
      errors,
      idempotencyKey,
      ...(problem && { problem }),
    });
    return htmlAnswer(ctx, event, checkoutPage(ctx, data), { status: 422, cache: privateCache });
  };
  const toCart = () => seeOther(href(ctx, '/cart'));

  // Every field's error at once: the request's schema and the destination's address rules.
  const parsed = checkoutRequestSchema.safeParse(sent);
  if (!parsed.success) {
    const fields = fieldErrorsFrom(parsed.error, 'body');
    try {
      normalizeAddress(tenant.country ?? '', sent.shippingAddress, 'body.shippingAddress');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fields.push(...error.fields.filter((f) => !fields.some((g) => g.path === f.path)));
    }
    return again(fields);
  }

  const email = parsed.data.business.email;
  const orderId = orderIdFor(tenant.id, purchaserOf(shopper), email, idempotencyKey);
  const guest = shopper.buyer ? undefined : await guestAccessFor(services, orderId);
  const orderPage = () =>
    seeOther(
      href(ctx, `/orders/${orderId}`, {
        ...(guest && { [GUEST_ACCESS_PARAM]: guest.token }),
        done: 'placed',
      }),
      {
        'referrer-policy': 'no-referrer',
      },
    );
  try {
    await placeShopperOrder({
      tenant,
      locale,
      shopper,
      request: parsed.data,
      idempotencyKey,
      services,
      log,
      origin: siteOrigin(event, services.config),
    });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'VALIDATION_FAILED') return again(error.fields);
    if (error.code === 'CART_NOT_READY') {
      // The other send of a double submit placed the order and emptied the cart: show that order.
      if (await services.orders.get(tenant.id, orderId)) return orderPage();
      return toCart();
    }
    if (checkoutProblems.has(error.code)) {
      try {
        return await again([], ctx.t(`errors:${error.code}`, error.params));
      } catch (inner) {
        if (inner instanceof DomainError && inner.code === 'CART_NOT_READY') return toCart();
        throw inner;
      }
    }
    throw error;
  }
  return orderPage();
});
