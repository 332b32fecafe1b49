/** Storefront pages and their assets, rendered per tenant. */

import { handler as theme } from '../handlers/storefront-theme.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler('storefront', { 'storefront-theme': theme });
