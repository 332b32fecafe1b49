/** Catalog reads: search, typeahead, offers, categories, the public tenant; health and the API document. */

import { handler as categories } from '../handlers/categories.ts';
import { handler as health } from '../handlers/health.ts';
import { handler as healthDetails } from '../handlers/health-details.ts';
import { handler as offer } from '../handlers/offer.ts';
import { handler as openapi } from '../handlers/openapi.ts';
import { handler as search } from '../handlers/search.ts';
import { handler as searchSuggest } from '../handlers/search-suggest.ts';
import { handler as tenant } from '../handlers/tenant.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler('catalog', {
  categories,
  health,
  'health-details': healthDetails,
  offer,
  openapi,
  search,
  'search-suggest': searchSuggest,
  tenant,
});
