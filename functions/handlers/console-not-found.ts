import { DomainError } from '../../core/errors.ts';
import { implement } from '../http/route.ts';

/** Any other path on the console host: the console's 404 page. */
export const handler = implement('console-not-found', async () => {
  throw new DomainError('ROUTE_NOT_FOUND');
});
