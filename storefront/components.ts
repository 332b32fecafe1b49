import type { SearchHitView } from '../core/catalog/search-results.ts';
import { href, type PageContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * A responsive picture from the asset store: AVIF and WebP with width-based srcsets, a JPEG
 * fallback, intrinsic width/height (no layout shift), lazy unless it is above the fold.
 */
export function picture(
  ctx: PageContext,
  src: string,
  alt: string,
  options: { sizes: string; eager?: boolean },
): SafeHtml {
  const p = ctx.picture(src);
  if (!p.src) {
    return html`<div role="img" aria-label="${alt}" class="sf-noimage"></div>`;
  }
  return html`<picture>${p.sources
    .filter((s) => s.type !== 'image/jpeg')
    .map(
      (s) => html`<source type="${s.type}" srcset="${s.srcset}" sizes="${options.sizes}">`,
    )}<img src="${p.src}" srcset="${
    p.sources.find((s) => s.type === 'image/jpeg')?.srcset ?? ''
  }" sizes="${options.sizes}" width="${p.width}" height="${p.height}" alt="${alt}" ${
    options.eager ? html`fetchpriority="high"` : html`loading="lazy"`
  } decoding="async"></picture>`;
}

/** A price range ("from – to") of a result, or one price when both ends agree. */
function priceRange(hit: SearchHitView): string {
  return hit.price.from.amountMinor === hit.price.to.amountMinor
    ? hit.price.from.formatted
    : `${hit.price.from.formatted} – ${hit.price.to.formatted}`;
}

/** One result card: image, title (in its own language), price in the site's currency, MOQ. */
export function offerCard(ctx: PageContext, hit: SearchHitView, index: number, level: 2 | 3 = 3): SafeHtml {
  const { t } = ctx;
  return html`<li class="sf-card"><a href="${href(ctx, `/offers/${encodeURIComponent(hit.offerId)}`)}">
${picture(ctx, hit.image, t('storefront:imageAlt', { title: hit.title.text }), {
  sizes: '(min-width: 800px) 220px, 45vw',
  eager: index < 2,
})}
${level === 2 ? html`<h2 class="sf-card-title" lang="${hit.title.lang}">${hit.title.text}</h2>` : html`<h3 class="sf-card-title" lang="${hit.title.lang}">${hit.title.text}</h3>`}
<p class="sf-price">${priceRange(hit)}</p>
<p class="sf-meta">${t('storefront:moqShort', { qty: hit.moq, unit: hit.unit.name })}</p>
<p class="sf-meta">${hit.belt.name} · ${hit.supplierTier.name}</p>
</a></li>`;
}

/** Result cards; their titles are headings one level below the section they are in. */
export function offerGrid(ctx: PageContext, hits: SearchHitView[], level: 2 | 3 = 3): SafeHtml {
  return html`<ul class="sf-grid">${hits.map((h, i) => offerCard(ctx, h, i, level))}</ul>`;
}

/** The CSRF token of a form that changes state (cart, checkout, account): `csrfToken` in security.ts. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="csrf" value="${token}">`;
}
