import type { AddressFormField } from '../../core/addresses/address.ts';
import type { LineKind } from '../../core/cart/model.ts';
import type { offerView } from '../../core/catalog/offer-view.ts';
import { exponentOf } from '../../core/money/currencies.ts';
import { formatMoney, minorToDecimalString } from '../../core/money/money.ts';
import { picture } from '../components.ts';
import { href, type PageContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { addToCartIsland, stepperIsland } from '../islands/buyer.ts';
import { buyIsland } from '../islands/index.ts';
import { layout } from '../layout.ts';

export type OfferView = ReturnType<typeof offerView>;

/** One lane's landed-cost estimate as core presents it (core/landed-cost/present.ts). */
export interface LaneEstimate {
  laneId: string;
  lane: string;
  transit: string;
  components: { kind: string; label: string; formatted: string }[];
  total: { label: string; formatted: string };
  note: string;
}

export interface OfferPageData {
  offer: OfferView;
  /** The Chinese original title, when the buyer sees a translation. */
  original?: string;
  /** Per lane, for the MOQ of the first SKU in stock; absent when the site has no table. */
  landed?: { quantity: number; estimates: LaneEstimate[] };
  /** How many units of the offer one buyer may take as samples (拿样); 5 when not given. */
  sampleLimit?: number;
  /** The destination's address form (core/addresses), for the dropship form's end customer. */
  addressFields?: AddressFormField[];
  /** One of the page's forms sent back (POST /cart/lines refused it): what the buyer typed, and why. */
  form?: OfferForm;
}

/** A form of the offer page as the server sends it back: which, what was typed, what was refused. */
export interface OfferForm {
  kind: LineKind;
  /** Field name → what the buyer typed (`options`: the chosen ids, space-separated). */
  values: Map<string, string>;
  /** Field name → messages in the buyer's language, shown beside the field. */
  errors: Map<string, string[]>;
  /** A message about the whole form (the buy form's only one). */
  error?: string;
}

/**
 * The offer page: gallery, localized title with the Chinese original, SKU selector, tier ladder in
 * the site's currency, MOQ and stock, supplier card, landed cost per lane, sample / dropship /
 * customisation options. The buy form works without JavaScript; the island adds tier feedback
 * and the MOQ check as the buyer types.
 */
export function offerPage(ctx: PageContext, data: OfferPageData): string {
  const { t } = ctx;
  const { offer } = data;
  const title = offer.title.text;
  const tiers = offer.priceTiers;
  const bulk = data.form?.kind === 'bulk' ? data.form : undefined;
  const chosen = bulk?.values.get('skuId')
    ? offer.skus.find((s) => s.skuId === bulk.values.get('skuId') && s.inStock)
    : undefined;
  const firstInStock = chosen ?? offer.skus.find((s) => s.inStock) ?? offer.skus[0];
  const ladderData = tiers.map((tier) => [tier.minQuantity, tier.unitPrice.amountMinor]);
  const initial = bulk ? undefined : buyFeedback(ctx, offer, firstInStock);
  const main = html`<nav aria-label="${t('storefront:breadcrumb')}"><ol class="sf-chips">
<li><a href="${href(ctx, '/')}">${t('storefront:home')}</a></li>
<li><a href="${href(ctx, `/c/${offer.category.parent.id}`)}">${offer.category.parent.name}</a></li>
<li><a href="${href(ctx, `/c/${offer.category.id}`)}">${offer.category.name}</a></li></ol></nav>
<article class="sf-offer">
<section class="sf-gallery" aria-label="${t('storefront:gallery')}">${offer.images.map((src, i) =>
    picture(ctx, src, t('storefront:imageAltNumbered', { title, n: i + 1 }), {
      sizes: i === 0 ? '(min-width: 800px) 560px, 100vw' : '80px',
      eager: i === 0,
    }),
  )}</section>
<div>
<h1 lang="${offer.title.lang}">${title}</h1>
${
  data.original && data.original !== title
    ? html`<details><summary>${t('storefront:seeOriginal')}</summary><p lang="zh-CN">${data.original}</p></details>`
    : ''
}
<h2 id="tiers-heading">${t('storefront:tierLadder')}</h2>
<table aria-labelledby="tiers-heading"><thead><tr><th scope="col">${t('storefront:quantity')}</th><th scope="col">${t('storefront:unitPrice')}</th></tr></thead>
<tbody>${tiers.map(
    (tier, i) =>
      html`<tr><td>${
        tiers[i + 1]
          ? t('storefront:quantityBand', { from: tier.minQuantity, to: tiers[i + 1]!.minQuantity - 1 })
          : t('storefront:quantityFrom', { from: tier.minQuantity })
      } ${offer.unit.name}</td><td class="sf-price">${tier.unitPrice.formatted}</td></tr>`,
  )}</tbody></table>
<p>${t('storefront:moq', { qty: offer.moq, unit: offer.unit.name })}</p>
<form class="sf-buy" action="${href(ctx, '/cart/lines')}" method="post" novalidate data-moq="${offer.moq}" data-ladder="${JSON.stringify(ladderData)}" data-currency="${offer.currency}" data-locale="${ctx.locale}" data-msg-moq="${t('storefront:belowMoq', { qty: offer.moq, unit: offer.unit.name })}" data-msg-total="${t('storefront:lineTotal')}" data-msg-stock="${t('storefront:overStock')}">
<input type="hidden" name="offerId" value="${offer.offerId}">
<fieldset class="sf-skus"><legend>${t('storefront:chooseSku')}</legend>
${offer.skus.map(
  (sku) =>
    html`<label><input type="radio" name="skuId" value="${sku.skuId}" data-stock="${sku.stock}"${
      sku === firstInStock ? html` checked` : ''
    }${sku.inStock ? '' : html` disabled`}> <span>${sku.specs.map((s) => `${s.name}: ${s.value.text}`).join(' · ')}</span> <span class="sf-meta">${
      sku.inStock ? t('storefront:inStock', { qty: sku.stock }) : t('storefront:outOfStock')
    }</span></label>`,
)}
</fieldset>
<div class="sf-qty" data-less="${t('buyer-pages:stepper.less')}" data-more="${t('buyer-pages:stepper.more')}"><label for="buy-qty">${t('storefront:quantity')}</label>
<input id="buy-qty" name="quantity" type="number" inputmode="numeric" min="1" step="1" value="${bulk?.values.get('quantity') ?? offer.moq}" aria-describedby="buy-feedback buy-error"${bulk || initial?.error ? html` aria-invalid="true"` : ''}></div>
<p id="buy-feedback" aria-live="polite">${initial?.feedback ?? ''}</p>
<p id="buy-error" class="sf-error" role="alert">${bulk?.error ?? initial?.error ?? ''}</p>
<p id="cart-live" role="status"></p>
<button class="sf-button" type="submit">${t('storefront:addToCart')}</button>
</form>
${kindForms(ctx, data)}
</div>
</article>
<section class="sf-card-supplier" aria-labelledby="supplier-heading">
<h2 id="supplier-heading">${t('storefront:supplier')}</h2>
<p lang="${offer.supplier.name.lang}">${offer.supplier.name.text}</p>
<p>${offer.supplier.type.name} · ${offer.supplier.tier.name} · ${t('storefront:beltOf', { belt: offer.supplier.belt.name })}</p>
${offer.supplier.badges.length > 0 ? html`<ul class="sf-chips" aria-label="${t('storefront:badges')}">${offer.supplier.badges.map((b) => html`<li>${b.name}</li>`)}</ul>` : ''}
<p class="sf-meta">${t('storefront:supplierFacts', { years: offer.supplier.yearsOnPlatform, rate: offer.supplier.responseRatePct })}</p>
</section>
${
  data.landed && data.landed.estimates.length > 0
    ? html`<section aria-labelledby="landed-heading"><h2 id="landed-heading">${t('storefront:landedCost', { qty: data.landed.quantity, unit: offer.unit.name })}</h2>
${data.landed.estimates.map(
  (e) =>
    html`<h3>${e.lane} · ${e.transit}</h3><table><tbody>${e.components.map(
      (c) => html`<tr><td>${c.label}</td><td>${c.formatted}</td></tr>`,
    )}<tr><th scope="row">${e.total.label}</th><td class="sf-price">${e.total.formatted}</td></tr></tbody></table><p class="sf-meta">${e.note}</p>`,
)}</section>`
    : ''
}
${
  offer.attributes.length > 0
    ? html`<section aria-labelledby="specs-heading"><h2 id="specs-heading">${t('storefront:specifications')}</h2><table><tbody>${offer.attributes.map(
        (a) => html`<tr><th scope="row">${a.name}</th><td lang="${a.value.lang}">${a.value.text}</td></tr>`,
      )}</tbody></table></section>`
    : ''
}`;
  const low = tiers[tiers.length - 1]?.unitPrice;
  const high = tiers[0]?.unitPrice;
  const image = ctx.picture(offer.images[0] ?? '').src;
  return layout(
    ctx,
    {
      title,
      description: t('storefront:offerDescription', {
        title,
        price: low?.formatted ?? '',
        qty: offer.moq,
        unit: offer.unit.name,
      }),
      ogType: 'product',
      ...(image && { image }),
      scripts: [buyIsland, stepperIsland, addToCartIsland],
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: title,
          sku: offer.offerId,
          ...(image && { image: [`${ctx.origin}${image}`] }),
          category: offer.category.name,
          brand: { '@type': 'Brand', name: offer.supplier.name.text },
          offers: {
            '@type': 'AggregateOffer',
            priceCurrency: offer.currency,
            lowPrice: low ? minorToDecimal(low.amountMinor, offer.currency) : undefined,
            highPrice: high ? minorToDecimal(high.amountMinor, offer.currency) : undefined,
            offerCount: offer.skus.length,
            availability: offer.skus.some((s) => s.inStock)
              ? 'https://schema.org/InStock'
              : 'https://schema.org/OutOfStock',
            url: `${ctx.origin}/offers/${offer.offerId}`,
          },
        },
      ],
    },
    main,
  );
}

/**
 * What the buy form says before the buyer touches it, as buyIsland would for the default
 * quantity (the MOQ) and SKU: the line total, or that the SKU has too little stock. Rendered
 * here so the island need not build a currency formatter during the page's load (a first
 * Intl.NumberFormat costs tens of milliseconds of a slow phone's main thread) and so it shows
 * without JavaScript too.
 */
function buyFeedback(
  ctx: PageContext,
  offer: OfferView,
  sku: OfferView['skus'][number] | undefined,
): { feedback?: string; error?: string } {
  const quantity = offer.moq;
  if (sku && quantity > sku.stock) return { error: ctx.t('storefront:overStock') };
  const tiers = offer.priceTiers;
  if (tiers.length === 0) return {};
  let unit = tiers[0]!.unitPrice.amountMinor;
  for (const tier of tiers) if (quantity >= tier.minQuantity) unit = tier.unitPrice.amountMinor;
  const money = (minor: number) => formatMoney(minor, offer.currency, ctx.locale);
  return {
    feedback: `${ctx.t('storefront:lineTotal')}: ${money(unit)} × ${quantity} = ${money(unit * quantity)}`,
  };
}

/** schema.org wants a decimal price: minor units shifted by the currency's ISO 4217 exponent. */
function minorToDecimal(amountMinor: number, currency: string): string {
  return minorToDecimalString(amountMinor, exponentOf(currency));
}

/** The offer page's other ways to buy, each its own POST form to /cart/lines (`kind`), where the offer allows it. */
function kindForms(ctx: PageContext, data: OfferPageData): SafeHtml | string {
  const { t } = ctx;
  const { offer } = data;
  const addressFields = data.addressFields ?? [];
  const sample = offer.sample.available && offer.sample.price ? offer.sample.price : undefined;
  const dropship = offer.dropship && addressFields.length > 0;
  if (!sample && !dropship && offer.customisation.length === 0) return '';
  const skus = offer.skus.filter((s) => s.inStock);
  if (skus.length === 0) return '';
  const formOf = (kind: LineKind) => (data.form?.kind === kind ? data.form : undefined);
  const limit = data.sampleLimit ?? 5;

  /** One labelled input with its hint and its errors beside it (aria-describedby, aria-invalid). */
  const input = (
    kind: LineKind,
    name: string,
    label: string,
    options: {
      value: string;
      type?: string;
      hint?: string;
      required?: boolean;
      attrs?: SafeHtml;
      autocomplete?: string;
    },
  ): SafeHtml => {
    const form = formOf(kind);
    const id = `${kind}-${name.replace(/[^A-Za-z0-9]+/g, '-')}`;
    const errors = form?.errors.get(name) ?? [];
    const described = [options.hint ? `${id}-hint` : '', errors.length ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="sf-field${errors.length ? ' sf-field-invalid' : ''}">
<label for="${id}">${label}${options.required === false ? html` <span class="sf-meta">(${t('buyer-pages:checkout.optional')})</span>` : ''}</label>
${options.hint ? html`<p id="${id}-hint" class="sf-meta">${options.hint}</p>` : ''}
<input id="${id}" name="${name}" type="${options.type ?? 'text'}" value="${form ? (form.values.get(name) ?? '') : options.value}"${
      options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''
    }${options.required === false ? '' : html` required`}${options.attrs ?? ''}${described ? html` aria-describedby="${described}"` : ''}${
      errors.length ? html` aria-invalid="true"` : ''
    }>
${errors.length ? html`<p id="${id}-error" class="sf-field-error sf-error">${errors.join(' ')}</p>` : ''}
</div>`;
  };
  const skuSelect = (kind: LineKind) => {
    const form = formOf(kind);
    const picked = form?.values.get('skuId');
    const errors = form?.errors.get('skuId') ?? [];
    const id = `${kind}-sku`;
    return html`<div class="sf-field${errors.length ? ' sf-field-invalid' : ''}"><label for="${id}">${t('storefront:chooseSku')}</label>
<select id="${id}" name="skuId"${errors.length ? html` aria-describedby="${id}-error" aria-invalid="true"` : ''}>${skus.map(
      (sku) =>
        html`<option value="${sku.skuId}"${sku.skuId === picked ? html` selected` : ''}>${sku.specs.map((s) => `${s.name}: ${s.value.text}`).join(' · ')} (${t('storefront:inStock', { qty: sku.stock })})</option>`,
    )}</select>
${errors.length ? html`<p id="${id}-error" class="sf-field-error sf-error">${errors.join(' ')}</p>` : ''}</div>`;
  };
  const head = (kind: LineKind) => {
    const form = formOf(kind);
    return html`<input type="hidden" name="kind" value="${kind}"><input type="hidden" name="offerId" value="${offer.offerId}">
${form && (form.error || form.errors.size > 0) ? html`<p class="sf-error" role="alert">${form.error ?? t('storefront:kinds.fix')}</p>` : ''}`;
  };
  const action = href(ctx, '/cart/lines');
  const unit = offer.unit.name;

  const sampleForm = sample
    ? html`<form class="sf-kind-form" id="kind-sample" action="${action}" method="post" novalidate>
<fieldset><legend>${t('storefront:kinds.sampleLegend')}</legend>
<p>${t('storefront:kinds.sampleTerms', { price: sample.formatted, max: limit, unit })}</p>
${head('sample')}${skuSelect('sample')}
${input('sample', 'quantity', t('storefront:quantity'), {
  value: '1',
  type: 'number',
  attrs: html` inputmode="numeric" min="1" max="${limit}" step="1"`,
})}
<button class="sf-button" type="submit">${t('storefront:kinds.sampleSubmit')}</button>
</fieldset></form>`
    : '';

  const dropshipForm = dropship
    ? html`<form class="sf-kind-form" id="kind-dropship" action="${action}" method="post" novalidate>
<fieldset><legend>${t('storefront:kinds.dropshipLegend')}</legend>
<p>${t('storefront:kinds.dropshipTerms', { price: offer.priceTiers[0]?.unitPrice.formatted ?? '' })}</p>
${head('dropship')}${skuSelect('dropship')}
${input('dropship', 'quantity', t('storefront:quantity'), {
  value: '1',
  type: 'number',
  attrs: html` inputmode="numeric" min="1" step="1"`,
})}
<fieldset><legend>${t('storefront:kinds.endCustomer')}</legend>
${addressFields.map((f) =>
  input('dropship', `address.${f.name}`, t(f.label), {
    value: '',
    required: f.required,
    autocomplete: `shipping ${f.autocomplete}`,
    ...(f.hint && { hint: t(f.hint) }),
    ...(f.name === 'phone' && { type: 'tel' }),
  }),
)}
</fieldset>
<p><label><input type="checkbox" name="blindPackaging" value="1"${
        (formOf('dropship') ? formOf('dropship')!.values.get('blindPackaging') === '1' : true)
          ? html` checked`
          : ''
      }> ${t('storefront:kinds.blindPackaging')}</label></p>
<button class="sf-button" type="submit">${t('storefront:kinds.dropshipSubmit')}</button>
</fieldset></form>`
    : offer.dropship
      ? html`<p>${t('storefront:dropship')}</p>`
      : '';

  const custom = formOf('customised');
  const picked = new Set((custom?.values.get('options') ?? '').split(' ').filter(Boolean));
  const optionErrors = custom?.errors.get('options') ?? [];
  const smallest = Math.max(offer.moq, Math.min(...offer.customisation.map((c) => c.minQuantity)));
  const customForm =
    offer.customisation.length > 0
      ? html`<form class="sf-kind-form" id="kind-customised" action="${action}" method="post" novalidate>
<fieldset><legend>${t('storefront:kinds.customisedLegend')}</legend>
${head('customised')}${skuSelect('customised')}
<fieldset class="sf-choices"${optionErrors.length ? html` aria-describedby="customised-options-error"` : ''}><legend>${t('storefront:kinds.chooseOptions')}</legend>
${offer.customisation.map(
  (c) =>
    html`<label><input type="checkbox" name="options" value="${c.id}"${picked.has(c.id) ? html` checked` : ''}> <span>${t('storefront:customisation', { name: c.name, qty: c.minQuantity, price: c.extraUnitPrice.formatted })}</span></label>`,
)}
${optionErrors.length ? html`<p id="customised-options-error" class="sf-field-error sf-error">${optionErrors.join(' ')}</p>` : ''}
</fieldset>
${input('customised', 'quantity', t('storefront:quantity'), {
  value: String(smallest),
  type: 'number',
  hint: t('storefront:moq', { qty: offer.moq, unit }),
  attrs: html` inputmode="numeric" min="1" step="1"`,
})}
<button class="sf-button" type="submit">${t('storefront:kinds.customisedSubmit')}</button>
</fieldset></form>`
      : '';

  return html`<section class="sf-kinds" aria-labelledby="kinds-heading">
<h2 id="kinds-heading">${t('storefront:kinds.heading')}</h2>
${sampleForm}${dropshipForm}${customForm}
</section>`;
}
