import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { LOGO_MAX_BYTES } from '../../console/launch/logo.ts';
import { DomainError } from '../../core/errors.ts';
import type { AssetStore } from './store.ts';
import { assetUrl, variantPath } from './urls.ts';

/** The widths a logo is stored at: the storefront header shows it 120 px wide (240 for 2× screens). */
const LOGO_WIDTHS = [240, 480] as const;
const formats = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP' } as const;

const refused = (rule: string, params: Record<string, unknown>) =>
  new DomainError('VALIDATION_FAILED', { fields: [{ path: 'logo', rule, params }] });

/**
 * A partner's logo into the asset store: the bytes must be a PNG, JPEG or WebP image (decoded
 * by sharp, whatever the upload claims) of at most 2 MB; it is resized to fit the header's 3:1
 * box without cropping or enlarging, flattened onto the site's background, and stored as JPEG
 * and WebP at each width under a key made from its content. Answers the URL the brand records.
 */
export async function storeLogo(
  store: AssetStore,
  tenantId: string,
  bytes: Buffer,
  background = '#ffffff',
): Promise<string> {
  if (bytes.length === 0) throw refused('required', {});
  if (bytes.length > LOGO_MAX_BYTES) throw refused('too_big', { maximum: '2 MB' });
  const options = Object.values(formats).join(', ');
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: 40_000_000 }).metadata()).format;
  } catch {
    throw refused('invalid_value', { options });
  }
  if (!format || !(format in formats)) throw refused('invalid_value', { options });
  const variants = await Promise.all(
    LOGO_WIDTHS.flatMap((width) => {
      const image = () =>
        sharp(bytes, { limitInputPixels: 40_000_000 })
          .rotate()
          .resize(width, Math.round(width / 3), { fit: 'inside', withoutEnlargement: false })
          .flatten({ background });
      return [
        image()
          .jpeg({ quality: 85, mozjpeg: true })
          .toBuffer()
          .then((out) => ({ width, ext: 'jpg' as const, out, type: 'image/jpeg' })),
        image()
          .webp({ quality: 85 })
          .toBuffer()
          .then((out) => ({ width, ext: 'webp' as const, out, type: 'image/webp' })),
      ];
    }),
  );
  const digest = createHash('sha256');
  for (const v of variants) digest.update(v.out);
  const key = `logos/${tenantId}/${digest.digest('hex').slice(0, 32)}`;
  for (const v of variants) await store.put(variantPath(key, v.width, v.ext), v.out, v.type);
  return assetUrl(key);
}
