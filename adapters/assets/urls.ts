import { createHash } from 'node:crypto';

/**
 * Where an image lives in the asset store, and how pages address it. An offer's image that is in
 * the store is recorded as `https://asset-store.invalid/<key>` (`.invalid` never resolves: the
 * URL names a key, not a host); pages serve it from the site's own host under `/assets/<key>/`,
 * which is the local gateway's asset directory locally and the S3 bucket behind CloudFront in
 * AWS. Every image is stored square, in each of `IMAGE_WIDTHS`, as AVIF, WebP and JPEG.
 */
export const ASSET_ORIGIN = 'https://asset-store.invalid';
export const IMAGE_WIDTHS = [240, 480, 960] as const;
export const IMAGE_FORMATS = [
  { ext: 'avif', type: 'image/avif' },
  { ext: 'webp', type: 'image/webp' },
  { ext: 'jpg', type: 'image/jpeg' },
] as const;
export type ImageExt = (typeof IMAGE_FORMATS)[number]['ext'];

/** Keys are lowercase paths of `[a-z0-9_-]` segments (`seed/womens_wear/2`, `mirror/<sha256>`). */
const keyPattern = /^[a-z0-9_-]+(\/[a-z0-9_-]+){1,3}$/;

export function assetUrl(key: string): string {
  if (!keyPattern.test(key)) throw new Error(`not an asset key: ${key}`);
  return `${ASSET_ORIGIN}/${key}`;
}

/** The asset key of an image URL, or undefined when the image is not in the store. */
export function assetKeyOf(url: string): string | undefined {
  if (!url.startsWith(`${ASSET_ORIGIN}/`)) return undefined;
  const key = url.slice(ASSET_ORIGIN.length + 1);
  return keyPattern.test(key) ? key : undefined;
}

/** The path of one variant, as stored and as served: `/assets/<key>/<width>.<ext>`. */
export function variantPath(key: string, width: number, ext: ImageExt): string {
  return `/assets/${key}/${width}.${ext}`;
}

/** A served path back to its key, width and format (the gateway's `/assets/` handler). */
export function parseVariantPath(
  path: string,
): { key: string; width: (typeof IMAGE_WIDTHS)[number]; ext: ImageExt } | undefined {
  const m = /^\/assets\/(.+)\/(\d+)\.(avif|webp|jpg)$/.exec(path);
  if (!m || !keyPattern.test(m[1]!)) return undefined;
  const width = Number(m[2]) as (typeof IMAGE_WIDTHS)[number];
  if (!IMAGE_WIDTHS.includes(width)) return undefined;
  return { key: m[1]!, width, ext: m[3] as ImageExt };
}

/** The responsive sources of an image URL, for the storefront's `<picture>`: an asset-store URL
 * as its key, an external (supplier) URL as the key the mirror job stores it under. */
export function pictureOf(url: string) {
  const key = assetKeyOf(url) ?? (/^https:\/\//.test(url) ? mirrorKeyOf(url) : undefined);
  const largest: number = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  if (!key) return { sources: [], width: largest, height: largest };
  return {
    src: variantPath(key, IMAGE_WIDTHS[1], 'jpg'),
    sources: IMAGE_FORMATS.map((f) => ({
      type: f.type,
      srcset: IMAGE_WIDTHS.map((w) => `${variantPath(key, w, f.ext)} ${w}w`).join(', '),
    })),
    width: largest,
    height: largest,
  };
}

/** The asset key an external image URL is mirrored under (the same URL, the same key). */
export function mirrorKeyOf(url: string): string {
  return `mirror/${createHash('sha256').update(url).digest('hex').slice(0, 40)}`;
}
