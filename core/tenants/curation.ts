import type { Offer } from '../catalog/model.ts';
import { parentOf } from '../catalog/taxonomy.ts';
import type { Curation } from './tenant.ts';

/** What curation looks at on an offer. */
export interface CuratedFacts {
  category: string;
  /** The level-1 group of `category`. */
  categoryGroup: string;
  supplierTier: string;
  badges: readonly string[];
  belt: string;
}

/**
 * Whether a tenant sells an offer: the same rule the search filter applies, for paths that
 * reach an offer by id (quotes). An empty list does not restrict; categories match at level 1
 * or level 2; every required badge must be present.
 */
export function isCurated(curation: Curation, offer: CuratedFacts): boolean {
  const { categories, supplierTiers, requiredBadges, belts } = curation;
  if (
    categories.length > 0 &&
    !categories.includes(offer.category) &&
    !categories.includes(offer.categoryGroup)
  ) {
    return false;
  }
  if (supplierTiers.length > 0 && !supplierTiers.includes(offer.supplierTier)) return false;
  if (belts.length > 0 && !belts.includes(offer.belt)) return false;
  return requiredBadges.every((b) => offer.badges.includes(b));
}

/** Whether a listed offer is one the tenant sells (offer pages, quotes). */
export function withinCuration(offer: Offer, tenant: { curation: Curation }): boolean {
  return (
    offer.listed &&
    isCurated(tenant.curation, {
      category: offer.category,
      categoryGroup: parentOf[offer.category],
      supplierTier: offer.supplier.tier,
      badges: offer.supplier.badges,
      belt: offer.supplier.belt,
    })
  );
}
