import type { AddressFormField, StoredAddress } from '../../core/addresses/address.ts';
import { endCustomerFormValues, endCustomerLines, endCustomerPlace } from '../../core/cart/end-customer.ts';
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
.sf-field label{display:block;font-weight:700}
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
.sf-details dd{margin:0;font-weight:700}
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
  /** Per offer with a customised line: the options it offers, for the line's options form. */
  customisation?: Map<string, CartOption[]>;
  /** The destination's address form, for a dropship line's parcel form. */
  addressFields?: AddressFormField[];
  /** A line's options or parcel form sent back (POST /cart/lines/{lineId} refused it). */
  lineForm?: CartLineForm;
}

/** A customisation option of an offer as the cart's options form offers it. */
export interface CartOption {
  id: string;
  name: string;
  /** What it adds per unit, in the site's currency. */
  extra: string;
  minQuantity: number;
}

/** A line's form sent back with what was typed and, beside each field, why it was refused. */
export interface CartLineForm {
  lineId: string;
  action: 'options' | 'parcel';
  values: Map<string, string>;
  errors: Map<string, string[]>;
  error?: string;
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
${s.offers.map((o) => offerGroup(ctx, o, data))}
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

function offerGroup(ctx: PageContext, o: OfferGroup, data: CartPageData): SafeHtml {
  const { t } = ctx;
  const name = o.title?.text ?? t('buyer-pages:cart.unknownOffer');
  return html`<article class="sf-cart-offer">
<h3>${o.title ? html`<a href="${href(ctx, `/offers/${encodeURIComponent(o.offerId)}`)}" lang="${o.title.lang}">${o.title.text}</a>` : name}</h3>
${o.image ? html`<div class="sf-cart-thumb">${picture(ctx, o.image, t('storefront:imageAlt', { title: name }), { sizes: '96px' })}</div>` : ''}
${o.moq !== null && o.unit ? html`<p class="sf-meta">${t('storefront:moq', { qty: o.moq, unit: o.unit.name })}</p>` : ''}
${o.nextTier ? html`<p class="sf-meta sf-next-tier">${o.nextTier.message}</p>` : ''}
<ul class="sf-lines">${o.lines.map((l) => lineItem(ctx, l, name, data, data.customisation?.get(o.offerId) ?? []))}</ul>
</article>`;
}

function lineItem(
  ctx: PageContext,
  l: Line,
  offerName: string,
  data: CartPageData,
  offered: CartOption[],
): SafeHtml {
  const { t } = ctx;
  const { csrf } = data;
  const specs = l.specs.map((s) => `${s.name}: ${s.value.text}`).join(' · ');
  const qtyId = `qty-${l.lineId}`;
  const problemsId = `problems-${l.lineId}`;
  return html`<li class="sf-line">
<p><span class="sf-kind">${kindText(ctx, l)}</span>${specs ? html` · <span>${specs}</span>` : ''}</p>
${l.kind === 'dropship' && l.address ? endCustomerText(ctx, l.address) : ''}
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
${l.kind === 'customised' && offered.length > 0 ? optionsForm(ctx, l, offerName, data, offered) : ''}
${l.kind === 'dropship' && l.address && (data.addressFields ?? []).length > 0 ? parcelForm(ctx, l, offerName, data) : ''}
</li>`;
}

/** A parcel's whole address, as its destination writes it (after the name the kind text gives). */
export function endCustomerText(ctx: PageContext, address: StoredAddress): SafeHtml {
  return html`<p class="sf-meta sf-end-customer">${ctx.t('buyer-pages:cart.endCustomerAddress', {
    address: endCustomerLines(address).slice(1).join(' · '),
  })}</p>`;
}

/** What the line is: wholesale, a sample, a parcel to one end customer, or customised with its options. */
function kindText(ctx: PageContext, l: Line): SafeHtml | string {
  const { t } = ctx;
  if (l.kind === 'dropship' && l.address) {
    const place = endCustomerPlace(l.address);
    return html`${t('buyer-pages:cart.dropshipTo', place)}${
      l.blindPackaging ? html` · ${t('buyer-pages:cart.blindPackaging')}` : ''
    }`;
  }
  if (l.kind === 'customised' && l.options)
    return t('buyer-pages:cart.customisedWith', {
      options: l.options
        .map((o) =>
          o.extraUnitPrice
            ? t('buyer-pages:cart.optionCost', { name: o.name, price: o.extraUnitPrice.formatted })
            : o.name,
        )
        .join(', '),
    });
  return l.kindName;
}

const sentBack = (data: CartPageData, l: Line, action: CartLineForm['action']) =>
  data.lineForm?.lineId === l.lineId && data.lineForm.action === action ? data.lineForm : undefined;

function formAlert(ctx: PageContext, form: CartLineForm | undefined): SafeHtml | string {
  return form && (form.error || form.errors.size > 0)
    ? html`<p class="sf-error" role="alert">${form.error ?? ctx.t('storefront:kinds.fix')}</p>`
    : '';
}

/** A customised line's options, among its offer's (Post/Redirect/Get to the cart). */
function optionsForm(
  ctx: PageContext,
  l: Line,
  offerName: string,
  data: CartPageData,
  offered: CartOption[],
) {
  const { t } = ctx;
  const form = sentBack(data, l, 'options');
  const chosen = new Set(
    form ? (form.values.get('options') ?? '').split(' ') : (l.options ?? []).map((o) => o.id),
  );
  const errors = form?.errors.get('options') ?? [];
  const errorId = `options-${l.lineId}-error`;
  return html`<details class="sf-line-change"${form ? html` open` : ''}><summary>${t('buyer-pages:cart.changeOptions')}</summary>
<form action="${href(ctx, `/cart/lines/${encodeURIComponent(l.lineId)}`)}" method="post" novalidate>
${csrfField(data.csrf)}<input type="hidden" name="action" value="options">
${formAlert(ctx, form)}
<fieldset class="sf-choices"${errors.length ? html` aria-describedby="${errorId}"` : ''}><legend>${t('buyer-pages:cart.optionsOf', { name: offerName })}</legend>
${offered.map(
  (o) =>
    html`<label><input type="checkbox" name="options" value="${o.id}"${chosen.has(o.id) ? html` checked` : ''}> <span>${t('storefront:customisation', { name: o.name, qty: o.minQuantity, price: o.extra })}</span></label>`,
)}
${errors.length ? html`<p id="${errorId}" class="sf-error">${errors.join(' ')}</p>` : ''}
</fieldset>
<button class="sf-button" type="submit">${t('buyer-pages:cart.saveOptions')}</button>
</form></details>`;
}

/** A dropship line's parcel: the end customer in the destination's address form, and blind packaging. */
function parcelForm(ctx: PageContext, l: Line, offerName: string, data: CartPageData) {
  const { t } = ctx;
  const form = sentBack(data, l, 'parcel');
  const current = l.address ? endCustomerFormValues(l.address) : {};
  const typed = (name: string) => (form ? (form.values.get(`address.${name}`) ?? '') : (current[name] ?? ''));
  const blind = form ? form.values.get('blindPackaging') === '1' : l.blindPackaging === true;
  return html`<details class="sf-line-change"${form ? html` open` : ''}><summary>${t('buyer-pages:cart.changeParcel')}</summary>
<form action="${href(ctx, `/cart/lines/${encodeURIComponent(l.lineId)}`)}" method="post" novalidate>
${csrfField(data.csrf)}<input type="hidden" name="action" value="parcel">
${formAlert(ctx, form)}
<fieldset><legend>${t('buyer-pages:cart.parcelOf', { name: offerName })}</legend>
${(data.addressFields ?? []).map((f) => {
  const id = `parcel-${l.lineId}-${f.name}`;
  const errors = form?.errors.get(`address.${f.name}`) ?? [];
  const described = [f.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`<div class="sf-field"><label for="${id}">${t(f.label)}${f.required ? '' : html` <span class="sf-meta">(${t('buyer-pages:checkout.optional')})</span>`}</label>
${f.hint ? html`<p id="${id}-hint" class="sf-meta">${t(f.hint)}</p>` : ''}
<input id="${id}" name="address.${f.name}" type="${f.name === 'phone' ? 'tel' : 'text'}" value="${typed(f.name)}" autocomplete="shipping ${f.autocomplete}"${
    f.required ? html` required` : ''
  }${described ? html` aria-describedby="${described}"` : ''}${errors.length ? html` aria-invalid="true"` : ''}>
${errors.length ? html`<p id="${id}-error" class="sf-error">${errors.join(' ')}</p>` : ''}</div>`;
})}
<p><label><input type="checkbox" name="blindPackaging" value="1"${blind ? html` checked` : ''}> ${t('storefront:kinds.blindPackaging')}</label></p>
</fieldset>
<button class="sf-button" type="submit">${t('buyer-pages:cart.saveParcel')}</button>
</form></details>`;
}
