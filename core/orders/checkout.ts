import { createHash, randomInt } from 'node:crypto';
import * as z from 'zod';
import type { StoredAddress } from '../addresses/address.ts';
import type { CartService } from '../cart/service.ts';
import { DomainError } from '../errors.ts';
import { laneFreight } from '../landed-cost/estimate.ts';
import { formatMoney, sumMinor } from '../money/money.ts';
import { type PaymentMethod, payLaterMethods, paymentMethods, type Tenant } from '../tenants/tenant.ts';
import type { Order, OrderLine } from './order.ts';
import type { OrderStore } from './store.ts';
import { changeStatus, reservedStock } from './transition.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** What the buyer sends at checkout; the lines come from their cart, priced on the server. */
export const checkoutRequestSchema = z.strictObject({
  business: z.strictObject({
    companyName: text(160),
    contactName: text(120),
    email: z.email().max(254),
    phone: z.string().regex(/^\+?[0-9 ().-]{6,24}$/),
  }),
  /** Checked against the destination's rules (core/addresses) by the route. */
  shippingAddress: z.record(z.string(), z.unknown()),
  laneId: z.string().min(1).max(31),
  paymentMethod: z.enum(paymentMethods),
  invoice: z
    .strictObject({
      legalName: text(200),
      taxId: text(30),
      address: text(300),
      email: z.email().max(254).optional(),
      representative: text(80).optional(),
      businessType: text(80).optional(),
      businessItem: text(80).optional(),
    })
    .optional(),
  /**
   * The total the buyer was shown. When the cart now prices differently (the rate moved, a
   * tier changed), checkout answers PRICE_CHANGED with the new total instead of charging it.
   */
  expectedTotalMinor: z.int().min(0).optional(),
});
export type CheckoutRequest = z.infer<typeof checkoutRequestSchema>;

/** The cart as checkout reads it: priced now (core/cart), with the rate, markup and rounding used. */
export type PricedCart = Awaited<ReturnType<CartService['priceForCheckout']>>;
export type CheckoutLine = PricedCart['lines'][number];

/** A priced cart line as the order keeps it. */
function orderLine(line: CheckoutLine): OrderLine {
  return {
    lineId: line.lineId,
    offerId: line.offerId,
    skuId: line.skuId,
    supplierId: line.supplierId,
    kind: line.kind,
    quantity: line.quantity,
    unitMinor: line.unitMinor,
    totalMinor: line.totalMinor,
    cnyUnitFen: line.cnyUnitFen,
    title: line.title,
    titleZh: line.titleZh,
    specs: line.specs,
    customisation: line.options as OrderLine['customisation'],
    ...(line.optionPrices?.length && {
      customisationPrices: line.optionPrices as NonNullable<OrderLine['customisationPrices']>,
    }),
    ...(line.kind === 'dropship' &&
      line.address && {
        dropship: { endCustomer: line.address, blindPackaging: line.blindPackaging ?? true },
      }),
  };
}

/** The payment port's part in checkout: what the buyer is told, and until when. */
export type SetUpPayment = (
  order: Order,
  tenant: Tenant,
) => Promise<{ instructions: Record<string, string>; dueAt?: string }>;

export interface CheckoutDeps {
  store: OrderStore;
  setUpPayment: SetUpPayment;
  /** True for the store's answer that the order or its reference exists already. */
  isOrderExists: (error: unknown) => boolean;
  now?: () => Date;
}

/** Who is buying: a signed-in buyer, or a guest known by the email they give. */
export type Purchaser = { kind: 'buyer'; buyerId: string } | { kind: 'guest' };

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A reference a person can read out and a bank transfer can carry: the tenant's letters and 8 unambiguous characters. */
export function newReference(tenantId: string): string {
  const prefix = tenantId
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 4)
    .toUpperCase();
  let code = '';
  for (let i = 0; i < 8; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${prefix}${code}`;
}

/**
 * The order id of one checkout attempt: derived from the site, the purchaser and the
 * Idempotency-Key, so a retry of a checkout whose answer was lost finds the order it made
 * instead of making a second.
 */
export function orderIdFor(
  tenantId: string,
  purchaser: Purchaser,
  email: string,
  idempotencyKey: string,
): string {
  const who = purchaser.kind === 'buyer' ? purchaser.buyerId : `guest:${email.toLowerCase()}`;
  return `o_${createHash('sha256').update(`${tenantId}\u0000${who}\u0000${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

function byMethod(tenant: Tenant, method: PaymentMethod) {
  if (!tenant.paymentMethods.includes(method)) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [{ path: 'body.paymentMethod', rule: 'not_offered' }],
    });
  }
}

/** One entry per supplier: what its purchase order pays, CNY fen. */
function supplierTotals(lines: readonly CheckoutLine[]): Order['suppliers'] {
  const totals = new Map<string, { supplierId: string; name: string; cnyTotalFen: number }>();
  for (const line of lines) {
    const entry = totals.get(line.supplierId) ?? {
      supplierId: line.supplierId,
      name: line.supplierName,
      cnyTotalFen: 0,
    };
    entry.cnyTotalFen += line.cnyUnitFen * line.quantity;
    totals.set(line.supplierId, entry);
  }
  return [...totals.values()];
}

export function checkoutService(deps: CheckoutDeps) {
  const now = deps.now ?? (() => new Date());

  /** Payment set up (or not needed): the order moves on from `placed`. A failure leaves it placed, to be resumed. */
  async function proceed(order: Order, tenant: Tenant): Promise<Order> {
    if (order.status !== 'placed') return order;
    const at = now();
    const change = payLaterMethods.includes(order.payment.method)
      ? changeStatus(order, 'handed_off', 'system', {
          now: at,
          reason: 'pay_later',
          patch: (o) => ({ payment: { ...o.payment, status: 'not_required' } }),
        })
      : await (async () => {
          const setup = await deps.setUpPayment(order, tenant);
          return changeStatus(order, 'awaiting_payment', 'system', {
            now: at,
            patch: (o) => ({
              payment: {
                ...o.payment,
                instructions: setup.instructions,
                dueAt: setup.dueAt ?? o.payment.dueAt,
              },
            }),
          });
        })();
    await deps.store.update(order, change.next, change);
    return change.next;
  }

  return {
    /**
     * The cart becomes an order: prices and rate frozen from `cart`, stock taken for every
     * line (all or nothing), the payment set up. The same purchaser and key again → the same
     * order (resumed if its payment was not set up yet).
     */
    async placeOrder(input: {
      tenant: Tenant;
      locale: string;
      purchaser: Purchaser;
      idempotencyKey: string;
      request: CheckoutRequest;
      shippingAddress: StoredAddress;
      /** A guest's order keeps the hash of the token its link carries. */
      guestAccessHash?: string;
      /** Priced only when no order exists yet for this checkout (a retry may find its cart emptied). */
      cart: () => Promise<PricedCart>;
    }): Promise<Order> {
      const { tenant, request } = input;
      const owner: Order['owner'] =
        input.purchaser.kind === 'buyer'
          ? { kind: 'buyer', buyerId: input.purchaser.buyerId }
          : { kind: 'guest', email: request.business.email.toLowerCase() };
      const orderId = orderIdFor(tenant.id, input.purchaser, request.business.email, input.idempotencyKey);
      const existing = await deps.store.get(tenant.id, orderId);
      if (existing) return proceed(existing, tenant);
      const cart = await input.cart();

      byMethod(tenant, request.paymentMethod);
      const lane = tenant.shippingLanes.find((l) => l.id === request.laneId);
      if (!lane)
        throw new DomainError('VALIDATION_FAILED', {
          fields: [{ path: 'body.laneId', rule: 'not_offered' }],
        });
      const freight = laneFreight(cart.lines, lane, {
        currency: cart.currency,
        rate: cart.fx.rate,
        rounding: cart.rounding,
      });
      const totalMinor = sumMinor([cart.subtotalMinor, freight.shippingMinor]);
      if (request.expectedTotalMinor !== undefined && request.expectedTotalMinor !== totalMinor) {
        throw new DomainError('PRICE_CHANGED', {
          params: {
            totalMinor,
            currency: cart.currency,
            total: formatMoney(totalMinor, cart.currency, input.locale),
          },
        });
      }
      const at = now();
      const placedAt = at.toISOString();
      const prepaid = !payLaterMethods.includes(request.paymentMethod);
      const reference = newReference(tenant.id);
      const order: Order = {
        orderId,
        tenantId: tenant.id,
        reference,
        status: 'placed',
        version: 1,
        owner,
        locale: input.locale,
        currency: cart.currency,
        lines: cart.lines.map(orderLine),
        suppliers: supplierTotals(cart.lines),
        subtotalMinor: cart.subtotalMinor,
        shippingMinor: freight.shippingMinor,
        totalMinor,
        cnyTotalFen: cart.lines.reduce((sum, l) => sum + l.cnyUnitFen * l.quantity, 0),
        fx: cart.fx,
        markupBps: cart.markupBps,
        pricedAt: placedAt,
        cartVersion: cart.version,
        business: { ...request.business, email: request.business.email.toLowerCase() },
        ...(request.invoice && { invoice: request.invoice }),
        shippingAddress: input.shippingAddress,
        ...(input.guestAccessHash && { guestAccessHash: input.guestAccessHash }),
        lane: { id: lane.id, kind: lane.kind, transitDays: lane.transitDays },
        payment: {
          method: request.paymentMethod,
          status: 'pending',
          amountMinor: totalMinor,
          reference,
          ...(prepaid && {
            dueAt: new Date(at.getTime() + tenant.payments.deadlineHours * 3_600_000).toISOString(),
          }),
          instructions: {},
          refunds: [],
        },
        events: [{ at: placedAt, actor: 'buyer', to: 'placed' }],
        createdAt: placedAt,
        updatedAt: placedAt,
      };
      try {
        await deps.store.place(order, reservedStock(order), []);
      } catch (error) {
        if (!deps.isOrderExists(error)) throw error;
        // The same checkout placed it a moment ago, or (rarely) the reference was taken: try a new one once.
        const placed = await deps.store.get(tenant.id, orderId);
        if (placed) return proceed(placed, tenant);
        const retry = { ...order, reference: newReference(tenant.id) };
        retry.payment = { ...retry.payment, reference: retry.reference };
        await deps.store.place(retry, reservedStock(retry), []);
        return proceed(retry, tenant);
      }
      return proceed(order, tenant);
    },

    proceed,
  };
}
