import pLimit from 'p-limit';
import type { AssetStore } from './store.ts';
import { assetKeyOf, IMAGE_FORMATS, IMAGE_WIDTHS, mirrorKeyOf, variantPath } from './urls.ts';

export { mirrorKeyOf };

import { allVariants, contentTypes } from './variants.ts';

/**
 * Mirroring supplier images into the asset store. Supply-side image hosts are slow or blocked
 * abroad, so a buyer's browser never loads them: a job fetches each image once, stores its
 * responsive variants under `mirror/<sha256 of the URL>`, and pages address that key
 * (`pictureOf`), which CloudFront serves from the bucket on the site's own host.
 */
export const MAX_IMAGE_BYTES = 15 * 1024 * 1024;

export type MirrorOutcome =
  | { url: string; key: string; status: 'mirrored' | 'already' }
  | { url: string; status: 'failed'; reason: string };

export interface MirrorDeps {
  store: AssetStore;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

async function download(url: string, deps: MirrorDeps): Promise<Buffer> {
  const response = await (deps.fetch ?? fetch)(url, {
    signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000),
    redirect: 'follow',
    headers: { accept: 'image/avif,image/webp,image/jpeg,image/png,image/*;q=0.8' },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('image/')) throw new Error(`not an image (${type || 'no content-type'})`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) throw new Error(`larger than ${MAX_IMAGE_BYTES} bytes`);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw new Error(`larger than ${MAX_IMAGE_BYTES} bytes`);
  return bytes;
}

/** One image: fetched, turned into every variant, stored; skipped when its variants are there. */
export async function mirrorImage(url: string, deps: MirrorDeps): Promise<MirrorOutcome> {
  if (assetKeyOf(url)) return { url, key: assetKeyOf(url)!, status: 'already' };
  if (!/^https?:\/\//.test(url)) return { url, status: 'failed', reason: 'not an http(s) URL' };
  const key = mirrorKeyOf(url);
  const last = IMAGE_FORMATS[IMAGE_FORMATS.length - 1]!.ext;
  // The last variant is written last: when it is there, every variant is.
  if (await deps.store.has(variantPath(key, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!, last)))
    return { url, key, status: 'already' };
  try {
    const variants = await allVariants(await download(url, deps));
    for (const v of variants)
      await deps.store.put(variantPath(key, v.width, v.ext), v.bytes, contentTypes[v.ext]);
    return { url, key, status: 'mirrored' };
  } catch (error) {
    return { url, status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Several images, a few at a time (a slow host must not hold the others), in the order given. */
export async function mirrorImages(urls: readonly string[], deps: MirrorDeps, concurrency = 4) {
  const limit = pLimit(concurrency);
  return Promise.all([...new Set(urls)].map((url) => limit(() => mirrorImage(url, deps))));
}
