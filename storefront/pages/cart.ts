import type { CartView } from '../../core/cart/view.ts';
import { csrfField, picture } from '../components.ts';
import { href, type PageContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { stepperIsland } from '../islands/buyer.ts';
import { layout } from '../layout.ts';

/** The buyer pages' own rules (cart, checkout, order), inlined on those pages only. */
export const buyerStylesheet = `
fieldset{border:1px solid currentColor;border-radius:4px;padding:12px;margin:0 0 16px}
legend{font-weight:700;padding:0 4px}
.sf-field{margin:0 0 12px}
.sf-field label{display:block;font-weight:600}
.sf-field input{display:block;width:100%;max-width:30em;padding:10px;font:inherit;border:1px solid var(--sf-color-text);border-radius:4px;background:var(--sf-color-bg);color:var(--sf-color-text)}
.sf-choices{display:grid;gap:4px}
.sf-choices label{display:flex;gap:8px;align-items:flex-start;padding:8px 0;min-height:44px}
.sf-secondary{background:transparent;color:var(--sf-color-primary);border:2px solid var(--sf-color-primary)}
.sf-alert{border:2px solid currentColor;border-radius:4px;padding:12px;margin:0 0 16px}
.sf-lines{list-style:none;padding:0;margin:0}
.sf-line{border-bottom:1px solid currentColor;padding:8px 0}
.sf-line-form{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.sf-cart-thumb{width:96px}
.sf-step{min-width:44px}
.sf-total{font-size:1.1rem}
.sf-details{margin:0 0 12px}
.sf-details div{display:flex;justify-content:space-between;gap:12px;padding:4px 0;border-bottom:1px solid currentColor}
.sf-details dd{margin:0;font-weight:600}
.sf-qr{margin:12px 0}
.sf-qr svg{width:240px;height:240px;background:#fff}
.sf-timeline,.sf-history{padding-inline-start:1.25em}
.sf-timeline li,.sf-history li{padding:4px 0}
`;

export interface CartPageData {
  cart: CartView;
  csrf: string;
  /** What the last form did ("added", "updated", "removed"), announced in the live region. */
  notice?: 'added' | 'updated' | 'removed';
}

type OfferGroup = CartView['suppliers'][number]['offers'][number];
type Line = OfferGroup['lines'][number];

/**
 * The cart: lines grouped by supplier then offer, each line's problems (MOQ, tier, stock) in the
 * buyer's language, the offer's next tier, a quantity form and a remove button per line (plain
 * POST forms, Post/Redirect/Get), totals in the site's currency, and the way to checkout once
 * every line can be ordered. The stepper island adds −/+ buttons; the page works without it.
 */
export function cartPage(ctx: PageContext, data: CartPageData): string {
  const { t } = ctx;
  const { cart } = data;
  const title = t('buyer-pages:cart.title');
  const main = html`<h1>${title}</h1>
<p id="cart-status" role="status" aria-live="polite">${data.notice ? t(`buyer-pages:cart.notice.${data.notice}`) : ''}</p>
${
  cart.lineCount === 0
    ? html`<p>${t('buyer-pages:cart.empty')}</p><p><a class="sf-button" href="${href(ctx, '/')}">${t('buyer-pages:cart.continue')}</a></p>`
    : html`${cart.suppliers.map(
        (s, i) => html`<section class="sf-cart-supplier" aria-labelledby="supplier-${i}">
<h2 id="supplier-${i}"${s.supplier.name ? html` lang="${s.supplier.name.lang}"` : ''}>${s.supplier.name?.text ?? t('buyer-pages:cart.unknownSupplier')}</h2>
${s.offers.map((o) => offerGroup(ctx, o, data.csrf))}
<p class="sf-total">${t('buyer-pages:cart.supplierSubtotal')}: <strong>${s.subtotal.formatted}</strong></p>
</section>`,
      )}
<p class="sf-total">${t('buyer-pages:cart.total')}: <strong id="cart-total">${cart.total.formatted}</strong></p>
${
  cart.checkoutReady
    ? html`<p><a class="sf-button sf-primary" href="${href(ctx, '/checkout')}">${t('buyer-pages:cart.checkout')}</a></p>`
    : html`<p class="sf-error">${t('buyer-pages:cart.notReady')}</p>`
}`
}`;
  return layout(
    ctx,
    {
      title,
      description: title,
      noindex: true,
      styles: buyerStylesheet,
      cartCount: cart.lineCount,
      scripts: cart.lineCount > 0 ? [stepperIsland] : [],
    },
    main,
  );
}

function offerGroup(ctx: PageContext, o: OfferGroup, csrf: string): SafeHtml {
  const { t } = ctx;
  const name = o.title?.text ?? t('buyer-pages:cart.unknownOffer');
  return html`<article class="sf-cart-offer">
<h3>${o.title ? html`<a href="${href(ctx, `/offers/${encodeURIComponent(o.offerId)}`)}" lang="${o.title.lang}">${o.title.text}</a>` : name}</h3>
${o.image ? html`<div class="sf-cart-thumb">${picture(ctx, o.image, t('storefront:imageAlt', { title: name }), { sizes: '96px' })}</div>` : ''}
${o.moq !== null && o.unit ? html`<p class="sf-meta">${t('storefront:moq', { qty: o.moq, unit: o.unit.name })}</p>` : ''}
${o.nextTier ? html`<p class="sf-meta sf-next-tier">${o.nextTier.message}</p>` : ''}
<ul class="sf-lines">${o.lines.map((l) => lineItem(ctx, l, name, csrf))}</ul>
</article>`;
}

function lineItem(ctx: PageContext, l: Line, offerName: string, csrf: string): SafeHtml {
  const { t } = ctx;
  const specs = l.specs.map((s) => `${s.name}: ${s.value.text}`).join(' · ');
  const qtyId = `qty-${l.lineId}`;
  const problemsId = `problems-${l.lineId}`;
  return html`<li class="sf-line">
<p><span class="sf-kind">${l.kindName}</span>${specs ? html` · <span>${specs}</span>` : ''}</p>
<p class="sf-meta">${l.unitPrice ? t('buyer-pages:cart.unitPrice', { price: l.unitPrice.formatted }) : ''}${
    l.lineTotal ? html` · ${t('buyer-pages:cart.lineTotal')}: <strong>${l.lineTotal.formatted}</strong>` : ''
  }</p>
${l.problems.length > 0 ? html`<ul id="${problemsId}" class="sf-error sf-problems">${l.problems.map((p) => html`<li>${p.message}</li>`)}</ul>` : ''}
<form class="sf-line-form" action="${href(ctx, `/cart/lines/${encodeURIComponent(l.lineId)}`)}" method="post">
${csrfField(csrf)}
<div class="sf-qty" data-less="${t('buyer-pages:stepper.less')}" data-more="${t('buyer-pages:stepper.more')}"><label for="${qtyId}">${t('buyer-pages:cart.quantityOf', { name: offerName })}</label>
<input id="${qtyId}" name="quantity" type="number" inputmode="numeric" min="1" step="1" value="${l.quantity}" required${
    l.problems.length > 0 ? html` aria-describedby="${problemsId}" aria-invalid="true"` : ''
  }></div>
<button class="sf-button" type="submit" name="action" value="update">${t('buyer-pages:cart.update')}</button>
<button class="sf-button sf-secondary" type="submit" name="action" value="remove">${t('buyer-pages:cart.remove')}<span class="sf-visually-hidden"> ${offerName}${specs ? ` (${specs})` : ''}</span></button>
</form>
</li>`;
}
