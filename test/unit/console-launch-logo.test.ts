import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { storeLogo } from '../../adapters/assets/logo.ts';
import { directoryAssetStore } from '../../adapters/assets/store.ts';
import { assetKeyOf } from '../../adapters/assets/urls.ts';
import { buildCountBody } from '../../adapters/opensearch/offer-query.ts';
import { DomainError } from '../../core/errors.ts';
import { brandSchema } from '../../core/tenants/tenant.ts';

/** The logo upload into a real directory asset store, through real sharp; the count query's body. */
const dir = await mkdtemp(join(tmpdir(), 'logo-'));
const store = directoryAssetStore(dir);
afterAll(() => rm(dir, { recursive: true, force: true }));

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 11, g: 93, b: 30, alpha: 1 } } })
    .png()
    .toBuffer();

async function refusal(run: Promise<unknown>) {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).fields[0];
}

describe('logo upload', () => {
  it('stores a wide PNG resized into the header box (3:1, no crop) as JPEG and WebP, under a content key', async () => {
    const url = await storeLogo(store, 'th', await png(900, 150));
    const key = assetKeyOf(url);
    expect(key).toMatch(/^logos\/th\/[0-9a-f]{32}$/);
    expect(brandSchema.safeParse({ logoUrl: url }).success).toBe(true);
    for (const [width, ext] of [
      [240, 'jpg'],
      [480, 'webp'],
    ] as const) {
      const stored = await readFile(join(dir, key!, `${width}.${ext}`));
      const meta = await sharp(stored).metadata();
      expect(meta.format).toBe(ext === 'jpg' ? 'jpeg' : 'webp');
      expect(meta.width).toBe(width);
      expect(meta.height).toBe(width / 6); // 900×150 is 6:1: the width binds
    }
    expect(await storeLogo(store, 'th', await png(900, 150))).toBe(url);
  });

  it('refuses what is not a PNG, JPEG or WebP image, whatever its name or type claims', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal(storeLogo(store, 'th', svg))).toMatchObject({ path: 'logo', rule: 'invalid_value' });
    expect(await refusal(storeLogo(store, 'th', Buffer.from('not an image')))).toMatchObject({
      rule: 'invalid_value',
    });
    const gif = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect(await refusal(storeLogo(store, 'th', gif))).toMatchObject({ rule: 'invalid_value' });
  });

  it('refuses a file over 2 MB and an empty one', async () => {
    expect(await refusal(storeLogo(store, 'th', Buffer.alloc(2 * 1024 * 1024 + 1)))).toMatchObject({
      rule: 'too_big',
    });
    expect(await refusal(storeLogo(store, 'th', Buffer.alloc(0)))).toMatchObject({ rule: 'required' });
  });
});

describe('the curation count query', () => {
  it('counts exactly (no 10,000 cap) under the curation filter, returning only the samples asked for', () => {
    const body = buildCountBody({
      locale: 'en',
      size: 3,
      curation: {
        categories: ['toys', 'womens_wear'],
        supplierTiers: [],
        requiredBadges: ['ship_48h'],
        belts: [],
      },
    }) as {
      size: number;
      track_total_hits: boolean;
      query: { function_score: { query: { bool: { filter: unknown[] } } } };
    };
    expect(body.size).toBe(3);
    expect(body.track_total_hits).toBe(true);
    expect(body.query.function_score.query.bool.filter).toEqual([
      { term: { listed: true } },
      {
        bool: {
          should: [
            { terms: { categoryL1: ['toys', 'womens_wear'] } },
            { terms: { categoryL2: ['toys', 'womens_wear'] } },
          ],
          minimum_should_match: 1,
        },
      },
      { term: { badges: 'ship_48h' } },
    ]);
    expect(body).not.toHaveProperty('aggs');
  });
});
