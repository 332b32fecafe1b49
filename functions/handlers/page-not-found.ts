import { DomainError } from '../../core/errors.ts';
import { implement } from '../http/route.ts';

/** GET /{path+}: nothing here; the storefront's error page renders the site's localized 404. */
export const handler = implement('page-not-found', async () => {
  throw new DomainError('ROUTE_NOT_FOUND');
});
