import { endCustomerPlace } from '../../core/cart/end-customer.ts';
import type { TimelineEntry } from '../../core/handoff/timeline.ts';
import type { OrderView } from '../../core/orders/present.ts';
import { csrfField } from '../components.ts';
import { href, type PageContext } from '../context.ts';
import { html, raw, type SafeHtml } from '../html.ts';
import { orderRefreshIsland } from '../islands/buyer.ts';
import { layout } from '../layout.ts';
import { buyerStylesheet } from './cart.ts';
import { lineDetails, lineKindText } from './checkout.ts';

export interface OrderPageData {
  order: OrderView;
  timeline: TimelineEntry[];
  /** The VietQR code as SVG (drawn on the server from the payload core made), for bank transfers in vn. */
  qrSvg?: string;
  csrf: string;
  /** A guest's link token, carried by the cancel form (the order is theirs only through it). */
  access?: string;
  /** Just placed (the checkout's redirect): the page says so. */
  placed?: boolean;
  cancelled?: boolean;
}

/**
 * The order page (and the checkout's confirmation): what to pay and how (VietQR code and bank
 * details; virtual account number and deadline), the lines by supplier, totals, the status history
 * and the handoff timeline with times in the site's time zone, and the cancel form while unpaid.
 * A reload shows the latest state; the refresh island re-reads the timeline in place.
 */
export function orderPage(ctx: PageContext, data: OrderPageData): string {
  const { t } = ctx;
  const { order } = data;
  const pay = order.payment;
  const title = t('buyer-pages:order.title', { reference: order.reference });
  const main = html`<h1>${title}</h1>
<div id="order-live" role="status" data-updated="${t('buyer-pages:order.updated')}">${
    data.placed
      ? html`<p class="sf-notice">${t('buyer-pages:order.placed')}</p>`
      : data.cancelled
        ? html`<p class="sf-notice">${t('buyer-pages:order.cancelledNotice')}</p>`
        : ''
  }</div>
<p>${t('buyer-pages:order.status')}: <strong id="order-status">${order.statusLabel}</strong> · ${t('buyer-pages:order.placedAt', { time: order.placedAt.local })}</p>
<section aria-labelledby="payment-heading" class="sf-payment" id="order-payment">
<h2 id="payment-heading">${t('buyer-pages:order.payment')}</h2>
<p>${pay.methodLabel} · ${pay.statusLabel}</p>
<p>${pay.instruction}</p>
${
  data.qrSvg
    ? html`<figure class="sf-qr"><div role="img" aria-label="${t('buyer-pages:order.qrAlt', { amount: pay.amount.formatted, reference: pay.reference })}">${raw(data.qrSvg)}</div><figcaption>${t('buyer-pages:order.qrCaption')}</figcaption></figure>`
    : ''
}
${
  pay.details.length > 0
    ? html`<dl class="sf-details">${pay.details.map((d) => html`<div><dt>${d.label}</dt><dd data-key="${d.key}">${d.value}</dd></div>`)}</dl>`
    : ''
}
</section>
<section aria-labelledby="lines-heading">
<h2 id="lines-heading">${t('buyer-pages:order.lines')}</h2>
${order.suppliers.map(
  (s) => html`<h3>${s.name}</h3>
<table><thead><tr><th scope="col">${t('buyer-pages:checkout.item')}</th><th scope="col">${t('storefront:quantity')}</th><th scope="col">${t('storefront:unitPrice')}</th><th scope="col">${t('buyer-pages:cart.lineTotal')}</th></tr></thead>
<tbody>${s.lines.map(
    (l) =>
      html`<tr><td>${l.title}${Object.keys(l.specs).length > 0 ? html`<br><span class="sf-meta">${Object.values(l.specs).join(' · ')}</span>` : ''}<br><span class="sf-meta sf-kind">${
        l.kind === 'bulk'
          ? l.kindLabel
          : lineKindText(ctx, {
              kind: l.kind,
              options: l.customisation.map((o) => t(`catalog:custom_${o}`)),
              ...(l.dropship && {
                endCustomer: endCustomerPlace(l.dropship.endCustomer),
                blindPackaging: l.dropship.blindPackaging,
              }),
            })
      }</span>${lineDetails(ctx, {
        optionCosts: l.customisationPrices.map((o) =>
          t('buyer-pages:cart.optionLineCost', {
            option: o.name,
            extra: o.extraUnit.formatted,
            quantity: l.quantity,
            total: o.extraTotal.formatted,
          }),
        ),
        ...(l.dropship && { endCustomerAddress: l.dropship.endCustomer }),
      })}</td><td>${l.quantity}</td><td>${l.unitPrice.formatted}</td><td>${l.total.formatted}</td></tr>`,
  )}</tbody></table>`,
)}
<dl class="sf-details">
<div><dt>${t('buyer-pages:checkout.subtotal')}</dt><dd>${order.subtotal.formatted}</dd></div>
<div><dt>${t('buyer-pages:checkout.shipping')} (${order.lane.label})</dt><dd>${order.shipping.formatted}</dd></div>
<div><dt>${t('buyer-pages:cart.total')}</dt><dd><strong>${order.total.formatted}</strong></dd></div>
</dl>
</section>
<section aria-labelledby="timeline-heading" id="order-timeline">
<h2 id="timeline-heading">${t('buyer-pages:order.timeline')}</h2>
${timeline(ctx, data.timeline)}
</section>
<section aria-labelledby="history-heading" id="order-history">
<h2 id="history-heading">${t('buyer-pages:order.history')}</h2>
<ol class="sf-history">${order.events.map((e) => html`<li><time datetime="${e.at}">${e.local}</time> · ${e.label}</li>`)}</ol>
<p class="sf-meta">${t('buyer-pages:order.timeZone', { zone: order.timeZone })}</p>
</section>
${
  order.actions.includes('cancelled')
    ? html`<form class="sf-cancel" action="${href(ctx, `/orders/${encodeURIComponent(order.orderId)}/cancel`)}" method="post">
${csrfField(data.csrf)}
<input type="hidden" name="version" value="${order.version}">
${data.access ? html`<input type="hidden" name="access" value="${data.access}">` : ''}
<button class="sf-button sf-secondary" type="submit">${t('buyer-pages:order.cancel')}</button>
</form>`
    : ''
}`;
  return layout(
    ctx,
    { title, description: title, noindex: true, styles: buyerStylesheet, scripts: [orderRefreshIsland] },
    main,
  );
}

function timeline(ctx: PageContext, entries: TimelineEntry[]): SafeHtml {
  return html`<ol class="sf-timeline">${entries.map(
    (e) =>
      html`<li data-kind="${e.kind}"><time datetime="${e.at}">${e.time}</time> · <span>${e.title}</span>${
        e.carrier || e.trackingNumber
          ? html`<br><span class="sf-meta">${[e.carrier, e.trackingNumber].filter(Boolean).join(' · ')}</span>`
          : ''
      }${e.qcNotes ? html`<br><span class="sf-meta">${e.qcNotes}</span>` : ''}${
        e.late ? html`<br><span class="sf-meta">${e.late}</span>` : ''
      }</li>`,
  )}</ol>${entries.length === 0 ? html`<p>${ctx.t('buyer-pages:order.noTimeline')}</p>` : ''}`;
}
