import { catalogPages } from '../core/catalog/catalog-service.ts';
import { services } from './composition.ts';

let current: ReturnType<typeof catalogPages> | undefined;

/** Offer pages and the category tree, wired once per container (no search client in these bundles). */
export function catalog(): ReturnType<typeof catalogPages> {
  if (!current) {
    const s = services();
    current = catalogPages({ priceBooks: s.priceBooks, offers: s.offers });
  }
  return current;
}
