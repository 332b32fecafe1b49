import { randomUUID } from 'node:crypto';
import { addressForm } from '../../core/addresses/address.ts';
import { taxIdExample } from '../../core/buyers/tax-ids.ts';
import { endCustomerPlace } from '../../core/cart/end-customer.ts';
import type { CartOwner } from '../../core/cart/model.ts';
import { DomainError } from '../../core/errors.ts';
import { laneFreight } from '../../core/landed-cost/estimate.ts';
import { formatMoney, multiplyMinor, sumMinor } from '../../core/money/money.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import { href, type PageContext } from '../../storefront/context.ts';
import { type CheckoutPageData, checkoutPage } from '../../storefront/pages/checkout.ts';
import type { Services } from '../composition.ts';
import { implement } from '../http/route.ts';
import type { Shopper } from '../http/shopper.ts';
import { cartOwner } from './cart-owner.ts';
import { csrfFor, seeOther } from './page-cart-forms.ts';
import { asPage, htmlAnswer, pageContext, privateCache } from './page-kit.ts';

/**
 * The checkout page's data: the cart priced for checkout (as POST /api/v1/orders prices it), the
 * freight and total per lane (core's laneFreight, as the order will charge it), the site's payment
 * methods and the destination's address form. CART_NOT_READY (empty, or a line with a problem)
 * is the caller's to handle: the cart page says what to mend.
 */
export async function checkoutPageData(
  input: { tenant: Tenant; locale: Locale; shopper: Shopper; services: Services },
  ctx: PageContext,
  form: Pick<CheckoutPageData, 'values' | 'errors' | 'idempotencyKey'> & { problem?: string },
): Promise<CheckoutPageData> {
  const { tenant, locale, shopper, services } = input;
  const { t } = ctx;
  const owner: CartOwner = cartOwner(shopper);
  const [priced, csrf] = await Promise.all([
    services.carts.priceForCheckout(tenant, locale, owner),
    csrfFor(services, shopper),
  ]);
  const money = (minor: number) => formatMoney(minor, priced.currency, locale);
  const lanes = tenant.shippingLanes.map((lane) => {
    const { shippingMinor } = laneFreight(priced.lines, lane, {
      currency: priced.currency,
      rate: priced.fx.rate,
      rounding: priced.rounding,
    });
    const totalMinor = sumMinor([priced.subtotalMinor, shippingMinor]);
    return {
      id: lane.id,
      label: t(`tenant:lanes.${lane.kind}`),
      transit: t('units:transitDays', lane.transitDays),
      shipping: money(shippingMinor),
      total: money(totalMinor),
      totalMinor,
    };
  });
  return {
    csrf,
    idempotencyKey: form.idempotencyKey,
    lines: priced.lines.map((l) => ({
      title: l.title,
      specs: Object.values(l.specs).join(' · '),
      quantity: l.quantity,
      kind: l.kind,
      unit: money(l.unitMinor),
      options: l.options.map((o) => t(`catalog:custom_${o}`)),
      optionCosts: (l.optionPrices ?? []).map((o) =>
        t('buyer-pages:cart.optionLineCost', {
          option: t(`catalog:custom_${o.kind}`),
          extra: money(o.extraUnitMinor),
          quantity: l.quantity,
          total: money(multiplyMinor(o.extraUnitMinor, l.quantity)),
        }),
      ),
      ...(l.address && {
        endCustomer: endCustomerPlace(l.address),
        endCustomerAddress: l.address,
        blindPackaging: l.blindPackaging === true,
      }),
      total: money(l.totalMinor),
    })),
    subtotal: money(priced.subtotalMinor),
    lanes,
    paymentMethods: tenant.paymentMethods.map((id) => ({ id, label: t(`payment:method.${id}`) })),
    addressFields: addressForm(tenant.country ?? ''),
    taxIdExample: taxIdExample(tenant.country ?? ''),
    values: form.values,
    errors: form.errors,
    ...(form.problem && { problem: form.problem }),
    cartCount: priced.lines.length,
  };
}

/** GET /checkout: the checkout form with a fresh Idempotency-Key; an unready cart goes back to /cart. */
export const handler = implement('page-checkout', async (request) => {
  const input = asPage(request);
  const ctx = pageContext(input);
  const values = new Map<string, string>();
  if (input.shopper.buyer) values.set('business.email', input.shopper.buyer.email);
  let data: CheckoutPageData;
  try {
    data = await checkoutPageData(input, ctx, { values, errors: new Map(), idempotencyKey: randomUUID() });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CART_NOT_READY') return seeOther(href(ctx, '/cart'));
    throw error;
  }
  return htmlAnswer(ctx, input.event, checkoutPage(ctx, data), { cache: privateCache });
});
