import sharp, { type Sharp } from 'sharp';
import { IMAGE_FORMATS, IMAGE_WIDTHS, type ImageExt } from './urls.ts';

/** Encoder settings: small files that still look right on a phone. */
const encoders: Record<ImageExt, (image: Sharp) => Sharp> = {
  avif: (image) => image.avif({ quality: 50, effort: 2 }),
  webp: (image) => image.webp({ quality: 72 }),
  jpg: (image) => image.jpeg({ quality: 78, mozjpeg: true }),
};

export const contentTypes: Record<ImageExt, string> = {
  avif: 'image/avif',
  webp: 'image/webp',
  jpg: 'image/jpeg',
};

/** One variant of a source image: square (cover-cropped), `width` wide, in one format. */
export async function variant(source: Buffer, width: number, ext: ImageExt): Promise<Buffer> {
  const image = sharp(source, { limitInputPixels: 40_000_000 })
    .rotate()
    .resize(width, width, { fit: 'cover', position: 'attention' });
  return encoders[ext](image).toBuffer();
}

/** Every variant the storefront's srcset names, for one source image. */
export async function allVariants(
  source: Buffer,
): Promise<{ width: number; ext: ImageExt; bytes: Buffer }[]> {
  // Decoded once (and checked to be an image at all) before the variants are encoded.
  const normalized = await sharp(source, { limitInputPixels: 40_000_000 }).rotate().png().toBuffer();
  const out: { width: number; ext: ImageExt; bytes: Buffer }[] = [];
  for (const width of IMAGE_WIDTHS)
    for (const { ext } of IMAGE_FORMATS)
      out.push({ width, ext, bytes: await variant(normalized, width, ext) });
  return out;
}
