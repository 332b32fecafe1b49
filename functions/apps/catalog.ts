/** Catalog reads: search, typeahead, offers, categories, the public tenant, health. */

import { handler as categories } from '../handlers/categories.ts';
import { handler as health } from '../handlers/health.ts';
import { handler as offer } from '../handlers/offer.ts';
import { handler as search } from '../handlers/search.ts';
import { handler as searchSuggest } from '../handlers/search-suggest.ts';
import { handler as tenant } from '../handlers/tenant.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler('catalog', {
  categories,
  health,
  offer,
  search,
  'search-suggest': searchSuggest,
  tenant,
});
