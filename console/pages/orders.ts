import type { TimelineEntry } from '../../core/handoff/timeline.ts';
import type { OrderView } from '../../core/orders/present.ts';
import { alertBox, csrfField, notice } from '../components.ts';
import { type ConsoleContext, consoleHref, tenantPath } from '../context.ts';
import { html, raw } from '../html.ts';
import type { ConsoleView } from '../layout.ts';

/** The statuses a partner works through, in the order a site runs (the filter tabs). */
export const orderFilters = [
  'awaiting_payment',
  'paid',
  'handed_off',
  'exception',
  'shipped',
  'cancelled',
] as const;

export interface OrderRow {
  orderId: string;
  reference: string;
  statusLabel: string;
  placedAt: { local: string };
  total: { formatted: string };
  companyName?: string;
  lineCount: number;
}

export interface SlaFlagRow {
  orderId: string;
  orderReference: string;
  supplierName: string;
  shipBy: string;
}

export interface SupplierRow {
  supplierId: string;
  onTime: number;
  late: number;
  open: number;
  rejectedLines: number;
}

/** A tenant's orders of one status, newest first, with the open SLA flags and suppliers' records. */
export function ordersPage(
  ctx: ConsoleContext,
  tenantId: string,
  status: string,
  orders: readonly OrderRow[],
  more: { nextCursor?: string; flags: readonly SlaFlagRow[]; suppliers: readonly SupplierRow[] },
): ConsoleView {
  const { t } = ctx;
  const base = tenantPath(tenantId, '/orders');
  const main = html`<h1>${t('console:ordersHeading')}</h1>
<nav class="sc-filters" aria-label="${t('console:orderFilters')}"><ul>${orderFilters.map(
    (s) =>
      html`<li><a href="${consoleHref(base, { status: s })}"${s === status ? raw(' aria-current="page"') : ''}>${t(`orders:status.${s}`)}</a></li>`,
  )}</ul></nav>
<h2>${t('console:ordersOfStatus', { status: t(`orders:status.${status}`) })}</h2>
${
  orders.length === 0
    ? html`<p>${t('console:noOrders')}</p>`
    : html`<table><caption class="sc-visually-hidden">${t('console:ordersOfStatus', { status: t(`orders:status.${status}`) })}</caption>
<thead><tr><th scope="col">${t('console:reference')}</th><th scope="col">${t('console:placedAt')}</th><th scope="col">${t('console:buyer')}</th><th scope="col">${t('console:total')}</th><th scope="col">${t('console:orderStatus')}</th></tr></thead>
<tbody>${orders.map(
        (o) =>
          html`<tr><td><a href="${tenantPath(tenantId, `/orders/${o.orderId}`)}">${o.reference}</a></td><td>${o.placedAt.local}</td><td>${o.companyName ?? ''}</td><td>${o.total.formatted}</td><td>${o.statusLabel}</td></tr>`,
      )}</tbody></table>`
}
${more.nextCursor ? html`<p><a href="${consoleHref(base, { status, cursor: more.nextCursor })}">${t('console:nextPage')}</a></p>` : ''}
<h2>${t('console:slaFlagsHeading')}</h2>
${
  more.flags.length === 0
    ? html`<p>${t('console:noSlaFlags')}</p>`
    : html`<ul>${more.flags.map(
        (f) =>
          html`<li class="sc-flag"><a href="${tenantPath(tenantId, `/orders/${f.orderId}`)}">${f.orderReference}</a>: ${t('console:slaFlag', { supplier: f.supplierName, shipBy: f.shipBy })}</li>`,
      )}</ul>`
}
<h2>${t('console:suppliersHeading')}</h2>
${
  more.suppliers.length === 0
    ? html`<p>${t('console:noSuppliers')}</p>`
    : html`<table><caption class="sc-visually-hidden">${t('console:suppliersHeading')}</caption>
<thead><tr><th scope="col">${t('console:supplier')}</th><th scope="col">${t('console:onTime')}</th><th scope="col">${t('console:late')}</th><th scope="col">${t('console:open')}</th><th scope="col">${t('console:rejectedLines')}</th></tr></thead>
<tbody>${more.suppliers.map(
        (s) =>
          html`<tr><td>${s.supplierId}</td><td>${s.onTime}</td><td>${s.late}</td><td>${s.open}</td><td>${s.rejectedLines}</td></tr>`,
      )}</tbody></table>`
}`;
  return { title: t('console:ordersHeading'), main };
}

export interface PoRow {
  poId: string;
  supplierName: string;
  status: string;
  attempts: number;
  slaShipBy?: string;
}

/** One order: lines by supplier, its POs, the timeline, the payment, and what staff may do next. */
export function orderPage(
  ctx: ConsoleContext,
  tenantId: string,
  order: OrderView,
  pos: readonly PoRow[],
  timeline: readonly TimelineEntry[],
  state: { done?: string; problem?: { message: string }; receivedAt: string },
): ConsoleView {
  const { t } = ctx;
  const path = tenantPath(tenantId, `/orders/${order.orderId}`);
  const mayMarkPaid = order.payment.method === 'bank_transfer' && order.status === 'awaiting_payment';
  const mayCancel = order.actions.includes('cancelled');
  const main = html`<h1>${t('console:orderHeading', { reference: order.reference })}</h1>
${notice(state.done && t(`console:done_${state.done}`))}
${alertBox(state.problem?.message)}
<dl>
<dt>${t('console:orderStatus')}</dt><dd>${order.statusLabel}</dd>
<dt>${t('console:placedAt')}</dt><dd>${order.placedAt.local}</dd>
<dt>${t('console:total')}</dt><dd>${order.total.formatted}</dd>
<dt>${t('console:payment')}</dt><dd>${order.payment.methodLabel} · ${order.payment.statusLabel}</dd>
<dt>${t('console:buyer')}</dt><dd>${order.business.companyName ?? ''}</dd>
</dl>
${order.suppliers.map(
  (s) => html`<h2>${t('console:supplierLines', { supplier: s.name })}</h2>
<table><caption class="sc-visually-hidden">${t('console:supplierLines', { supplier: s.name })}</caption>
<thead><tr><th scope="col">${t('console:item')}</th><th scope="col">${t('console:quantity')}</th><th scope="col">${t('console:total')}</th></tr></thead>
<tbody>${s.lines.map((l) => html`<tr><td>${l.title}<br><span class="sc-meta" lang="zh-CN">${l.titleZh}</span></td><td>${l.quantity}</td><td>${l.total.formatted}</td></tr>`)}</tbody></table>`,
)}
<h2>${t('console:posHeading')}</h2>
${
  pos.length === 0
    ? html`<p>${t('console:noPos')}</p>`
    : html`<table><caption class="sc-visually-hidden">${t('console:posHeading')}</caption>
<thead><tr><th scope="col">${t('console:poId')}</th><th scope="col">${t('console:supplier')}</th><th scope="col">${t('console:poStatus')}</th><th scope="col">${t('console:attempts')}</th><th scope="col">${t('console:slaShipBy')}</th></tr></thead>
<tbody>${pos.map((p) => html`<tr><td>${p.poId}</td><td>${p.supplierName}</td><td>${p.status}</td><td>${p.attempts}</td><td>${p.slaShipBy ?? '—'}</td></tr>`)}</tbody></table>`
}
<h2>${t('console:timelineHeading')}</h2>
<ol>${timeline.map((e) => html`<li><time datetime="${e.at}">${e.time}</time>: ${e.title}${e.supplier ? html` (${e.supplier})` : ''}</li>`)}</ol>
<h2>${t('console:historyHeading')}</h2>
<ol>${order.events.map((e) => html`<li>${e.local}: ${e.label} (${e.actor})${e.reason ? html` · ${e.reason}` : ''}</li>`)}</ol>
${
  mayMarkPaid
    ? html`<h2>${t('console:markPaidHeading')}</h2>
<form class="sc-form" method="post" action="${path}/bank-transfer">
${csrfField(ctx.csrf)}
<input type="hidden" name="reference" value="${order.reference}">
<div class="sc-field"><label for="f-amount">${t('console:amountReceived', { currency: order.total.currency })}</label><input id="f-amount" name="amountMinor" inputmode="numeric" value="${String(order.total.amountMinor)}" required></div>
<div class="sc-field"><label for="f-received">${t('console:receivedAt')}</label><input id="f-received" name="receivedAt" value="${state.receivedAt}" required></div>
<div class="sc-field"><label for="f-note">${t('console:note')}</label><input id="f-note" name="note"></div>
<div><button class="sc-button" type="submit">${t('console:markPaid')}</button></div>
</form>`
    : ''
}
${
  mayCancel
    ? html`<h2>${t('console:cancelHeading')}</h2>
<form class="sc-form" method="post" action="${path}/cancel">
${csrfField(ctx.csrf)}
<input type="hidden" name="version" value="${String(order.version)}">
<div class="sc-field"><label for="f-reason">${t('console:cancelReason')}</label><input id="f-reason" name="reason" maxlength="200"></div>
<div><button class="sc-button sc-button-danger" type="submit">${t('console:cancelOrder')}</button></div>
</form>`
    : ''
}`;
  return { title: t('console:orderHeading', { reference: order.reference }), main };
}
