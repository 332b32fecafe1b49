import { DomainError } from '../errors.ts';

/**
 * The order's life, every legal move listed once. An order is `placed` by checkout (stock
 * reserved, rate and prices frozen); a prepaid order then waits for its payment, a pay-later
 * order goes straight to the supply side. `handed_off` means purchase orders went to the
 * suppliers; shipping states are derived from those POs. `exception` is a supply-side problem a
 * partner must resolve (a line rejected as out of stock): re-source, refund or cancel.
 */
export const orderStatuses = [
  'placed',
  'awaiting_payment',
  'paid',
  'handed_off',
  'partly_shipped',
  'shipped',
  'delivered',
  'exception',
  'cancelled',
  'refunded',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** Who moved an order: a buyer, the partner's staff or keys, the operator, the platform itself, a payment provider, the supply side. */
export const orderActors = ['buyer', 'partner', 'operator', 'system', 'payment-provider', 'supply'] as const;
export type OrderActor = (typeof orderActors)[number];

export interface Transition {
  from: OrderStatus;
  to: OrderStatus;
  /** Who may make this move. */
  by: readonly OrderActor[];
  /** Stock reserved at checkout goes back (the order will never ship). */
  releasesStock?: true;
  /** Put on the outbox: the supply side must act (hand off, or cancel its POs). */
  notifiesSupply?: true;
}

const staff = ['partner', 'operator'] as const;

export const transitions: readonly Transition[] = [
  { from: 'placed', to: 'awaiting_payment', by: ['system'] },
  // Pay-later (cash on delivery, invoice): the order goes to the suppliers at once.
  { from: 'placed', to: 'handed_off', by: ['system'], notifiesSupply: true },
  { from: 'placed', to: 'cancelled', by: ['buyer', ...staff, 'system'], releasesStock: true },
  { from: 'awaiting_payment', to: 'paid', by: [...staff, 'payment-provider'], notifiesSupply: true },
  // Unpaid past the deadline (system), or given up by the buyer or partner.
  { from: 'awaiting_payment', to: 'cancelled', by: ['buyer', ...staff, 'system'], releasesStock: true },
  { from: 'paid', to: 'handed_off', by: ['system'] },
  { from: 'paid', to: 'refunded', by: staff, releasesStock: true },
  { from: 'handed_off', to: 'partly_shipped', by: ['supply', 'system'] },
  { from: 'handed_off', to: 'shipped', by: ['supply', 'system'] },
  { from: 'partly_shipped', to: 'shipped', by: ['supply', 'system'] },
  { from: 'shipped', to: 'delivered', by: ['supply', 'system', ...staff] },
  { from: 'handed_off', to: 'exception', by: ['supply', 'system'] },
  { from: 'partly_shipped', to: 'exception', by: ['supply', 'system'] },
  // A rejected line re-sourced by the partner: back to the suppliers.
  { from: 'exception', to: 'handed_off', by: staff, notifiesSupply: true },
  { from: 'exception', to: 'refunded', by: staff, notifiesSupply: true },
  { from: 'exception', to: 'cancelled', by: staff, notifiesSupply: true },
  { from: 'delivered', to: 'refunded', by: staff },
  // A pay-later order that never reached the buyer, or a return.
  { from: 'handed_off', to: 'cancelled', by: staff, notifiesSupply: true },
] as const;

/** States an order never leaves. */
export const finalStatuses: readonly OrderStatus[] = ['cancelled', 'refunded'];

/** The transition from → to that `actor` may make, or ORDER_TRANSITION_INVALID (nothing changes). */
export function transitionFor(from: OrderStatus, to: OrderStatus, actor: OrderActor): Transition {
  const found = transitions.find((t) => t.from === from && t.to === to);
  if (!found?.by.includes(actor)) {
    throw new DomainError('ORDER_TRANSITION_INVALID', { params: { from, to } });
  }
  return found;
}

/** The statuses `actor` can move an order in `from` to (what the admin API offers). */
export function nextStatuses(from: OrderStatus, actor: OrderActor): OrderStatus[] {
  return transitions.filter((t) => t.from === from && t.by.includes(actor)).map((t) => t.to);
}

/** One entry of an order's history: appended by every transition, never changed. */
export interface OrderEvent {
  at: string;
  actor: OrderActor;
  /** The status before; absent on the first event (placement). */
  from?: OrderStatus;
  to: OrderStatus;
  /** Why, in words or a code (`payment_deadline`, `bank_transfer_received`, a partner's note). */
  reason?: string;
}
