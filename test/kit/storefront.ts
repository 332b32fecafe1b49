import { assetUrl } from '../../adapters/assets/urls.ts';
import type { OfferInput } from '../../core/catalog/model.ts';
import { generateOffer } from '../../local/seed/generator/generate.ts';
import { seedImageKey } from '../../local/seed/images/keys.ts';
import { fixtureCatalog, fixtureOffer, importLines } from './catalog.ts';
import type { TestPlatform } from './platform.ts';

/** A supplier title that tries to run a script: pages must show it as text. */
export const HOSTILE_TITLE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
export const HOSTILE_OFFER_ID = 'hostile-title-offer';

/** The test's storefront catalog: the fixture offers (with seed pictures), a hostile title, and
 * `generated` offers of the demo generator (seed 42). */
export async function seedStorefrontCatalog(platform: TestPlatform, generated = 200): Promise<OfferInput[]> {
  const fixtures = fixtureCatalog.map((spec) => ({
    ...fixtureOffer(spec),
    images: [0, 1, 2].map((i) => assetUrl(seedImageKey(spec.category, i))),
  }));
  const hostile: OfferInput = {
    ...fixtureOffer({
      id: HOSTILE_OFFER_ID,
      category: 'hair_accessories',
      title: [HOSTILE_TITLE, HOSTILE_TITLE, HOSTILE_TITLE, HOSTILE_TITLE],
      priceFen: 990,
      moq: 20,
    }),
    images: [assetUrl(seedImageKey('hair_accessories', 0))],
  };
  const offers = [...fixtures, hostile, ...Array.from({ length: generated }, (_, i) => generateOffer(42, i))];
  const { rejects } = await importLines(platform, offers);
  if (rejects.length > 0) throw new Error(`fixture offers rejected: ${JSON.stringify(rejects.slice(0, 3))}`);
  return offers;
}
