import { importIntoCatalog } from '../../adapters/catalog-import.ts';
import type { ImportStats } from '../../core/catalog/import.ts';
import type { LocalServices } from '../platform.ts';
import { generateOffer } from './generator/generate.ts';

/** Offers `npm start` seeds on first run: enough to browse every category, quick to import. */
export const DEMO_CATALOG = { offers: 3000, seed: 42 };

/**
 * How many offers to seed: `DEMO_OFFERS` when it is a whole number from 1 (a smaller catalog
 * starts sooner on a slow laptop; the npm-start test uses it), else DEMO_CATALOG's.
 */
export function demoOfferCount(value: string | undefined): number {
  if (value === undefined || value === '') return DEMO_CATALOG.offers;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`DEMO_OFFERS must be a whole number from 1, not "${value}"`);
  }
  return count;
}

async function* generatedLines(offers: number, seed: number) {
  for (let i = 0; i < offers; i++) yield JSON.stringify(generateOffer(seed, i));
}

/**
 * Seeds the generated demo catalog on first run (the offers index empty, or the table without
 * the catalog's first offer: its data deleted while the index was kept), through the same import
 * as a real feed. Runs after the gateway listens, so start-up stays quick; the catalog fills in
 * while the platform is already answering. Either way it says where the catalog stands.
 */
export async function seedCatalogOnFirstRun(
  services: LocalServices,
  options: { siteUrl: string; offers?: number; log?: (line: string) => void },
): Promise<ImportStats | undefined> {
  const log = options.log ?? console.log;
  const { body } = await services.search.count({ index: services.config.OFFERS_ALIAS });
  const inTable = (await services.offers.get(generateOffer(DEMO_CATALOG.seed, 0).offerId)) !== undefined;
  if (body.count > 0 && inTable) {
    log(`Demo catalog already there: ${body.count} offers in the index.`);
    return undefined;
  }
  const started = Date.now();
  const offers = options.offers ?? DEMO_CATALOG.offers;
  log(`Seeding the demo catalog: ${offers} generated offers (seed ${DEMO_CATALOG.seed})…`);
  const stats = await importIntoCatalog(
    {
      db: services.db,
      tableName: services.config.TABLE_NAME,
      search: services.search,
      offersAlias: services.config.OFFERS_ALIAS,
    },
    generatedLines(offers, DEMO_CATALOG.seed),
    { onReject: (r) => log(`demo catalog line ${r.line} rejected: ${r.reason}`) },
  );
  log(
    `Demo catalog ready: ${stats.imported} offers in ${((Date.now() - started) / 1000).toFixed(1)} s (try ${options.siteUrl}/api/v1/search?q=ao%20thun%20nu)`,
  );
  return stats;
}
