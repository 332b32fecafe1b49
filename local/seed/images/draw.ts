import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { ImageExt } from '../../../adapters/assets/urls.ts';
import { variant } from '../../../adapters/assets/variants.ts';
import { type CategoryL2, categoriesL2, parentOf } from '../../../core/catalog/taxonomy.ts';

export { parseSeedKey, SEED_IMAGES_PER_CATEGORY, seedImageKey } from './keys.ts';

function rng(seed: string) {
  let state = createHash('sha256').update(seed).digest().readUInt32LE(0) || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** One shape family per level-1 group, so a category's pictures look like each other. */
const shapes = ['circle', 'rect', 'diamond', 'ring', 'bars', 'triangle'] as const;

/**
 * A deterministic picture for a category: its own hue, its group's shape, a layout drawn from
 * the (category, n) seed. Same inputs, same pixels, on every machine.
 */
export function seedImageSvg(category: CategoryL2, n: number): string {
  const r = rng(`${category}/${n}`);
  const groupIndex = Object.keys(parentOf).indexOf(category);
  const hue = Math.floor((categoriesL2.indexOf(category) * 137.5) % 360);
  const shape = shapes[(groupIndex + Object.values(parentOf).indexOf(parentOf[category])) % shapes.length]!;
  const fg = `hsl(${hue} 65% 45%)`;
  const fg2 = `hsl(${(hue + 40) % 360} 70% 60%)`;
  const bg = `hsl(${hue} 40% 94%)`;
  const cx = 400 + (r() - 0.5) * 160;
  const cy = 400 + (r() - 0.5) * 160;
  const size = 200 + r() * 120;
  const main = {
    circle: `<circle cx="${cx}" cy="${cy}" r="${size}" fill="${fg}"/>`,
    rect: `<rect x="${cx - size}" y="${cy - size * 0.8}" width="${size * 2}" height="${size * 1.6}" rx="40" fill="${fg}"/>`,
    diamond: `<polygon points="${cx},${cy - size} ${cx + size},${cy} ${cx},${cy + size} ${cx - size},${cy}" fill="${fg}"/>`,
    ring: `<circle cx="${cx}" cy="${cy}" r="${size * 0.8}" fill="none" stroke="${fg}" stroke-width="${size * 0.4}"/>`,
    bars: [0, 1, 2, 3]
      .map(
        (i) =>
          `<rect x="${cx - size + i * size * 0.5}" y="${cy - size * (0.4 + r() * 0.6)}" width="${size * 0.35}" height="${size * 1.4}" rx="12" fill="${fg}"/>`,
      )
      .join(''),
    triangle: `<polygon points="${cx},${cy - size} ${cx + size},${cy + size * 0.8} ${cx - size},${cy + size * 0.8}" fill="${fg}"/>`,
  }[shape];
  const dots = Array.from({ length: 5 + Math.floor(r() * 6) }, () => {
    const x = r() * 800;
    const y = r() * 800;
    return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(10 + r() * 40).toFixed(0)}" fill="${fg2}" opacity="0.7"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="800" viewBox="0 0 800 800"><rect width="800" height="800" fill="${bg}"/>${dots}${main}<ellipse cx="400" cy="740" rx="260" ry="22" fill="#000" opacity="0.08"/></svg>`;
}

/** One stored variant of a seed picture (the gateway makes them on first request). */
export async function seedImageVariant(
  category: CategoryL2,
  n: number,
  width: number,
  ext: ImageExt,
): Promise<Buffer> {
  const png = await sharp(Buffer.from(seedImageSvg(category, n)))
    .png()
    .toBuffer();
  return variant(png, width, ext);
}
