import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AssetStore, directoryAssetStore } from '../adapters/assets/store.ts';
import { parseVariantPath } from '../adapters/assets/urls.ts';
import { contentTypes } from '../adapters/assets/variants.ts';
import { assetsDir } from './paths.ts';
import { parseSeedKey, seedImageVariant } from './seed/images/draw.ts';

/**
 * The local stand-in for CloudFront's `/assets/*` behaviour: variants from the asset store,
 * cached for a year (a key's content never changes). The demo catalog's seed pictures are drawn
 * into the store on first request (deterministic: the same bytes on every machine).
 */
export function assetServer(store: AssetStore = directoryAssetStore(assetsDir)) {
  const drawing = new Map<string, Promise<Buffer>>();
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const parsed = parseVariantPath(path);
    if (!parsed || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      res.end('Not found');
      return;
    }
    let bytes = await store.get(path);
    const seed = bytes ? undefined : parseSeedKey(parsed.key);
    if (!bytes && seed) {
      let pending = drawing.get(path);
      if (!pending) {
        pending = seedImageVariant(seed.category, seed.n, parsed.width, parsed.ext).then(async (drawn) => {
          await store.put(path, drawn, contentTypes[parsed.ext]);
          return drawn;
        });
        drawing.set(path, pending);
        pending.finally(() => drawing.delete(path)).catch(() => undefined);
      }
      bytes = await pending;
    }
    if (!bytes) {
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      res.end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypes[parsed.ext],
      'content-length': bytes.length,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
}
