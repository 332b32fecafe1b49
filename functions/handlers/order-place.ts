import { normalizeAddress } from '../../core/addresses/address.ts';
import {
  type GuestOrderAccess,
  guestOrderLink,
  sendOrderPlacedMail,
} from '../../core/buyers/guest-orders.ts';
import { validateTaxId } from '../../core/buyers/tax-ids.ts';
import { DomainError } from '../../core/errors.ts';
import type { CheckoutRequest, Purchaser } from '../../core/orders/checkout.ts';
import type { Order } from '../../core/orders/order.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { Services } from '../composition.ts';
import type { Shopper } from '../http/shopper.ts';
import type { RequestLogger } from '../http/telemetry.ts';
import { cartOwner } from './cart-owner.ts';

/** Who checks out: the signed-in buyer, or a guest (known by the email the form gives). */
export function purchaserOf(shopper: Shopper): Purchaser {
  return shopper.buyer ? { kind: 'buyer', buyerId: shopper.buyer.buyerId } : { kind: 'guest' };
}

/** One order mail per order a day: the counter's first hit sends it, a retry's (or a racing double submit's) does not. */
const orderMailRule = { limit: 1, windowSeconds: 24 * 3600 };
async function firstOrderMail(
  services: Services,
  tenantId: string,
  orderId: string,
  purchaser: 'guest' | 'buyer',
): Promise<boolean> {
  return (
    (await services.rateLimits.hit(
      { tenantId, name: `${purchaser}-mail:${orderId}` },
      orderMailRule,
      Date.now(),
    )) === 1
  );
}

/**
 * Checkout as the API (POST /api/v1/orders) and the checkout page both run it: address checked
 * for the destination, tax id by its country's rule, the order placed from the shopper's cart
 * (core's checkout: the same purchaser and key again find the same order), the cart emptied,
 * a guest mailed the link to their order by the request whose token the order keeps, and a
 * signed-in buyer mailed the link to the order in their account, once.
 */
export async function placeShopperOrder(input: {
  tenant: Tenant;
  locale: Locale;
  shopper: Shopper;
  request: CheckoutRequest;
  idempotencyKey: string;
  services: Services;
  log: RequestLogger;
  /** The site's origin, for the links the mails carry. */
  origin: string;
  /** A guest's access to the order (the token goes into the link, its hash onto the order). */
  guest?: GuestOrderAccess;
  /** Mail the guest once per order (for a token that every retry of the checkout presents again). */
  mailOnlyWhenNew?: boolean;
}): Promise<{ order: Order; guestLink: boolean }> {
  const { tenant, locale, shopper, request, services, log } = input;
  const country = tenant.country ?? String(request.shippingAddress.country ?? '');
  const shippingAddress = normalizeAddress(country, request.shippingAddress, 'body.shippingAddress');
  if (request.invoice) {
    const taxId = validateTaxId(tenant.country ?? '', request.invoice.taxId);
    if (!taxId.ok) {
      throw new DomainError('VALIDATION_FAILED', {
        fields: [{ path: 'body.invoice.taxId', rule: taxId.rule }],
      });
    }
    request.invoice.taxId = taxId.normalized;
  }
  const owner = cartOwner(shopper);
  const guest = shopper.buyer ? undefined : input.guest;
  const purchaser = purchaserOf(shopper);
  const order = await services.checkout.placeOrder({
    tenant,
    locale,
    purchaser,
    idempotencyKey: input.idempotencyKey,
    request,
    shippingAddress,
    ...(guest && { guestAccessHash: guest.accessHash }),
    cart: () => services.carts.priceForCheckout(tenant, locale, owner),
  });
  // A line added while this checkout ran stays in the cart (the clear is conditional on the version priced).
  await services.carts.clear(tenant, owner, order.cartVersion).catch((error: unknown) => {
    if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    log.info('cart changed during checkout: kept', { orderId: order.orderId });
  });
  // Only a request holding the token the order keeps can give out its link.
  const guestLink = guest !== undefined && order.guestAccessHash === guest.accessHash;
  const mail = { tenant, locale, to: order.business.email, reference: order.reference };
  if (
    guest &&
    guestLink &&
    (!input.mailOnlyWhenNew || (await firstOrderMail(services, tenant.id, order.orderId, 'guest')))
  ) {
    await sendOrderPlacedMail(services.mailer, services.config.MAIL_FROM, {
      ...mail,
      purchaser: 'guest',
      url: guestOrderLink(input.origin, order.orderId, guest.token),
    });
  }
  // A signed-in buyer's order is in their account; the mail links to it once, whatever the retries.
  if (shopper.buyer && (await firstOrderMail(services, tenant.id, order.orderId, 'buyer'))) {
    await sendOrderPlacedMail(services.mailer, services.config.MAIL_FROM, {
      ...mail,
      purchaser: 'buyer',
      url: new URL(`/orders/${encodeURIComponent(order.orderId)}`, input.origin).toString(),
    });
  }
  return { order, guestLink };
}
