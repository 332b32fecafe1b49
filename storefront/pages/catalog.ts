import type { SearchHitView } from '../../core/catalog/search-results.ts';
import { offerGrid } from '../components.ts';
import { href, type PageContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { layout } from '../layout.ts';

/** What the catalog pages render: the search answer as core shapes it (core/catalog/search-results.ts). */
export interface SearchPage {
  total: number;
  hits: SearchHitView[];
  nextCursor: string | null;
  facets: {
    categories: { id: string; name: string; count: number; level: number }[];
    belts: { id: string; name: string; count: number }[];
    badges: { id: string; name: string; count: number }[];
    price: { min?: number; max?: number; label: string; count: number }[];
  };
}

export interface HomeData {
  collections: { id: string; hits: SearchHitView[] }[];
  belts: { id: string; name: string; count: number }[];
  categories: { id: string; name: string; children: { id: string; name: string }[] }[];
}

/** Home: the site's curated collections, origin belts and the category tree. */
export function homePage(ctx: PageContext, data: HomeData): string {
  const { t, tenant } = ctx;
  const main = html`<h1>${t('storefront:homeHeading', { name: tenant.name })}</h1>
${data.collections
  .filter((c) => c.hits.length > 0)
  .map(
    (
      c,
      i,
    ) => html`<section aria-labelledby="col-${c.id}"${i > 0 ? html` class="sf-later"` : ''}><h2 id="col-${c.id}">${t(`storefront:collection_${c.id}`)}</h2>
${offerGrid(ctx, c.hits)}</section>`,
  )}
${
  data.belts.length > 0
    ? html`<section aria-labelledby="col-belts"><h2 id="col-belts">${t('storefront:collection_belts')}</h2>
<ul class="sf-chips">${data.belts.map((b) => html`<li><a href="${href(ctx, '/search', { belt: b.id })}">${b.name}</a></li>`)}</ul></section>`
    : ''
}
<section aria-labelledby="col-categories"><h2 id="col-categories">${t('storefront:categories')}</h2>
<ul class="sf-chips">${data.categories.map((c) => html`<li><a href="${href(ctx, `/c/${c.id}`)}">${c.name}</a></li>`)}</ul></section>`;
  const first = data.collections.find((c) => c.hits.length > 0)?.hits[0];
  return layout(
    ctx,
    {
      title: tenant.name,
      description: t('storefront:homeDescription', { name: tenant.name }),
      ...(first && { image: ctx.picture(first.image).src }),
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: tenant.name,
          url: `${ctx.origin}/`,
          inLanguage: ctx.locale,
          potentialAction: {
            '@type': 'SearchAction',
            target: `${ctx.origin}/search?q={search_term_string}`,
            'query-input': 'required name=search_term_string',
          },
        },
      ],
    },
    main,
  );
}

export interface SearchState {
  q: string;
  category?: string;
  belt?: string;
  badges: string[];
  priceMin?: number;
  priceMax?: number;
  moqMax?: number;
  sort: string;
  cursor?: string;
}

const sortIds = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;

/** The filters as a GET form: works without JavaScript, every control labelled. */
function facetsForm(ctx: PageContext, state: SearchState, page: SearchPage, action: string): SafeHtml {
  const { t } = ctx;
  const priceValue = (p: { min?: number; max?: number }) => `${p.min ?? ''}-${p.max ?? ''}`;
  const currentPrice =
    state.priceMin !== undefined || state.priceMax !== undefined
      ? priceValue({ min: state.priceMin, max: state.priceMax })
      : '';
  return html`<form class="sf-facets" action="${action}" method="get" aria-label="${t('storefront:filters')}">
${action === '/search' ? html`<input type="hidden" name="q" value="${state.q}">` : ''}
${ctx.locale !== ctx.tenant.defaultLocale ? html`<input type="hidden" name="lang" value="${ctx.locale}">` : ''}
<fieldset><legend>${t('storefront:sortBy')}</legend>
<label for="f-sort" class="sf-visually-hidden">${t('storefront:sortBy')}</label>
<select id="f-sort" name="sort">${sortIds.map(
    (s) =>
      html`<option value="${s}"${s === state.sort ? html` selected` : ''}>${t(`storefront:sort_${s}`)}</option>`,
  )}</select></fieldset>
${
  action === '/search' && page.facets.categories.length > 0
    ? html`<fieldset><legend>${t('storefront:category')}</legend>
<label for="f-category" class="sf-visually-hidden">${t('storefront:category')}</label>
<select id="f-category" name="category"><option value="">${t('storefront:any')}</option>${page.facets.categories.map(
        (c) =>
          html`<option value="${c.id}"${c.id === state.category ? html` selected` : ''}>${c.level === 2 ? '— ' : ''}${c.name} (${c.count})</option>`,
      )}</select></fieldset>`
    : ''
}
${
  page.facets.belts.length > 0
    ? html`<fieldset><legend>${t('storefront:belt')}</legend>
<label for="f-belt" class="sf-visually-hidden">${t('storefront:belt')}</label>
<select id="f-belt" name="belt"><option value="">${t('storefront:any')}</option>${page.facets.belts.map(
        (b) =>
          html`<option value="${b.id}"${b.id === state.belt ? html` selected` : ''}>${b.name} (${b.count})</option>`,
      )}</select></fieldset>`
    : ''
}
${
  page.facets.price.length > 0
    ? html`<fieldset><legend>${t('storefront:price')}</legend>
<label><input type="radio" name="price" value=""${currentPrice === '' ? html` checked` : ''}> ${t('storefront:any')}</label>
${page.facets.price.map(
  (p) =>
    html`<label><input type="radio" name="price" value="${priceValue(p)}"${
      priceValue(p) === currentPrice ? html` checked` : ''
    }> ${p.label} (${p.count})</label>`,
)}</fieldset>`
    : ''
}
${
  page.facets.badges.length > 0
    ? html`<fieldset><legend>${t('storefront:badges')}</legend>${page.facets.badges.map(
        (b) =>
          html`<label><input type="checkbox" name="badges" value="${b.id}"${
            state.badges.includes(b.id) ? html` checked` : ''
          }> ${b.name} (${b.count})</label>`,
      )}</fieldset>`
    : ''
}
<fieldset><legend>${t('storefront:moqMax')}</legend>
<label for="f-moq" class="sf-visually-hidden">${t('storefront:moqMax')}</label>
<input id="f-moq" name="moqMax" type="number" inputmode="numeric" min="1" value="${state.moqMax ?? ''}"></fieldset>
<button class="sf-button" type="submit">${t('storefront:applyFilters')}</button>
</form>`;
}

function resultsBody(
  ctx: PageContext,
  state: SearchState,
  page: SearchPage,
  action: string,
  headingId: string,
): SafeHtml {
  const { t } = ctx;
  const params: Record<string, string | undefined> = {
    q: action === '/search' ? state.q || undefined : undefined,
    category: action === '/search' ? state.category : undefined,
    belt: state.belt,
    badges: state.badges.join(',') || undefined,
    priceMin: state.priceMin?.toString(),
    priceMax: state.priceMax?.toString(),
    moqMax: state.moqMax?.toString(),
    sort: state.sort === 'relevance' ? undefined : state.sort,
  };
  return html`<div class="sf-layout">
<aside aria-label="${t('storefront:filters')}">${facetsForm(ctx, state, page, action)}</aside>
<section aria-labelledby="${headingId}">
<p role="status">${t('storefront:resultCount', { count: page.total })}</p>
${page.hits.length > 0 ? offerGrid(ctx, page.hits, 2) : html`<p>${t('storefront:noResults')}</p>`}
${
  page.nextCursor
    ? html`<nav class="sf-pager" aria-label="${t('storefront:pagination')}"><a class="sf-button" rel="next" href="${href(
        ctx,
        action,
        { ...params, cursor: page.nextCursor },
      )}">${t('storefront:nextPage')}</a></nav>`
    : ''
}
</section></div>`;
}

/** Search results with facet filters and sorting. */
export function searchResultsPage(ctx: PageContext, state: SearchState, page: SearchPage): string {
  const { t } = ctx;
  const title = state.q ? t('storefront:searchHeading', { q: state.q }) : t('storefront:allOffers');
  const main = html`<h1 id="results-heading">${title}</h1>${resultsBody(ctx, state, page, '/search', 'results-heading')}`;
  return layout(
    ctx,
    {
      title,
      description: t('storefront:searchDescription', { name: ctx.tenant.name, total: page.total }),
      // A plain query's results may be indexed; filtered, sorted or further pages stay out.
      noindex:
        Boolean(state.category || state.belt || state.cursor || state.moqMax !== undefined) ||
        state.badges.length > 0 ||
        state.priceMin !== undefined ||
        state.priceMax !== undefined ||
        state.sort !== 'relevance',
    },
    main,
  );
}

export interface CategoryInfo {
  id: string;
  name: string;
  parent?: { id: string; name: string };
  children: { id: string; name: string }[];
}

/** A category: breadcrumb, its sub-categories, and its offers with the same filters. */
export function categoryPage(
  ctx: PageContext,
  category: CategoryInfo,
  state: SearchState,
  page: SearchPage,
): string {
  const { t } = ctx;
  const main = html`<nav aria-label="${t('storefront:breadcrumb')}"><ol class="sf-chips">
<li><a href="${href(ctx, '/')}">${t('storefront:home')}</a></li>
${category.parent ? html`<li><a href="${href(ctx, `/c/${category.parent.id}`)}">${category.parent.name}</a></li>` : ''}
<li><a href="${href(ctx, `/c/${category.id}`)}" aria-current="page">${category.name}</a></li></ol></nav>
<h1 id="results-heading">${category.name}</h1>
${
  category.children.length > 0
    ? html`<ul class="sf-chips" aria-label="${t('storefront:subcategories')}">${category.children.map(
        (c) => html`<li><a href="${href(ctx, `/c/${c.id}`)}">${c.name}</a></li>`,
      )}</ul>`
    : ''
}
${resultsBody(ctx, state, page, `/c/${category.id}`, 'results-heading')}`;
  const filtered =
    state.belt ||
    state.badges.length > 0 ||
    state.priceMin !== undefined ||
    state.priceMax !== undefined ||
    state.cursor;
  return layout(
    ctx,
    {
      title: category.name,
      description: t('storefront:categoryDescription', { name: ctx.tenant.name, category: category.name }),
      noindex: Boolean(filtered),
      jsonLd: [
        {
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: [
            { name: t('storefront:home'), url: `${ctx.origin}/` },
            ...(category.parent
              ? [{ name: category.parent.name, url: `${ctx.origin}/c/${category.parent.id}` }]
              : []),
            { name: category.name, url: `${ctx.origin}/c/${category.id}` },
          ].map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
        },
      ],
    },
    main,
  );
}
