import {
  type categoriesL1,
  categoryTree,
  isCategory,
  isCategoryL2,
  parentOf,
} from '../../core/catalog/taxonomy.ts';
import { DomainError } from '../../core/errors.ts';
import { categoryPage } from '../../storefront/pages/catalog.ts';
import { searchStateFrom } from '../../storefront/search-state.ts';
import { catalog } from '../catalog.ts';
import { searchCatalog } from '../catalog-search.ts';
import { implement } from '../http/route.ts';
import { asPage, htmlAnswer, pageContext } from './page-kit.ts';

/** GET /c/{categoryId}: a level-1 or level-2 category the site sells, with its offers. */
export const handler = implement('page-category', async (request) => {
  const input = asPage(request);
  const id = input.params.categoryId;
  const sold = catalog().categories(input).categories;
  const soldIds = new Set<string>(sold.flatMap((c) => [c.id, ...c.children.map((k) => k.id)]));
  if (!isCategory(id) || !soldIds.has(id)) throw new DomainError('NOT_FOUND');
  const { params, state } = searchStateFrom(input.event.queryStringParameters ?? {}, { category: id });
  const page = await searchCatalog().search(input, params);
  const ctx = pageContext(input);
  const name = (c: string) => ctx.t(`catalog:category_${c}`);
  const info = isCategoryL2(id)
    ? { id, name: name(id), parent: { id: parentOf[id], name: name(parentOf[id]) }, children: [] }
    : {
        id,
        name: name(id),
        children: (categoryTree[id as (typeof categoriesL1)[number]] as readonly string[])
          .filter((c) => soldIds.has(c))
          .map((c) => ({ id: c, name: name(c) })),
      };
  return htmlAnswer(ctx, input.event, categoryPage(ctx, info, state, page));
});
