import { normalizeAddress } from '../../core/addresses/address.ts';
import { guestOrderLink, newGuestOrderAccess, sendGuestOrderMail } from '../../core/buyers/guest-orders.ts';
import { validateTaxId } from '../../core/buyers/tax-ids.ts';
import { DomainError } from '../../core/errors.ts';
import { translatorFor } from '../../core/i18n/translator.ts';
import { presentOrder } from '../../core/orders/present.ts';
import { noStore } from '../http/cache.ts';
import { siteOrigin } from '../http/request.ts';
import { implement } from '../http/route.ts';
import { cartOwner } from './cart-owner.ts';

/**
 * POST /api/v1/orders (Idempotency-Key): the shopper's cart becomes an order — address checked
 * for the destination, tax id by its country's rule, stock taken, payment set up, cart emptied.
 * A guest is mailed the link to their order.
 */
export const handler = implement(
  'order-create',
  async ({ tenant, locale, shopper, body, event, services, log }) => {
    const country = tenant.country ?? String(body.shippingAddress.country ?? '');
    const shippingAddress = normalizeAddress(country, body.shippingAddress, 'body.shippingAddress');
    if (body.invoice) {
      const taxId = validateTaxId(tenant.country ?? '', body.invoice.taxId);
      if (!taxId.ok) {
        throw new DomainError('VALIDATION_FAILED', {
          fields: [{ path: 'body.invoice.taxId', rule: taxId.rule }],
        });
      }
      body.invoice.taxId = taxId.normalized;
    }
    const owner = cartOwner(shopper);
    const guest = shopper.buyer ? undefined : newGuestOrderAccess();
    const order = await services.checkout.placeOrder({
      tenant,
      locale,
      purchaser: shopper.buyer ? { kind: 'buyer', buyerId: shopper.buyer.buyerId } : { kind: 'guest' },
      // Present: the route is idempotent, so the chain refused a request without one.
      idempotencyKey: event.headers['idempotency-key'] ?? '',
      request: body,
      shippingAddress,
      ...(guest && { guestAccessHash: guest.accessHash }),
      cart: () => services.carts.priceForCheckout(tenant, locale, owner),
    });
    // A line added while this checkout ran stays in the cart (the clear is conditional on the version priced).
    await services.carts.clear(tenant, owner, order.cartVersion).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
      log.info('cart changed during checkout: kept', { orderId: order.orderId });
    });
    // Only the request that made the order holds the token its link carries.
    const newGuestLink = guest && order.guestAccessHash === guest.accessHash;
    if (newGuestLink) {
      await sendGuestOrderMail(services.mailer, services.config.MAIL_FROM, {
        tenant,
        locale,
        to: order.business.email,
        reference: order.reference,
        url: guestOrderLink(siteOrigin(event, services.config), order.orderId, guest.token),
      });
    }
    return {
      status: 201,
      headers: { ...noStore, 'referrer-policy': 'no-referrer' },
      body: {
        order: presentOrder(order, tenant, locale, translatorFor(locale), 'buyer'),
        ...(newGuestLink && { accessToken: guest.token }),
      },
    };
  },
);
