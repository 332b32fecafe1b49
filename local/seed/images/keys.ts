import { type CategoryL2, categoriesL2 } from '../../../core/catalog/taxonomy.ts';

/** How many different pictures each category has; an offer's images are picked among them. */
export const SEED_IMAGES_PER_CATEGORY = 6;

/** The asset key of the `n`-th seed picture of a category (`seed/womens_wear/3`). */
export function seedImageKey(category: CategoryL2, n: number): string {
  return `seed/${category}/${n % SEED_IMAGES_PER_CATEGORY}`;
}

/** `seed/<category>/<n>` back to its category and number, or undefined. */
export function parseSeedKey(key: string): { category: CategoryL2; n: number } | undefined {
  const m = /^seed\/([a-z_]+)\/(\d+)$/.exec(key);
  if (!m || !(categoriesL2 as readonly string[]).includes(m[1]!)) return undefined;
  const n = Number(m[2]);
  return n < SEED_IMAGES_PER_CATEGORY ? { category: m[1] as CategoryL2, n } : undefined;
}
