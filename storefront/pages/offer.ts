import type { offerView } from '../../core/catalog/offer-view.ts';
import { exponentOf } from '../../core/money/currencies.ts';
import { minorToDecimalString } from '../../core/money/money.ts';
import { picture } from '../components.ts';
import { href, type PageContext } from '../context.ts';
import { html } from '../html.ts';
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
  /** The buy form sent back (POST /cart/lines refused it): what the buyer chose and typed, and why. */
  form?: { skuId?: string; quantity?: string; error: string };
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
  const chosen = data.form?.skuId
    ? offer.skus.find((s) => s.skuId === data.form?.skuId && s.inStock)
    : undefined;
  const firstInStock = chosen ?? offer.skus.find((s) => s.inStock) ?? offer.skus[0];
  const ladderData = tiers.map((tier) => [tier.minQuantity, tier.unitPrice.amountMinor]);
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
<input id="buy-qty" name="quantity" type="number" inputmode="numeric" min="1" step="1" value="${data.form?.quantity ?? offer.moq}" aria-describedby="buy-feedback buy-error"${data.form ? html` aria-invalid="true"` : ''}></div>
<p id="buy-feedback" aria-live="polite"></p>
<p id="buy-error" class="sf-error" role="alert">${data.form?.error ?? ''}</p>
<p id="cart-live" role="status"></p>
<button class="sf-button" type="submit">${t('storefront:addToCart')}</button>
</form>
<ul class="sf-chips" aria-label="${t('storefront:options')}">
${offer.sample.available ? html`<li>${offer.sample.price ? t('storefront:sampleAt', { price: offer.sample.price.formatted }) : t('storefront:sample')}</li>` : ''}
${offer.dropship ? html`<li>${t('storefront:dropship')}</li>` : ''}
${offer.customisation.map(
  (c) =>
    html`<li>${t('storefront:customisation', { name: c.name, qty: c.minQuantity, price: c.extraUnitPrice.formatted })}</li>`,
)}
</ul>
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

/** schema.org wants a decimal price: minor units shifted by the currency's ISO 4217 exponent. */
function minorToDecimal(amountMinor: number, currency: string): string {
  return minorToDecimalString(amountMinor, exponentOf(currency));
}
