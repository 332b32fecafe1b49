import * as z from 'zod';
import { type SearchParams, searchParamsSchema } from '../core/catalog/search-query.ts';
import type { SearchState } from './pages/catalog.ts';

/** `/c/{categoryId}`: a taxonomy id's shape (whether the site sells it is the page's question). */
export const categoryPageParams = z.object({ categoryId: z.string().regex(/^[a-z][a-z_]{1,39}$/) });

/**
 * A page's query string as search parameters, leniently: a page never answers 400, so a value
 * that does not parse (a hand-edited price, a stale cursor) is dropped and the rest still apply.
 * The facet form's `price=min-max` radio becomes priceMin/priceMax.
 */
export function searchStateFrom(
  query: Record<string, string | undefined>,
  fixed: { category?: string } = {},
): { params: SearchParams; state: SearchState } {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) if (value) raw[key] = value;
  if (raw.price) {
    const [min, max] = raw.price.split('-');
    if (min) raw.priceMin = min;
    if (max) raw.priceMax = max;
  }
  delete raw.price;
  delete raw.lang;
  delete raw.size;
  if (fixed.category) raw.category = fixed.category;
  let parsed = searchParamsSchema.safeParse(raw);
  for (let i = 0; !parsed.success && i < 10; i++) {
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
    parsed = searchParamsSchema.safeParse(raw);
  }
  const params = parsed.success ? parsed.data : searchParamsSchema.parse({});
  const sized = { ...params, size: 24 };
  return {
    params: sized,
    state: {
      q: params.q,
      ...(params.category && { category: params.category }),
      ...(params.belt && { belt: params.belt }),
      badges: params.badges ?? [],
      ...(params.priceMin !== undefined && { priceMin: params.priceMin }),
      ...(params.priceMax !== undefined && { priceMax: params.priceMax }),
      ...(params.moqMax !== undefined && { moqMax: params.moqMax }),
      sort: params.sort,
      ...(params.cursor && { cursor: params.cursor }),
    },
  };
}
