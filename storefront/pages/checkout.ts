import type { AddressFormField, StoredAddress } from '../../core/addresses/address.ts';
import type { LineKind } from '../../core/cart/model.ts';
import { csrfField } from '../components.ts';
import { href, type PageContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';
import { buyerStylesheet, endCustomerText } from './cart.ts';

/** One shipping lane as checkout offers it: freight for this cart and the total it makes. */
export interface CheckoutLane {
  id: string;
  label: string;
  transit: string;
  shipping: string;
  total: string;
  totalMinor: number;
}

export interface CheckoutPageData {
  csrf: string;
  /** Carried in a hidden field: a double submit or a reload of this form places one order. */
  idempotencyKey: string;
  lines: {
    title: string;
    specs: string;
    quantity: number;
    /** How the line is bought, its unit price (sample price, customisation included) and its parcel. */
    kind: LineKind;
    unit: string;
    options: string[];
    /** Customised lines: what each option adds per unit, times the quantity (buyer-pages:cart.optionLineCost). */
    optionCosts: string[];
    endCustomer?: { name: string; city: string };
    /** The parcel's whole address in its destination's stored form. */
    endCustomerAddress?: StoredAddress;
    blindPackaging?: boolean;
    total: string;
  }[];
  subtotal: string;
  lanes: CheckoutLane[];
  paymentMethods: { id: string; label: string }[];
  addressFields: AddressFormField[];
  /** How a valid tax id looks in the site's country. */
  taxIdExample: string;
  /** What the buyer typed (form field name → value), put back after an error. */
  values: Map<string, string>;
  /** Form field name → messages in the buyer's language. */
  errors: Map<string, string[]>;
  /** An error about the whole checkout (stock, price changed, payment unavailable). */
  problem?: string;
  cartCount: number;
}

/**
 * Checkout: business details (company, contact, tax invoice with the tax id of the site's
 * country), the address form of the destination (core/addresses), lane with its freight and
 * total, payment method among the site's. One POST form, every field labelled, each error next to
 * its field and listed at the top with a link to it; nothing typed is lost on an error.
 */
export function checkoutPage(ctx: PageContext, data: CheckoutPageData): string {
  const { t } = ctx;
  const title = t('buyer-pages:checkout.title');
  const idOf = (name: string) => `f-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
  const labelOf = (name: string) => {
    const [group, field] = name.split('.');
    if (group === 'shippingAddress') return t(`address:field.${field}`);
    return t(`buyer-pages:checkout.field.${field ?? group}`);
  };

  const input = (
    name: string,
    options: { required?: boolean; type?: string; autocomplete?: string; hint?: string } = {},
  ): SafeHtml => {
    const id = idOf(name);
    const errors = data.errors.get(name) ?? [];
    const described = [options.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="sf-field">
<label for="${id}">${labelOf(name)}${options.required ? '' : html` <span class="sf-meta">(${t('buyer-pages:checkout.optional')})</span>`}</label>
${options.hint ? html`<p id="${id}-hint" class="sf-meta">${options.hint}</p>` : ''}
<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${data.values.get(name) ?? ''}"${
      options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''
    }${options.required ? html` required aria-required="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}${
      errors.length ? html` aria-invalid="true"` : ''
    }>
${errors.length ? html`<p id="${id}-error" class="sf-error">${errors.join(' ')}</p>` : ''}
</div>`;
  };

  const choice = (
    name: string,
    legend: string,
    options: { id: string; label: SafeHtml | string }[],
  ): SafeHtml => {
    const errors = data.errors.get(name) ?? [];
    const chosen = data.values.get(name) ?? (options.length === 1 ? options[0]!.id : undefined);
    return html`<fieldset id="${idOf(name)}" class="sf-choices"${errors.length ? html` aria-describedby="${idOf(name)}-error"` : ''}>
<legend>${legend}</legend>
${options.map(
  (o) =>
    html`<label><input type="radio" name="${name}" value="${o.id}" required${o.id === chosen ? html` checked` : ''}> <span>${o.label}</span></label>`,
)}
${errors.length ? html`<p id="${idOf(name)}-error" class="sf-error">${errors.join(' ')}</p>` : ''}
</fieldset>`;
  };

  const summary = [...data.errors.entries()];
  const main = html`<h1>${title}</h1>
${
  data.problem || summary.length > 0
    ? html`<div class="sf-alert" role="alert" tabindex="-1" id="checkout-errors">
${data.problem ? html`<p class="sf-error">${data.problem}</p>` : ''}
${
  summary.length > 0
    ? html`<p>${t('buyer-pages:checkout.fixFields')}</p><ul>${summary.map(
        ([name, messages]) =>
          html`<li><a href="#${idOf(name)}">${labelOf(name)}: ${messages.join(' ')}</a></li>`,
      )}</ul>`
    : ''
}
</div>`
    : ''
}
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${t('buyer-pages:checkout.summary')}</h2>
<table><thead><tr><th scope="col">${t('buyer-pages:checkout.item')}</th><th scope="col">${t('storefront:quantity')}</th><th scope="col">${t('storefront:unitPrice')}</th><th scope="col">${t('buyer-pages:cart.lineTotal')}</th></tr></thead>
<tbody>${data.lines.map(
    (l) =>
      html`<tr><td>${l.title}${l.specs ? html`<br><span class="sf-meta">${l.specs}</span>` : ''}${
        l.kind === 'bulk' ? '' : html`<br><span class="sf-meta sf-kind">${lineKindText(ctx, l)}</span>`
      }${lineDetails(ctx, l)}</td><td>${l.quantity}</td><td>${l.unit}</td><td>${l.total}</td></tr>`,
  )}</tbody></table>
<p class="sf-total">${t('buyer-pages:checkout.subtotal')}: <strong>${data.subtotal}</strong></p>
<p><a href="${href(ctx, '/cart')}">${t('buyer-pages:checkout.editCart')}</a></p>
</section>
<form class="sf-checkout" action="${href(ctx, '/checkout')}" method="post" novalidate>
${csrfField(data.csrf)}
<input type="hidden" name="idempotencyKey" value="${data.idempotencyKey}">
${data.lanes.map((l) => html`<input type="hidden" name="expected.${l.id}" value="${l.totalMinor}">`)}
<fieldset><legend>${t('buyer-pages:checkout.business')}</legend>
${input('business.companyName', { required: true, autocomplete: 'organization' })}
${input('business.contactName', { required: true, autocomplete: 'name' })}
${input('business.email', { required: true, type: 'email', autocomplete: 'email' })}
${input('business.phone', { required: true, type: 'tel', autocomplete: 'tel' })}
</fieldset>
<fieldset><legend>${t('buyer-pages:checkout.invoice')}</legend>
<p class="sf-meta">${t('buyer-pages:checkout.invoiceNote')}</p>
${input('invoice.legalName', { autocomplete: 'organization' })}
${input('invoice.taxId', { hint: t('buyer-pages:checkout.taxIdHint', { example: data.taxIdExample }) })}
${input('invoice.address')}
</fieldset>
<fieldset><legend>${t('buyer-pages:checkout.address')}</legend>
${data.addressFields.map((f) =>
  input(`shippingAddress.${f.name}`, {
    required: f.required,
    autocomplete: `shipping ${f.autocomplete}`,
    ...(f.hint && { hint: t(f.hint) }),
    ...(f.name === 'phone' && { type: 'tel' }),
  }),
)}
</fieldset>
${choice(
  'laneId',
  t('buyer-pages:checkout.lane'),
  data.lanes.map((l) => ({
    id: l.id,
    label: html`${l.label} · ${l.transit} · ${t('buyer-pages:checkout.shipping')}: ${l.shipping} · <strong>${t('buyer-pages:cart.total')}: ${l.total}</strong>`,
  })),
)}
${choice('paymentMethod', t('buyer-pages:checkout.payment'), data.paymentMethods)}
<p><button class="sf-button sf-primary" type="submit">${t('buyer-pages:checkout.place')}</button></p>
</form>`;
  return layout(
    ctx,
    { title, description: title, noindex: true, styles: buyerStylesheet, cartCount: data.cartCount },
    main,
  );
}

/**
 * Under a line's kind: what each customisation option costs (per unit, times the quantity) and a
 * parcel's whole address, on checkout and on the order page.
 */
export function lineDetails(
  ctx: PageContext,
  l: { optionCosts: string[]; endCustomerAddress?: StoredAddress },
): SafeHtml {
  return html`${
    l.optionCosts.length > 0
      ? html`<ul class="sf-meta sf-option-costs">${l.optionCosts.map((c) => html`<li>${c}</li>`)}</ul>`
      : ''
  }${l.endCustomerAddress ? endCustomerText(ctx, l.endCustomerAddress) : ''}`;
}

/** A checkout line that is not plain wholesale: a sample, a parcel to one end customer, customised with its options. */
export function lineKindText(
  ctx: PageContext,
  l: {
    kind: LineKind;
    options: string[];
    endCustomer?: { name: string; city: string };
    blindPackaging?: boolean;
  },
): string {
  const { t } = ctx;
  switch (l.kind) {
    case 'sample':
      return t('cart:kind.sample');
    case 'dropship':
      return l.endCustomer
        ? [
            t('buyer-pages:cart.dropshipTo', l.endCustomer),
            ...(l.blindPackaging ? [t('buyer-pages:cart.blindPackaging')] : []),
          ].join(' · ')
        : t('cart:kind.dropship');
    case 'customised':
      return t('buyer-pages:cart.customisedWith', { options: l.options.join(', ') });
    default:
      return t('cart:kind.bulk');
  }
}
