import { normalizeAddress } from '../../core/addresses/address.ts';
import {
  type GuestOrderAccess,
  guestOrderAccess,
  guestOrderLink,
  sendOrderPlacedMail,
} from '../../core/buyers/guest-orders.ts';
import { validateTaxId } from '../../core/buyers/tax-ids.ts';
import { DomainError } from '../../core/errors.ts';
import { type CheckoutRequest, orderIdFor, type Purchaser } from '../../core/orders/checkout.ts';
import type { Order } from '../../core/orders/order.ts';
import type { Tenant } from '../../core/tenants/tenant.ts';
import type { Locale } from '../../locales/index.ts';
import type { Services } from '../composition.ts';
import type { Shopper } from '../http/shopper.ts';
import type { RequestLogger } from '../http/telemetry.ts';
import { FORM_KEY } from '../secrets.ts';
import { cartOwner } from './cart-owner.ts';

/** Who checks out: the signed-in buyer, or a guest (known by the email the form gives). */
export function purchaserOf(shopper: Shopper): Purchaser {
  return shopper.buyer ? { kind: 'buyer', buyerId: shopper.buyer.buyerId } : { kind: 'guest' };
}

/**
 * A guest's access to the order a checkout makes (the API's and the page's alike): derived
 * from the order id under the form key, so a retry of the same checkout (same Idempotency-Key,
 * same order) holds the same token, whichever request's answer was lost.
 */
export async function guestAccessFor(services: Services, orderId: string): Promise<GuestOrderAccess> {
  return guestOrderAccess(await services.secrets.get(FORM_KEY), orderId);
}

/** One order mail per order a day: the counter's first hit sends it, a retry's (or a racing double submit's) does not. */
const orderMailRule = { limit: 1, windowSeconds: 24 * 3600 };

/**
 * Sends the order's mail once: the counter's first hit sends it. When the send fails the hit is
 * taken back and the checkout answers 503, so its retry (which finds the same order) sends it.
 */
async function mailOnce(
  services: Services,
  tenantId: string,
  orderId: string,
  purchaser: 'guest' | 'buyer',
  send: () => Promise<void>,
): Promise<void> {
  const bucket = { tenantId, name: `${purchaser}-mail:${orderId}` };
  const now = Date.now();
  if ((await services.rateLimits.hit(bucket, orderMailRule, now)) !== 1) return;
  try {
    await send();
  } catch (error) {
    await services.rateLimits.release(bucket, orderMailRule, now);
    throw new DomainError('SERVICE_UNAVAILABLE', { cause: error });
  }
}

/**
 * Checkout as the API (POST /api/v1/orders) and the checkout page both run it: address checked
 * for the destination, tax id by its country's rule, the order placed from the shopper's cart
 * (core's checkout: the same purchaser and key again find the same order), the cart emptied,
 * and the order's mail sent once: a guest's with the private link to the order (its token is
 * answered too), a signed-in buyer's with the link to the order in their account.
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
}): Promise<{ order: Order; guestToken?: string }> {
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
  const purchaser = purchaserOf(shopper);
  const guest = shopper.buyer
    ? undefined
    : await guestAccessFor(
        services,
        orderIdFor(tenant.id, purchaser, request.business.email, input.idempotencyKey),
      );
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
  // Only a token the order keeps the hash of opens it (an order placed before tokens were derived keeps a random one's).
  const guestToken = guest && order.guestAccessHash === guest.accessHash ? guest.token : undefined;
  const mail = { tenant, locale, to: order.business.email, reference: order.reference };
  if (guestToken) {
    await mailOnce(services, tenant.id, order.orderId, 'guest', () =>
      sendOrderPlacedMail(services.mailer, services.config.MAIL_FROM, {
        ...mail,
        purchaser: 'guest',
        url: guestOrderLink(input.origin, order.orderId, guestToken),
      }),
    );
  }
  // A signed-in buyer's order is in their account; the mail links to it.
  if (shopper.buyer) {
    await mailOnce(services, tenant.id, order.orderId, 'buyer', () =>
      sendOrderPlacedMail(services.mailer, services.config.MAIL_FROM, {
        ...mail,
        purchaser: 'buyer',
        url: new URL(`/orders/${encodeURIComponent(order.orderId)}`, input.origin).toString(),
      }),
    );
  }
  return { order, ...(guestToken && { guestToken }) };
}
