import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorImages, mirrorKeyOf } from '../../adapters/assets/mirror.ts';
import { directoryAssetStore } from '../../adapters/assets/store.ts';
import { IMAGE_FORMATS, IMAGE_WIDTHS, pictureOf, variantPath } from '../../adapters/assets/urls.ts';

/** A supplier's image host, started here: one real picture, a missing one, a page that is not an image. */
let host: Server;
let base: string;
let dir: string;
const hits: string[] = [];
beforeAll(async () => {
  const photo = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 16, b: 46 } },
  })
    .jpeg()
    .toBuffer();
  host = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/img/tee.jpg') {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': photo.length });
      res.end(photo);
    } else if (req.url === '/img/page.jpg') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>blocked</html>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'assets-'));
});
afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('mirroring supplier images into the asset store', () => {
  it('stores every srcset variant (square AVIF, WebP, JPEG at each width) under the URL’s mirror key, once', async () => {
    const store = directoryAssetStore(dir);
    const url = `${base}/img/tee.jpg`;
    const [first] = await mirrorImages([url, url], { store });
    expect(first).toEqual({ url, key: mirrorKeyOf(url), status: 'mirrored' });
    expect(hits.filter((h) => h === '/img/tee.jpg')).toHaveLength(1);
    for (const width of IMAGE_WIDTHS) {
      for (const { ext } of IMAGE_FORMATS) {
        const bytes = await store.get(variantPath(mirrorKeyOf(url), width, ext));
        const meta = await sharp(bytes!).metadata();
        expect([meta.width, meta.height, meta.format], `${width}.${ext}`).toEqual([
          width,
          width,
          ext === 'jpg' ? 'jpeg' : ext === 'avif' ? 'heif' : ext,
        ]);
      }
    }
    const again = await mirrorImages([url], { store });
    expect(again[0]?.status).toBe('already');
    expect(hits.filter((h) => h === '/img/tee.jpg')).toHaveLength(1);
  });

  it('reports a missing image and a page that is not an image, and stores nothing for them', async () => {
    const store = directoryAssetStore(dir);
    const outcomes = await mirrorImages([`${base}/img/gone.jpg`, `${base}/img/page.jpg`], { store });
    expect(outcomes.map((o) => (o.status === 'failed' ? o.reason : o.status)).sort()).toEqual([
      'HTTP 404',
      'not an image (text/html)',
    ]);
    expect(await store.get(variantPath(mirrorKeyOf(`${base}/img/page.jpg`), 240, 'jpg'))).toBeUndefined();
  });

  it('pages address a supplier URL by its mirror key on the site’s own host', () => {
    const url = 'https://cbu01.supplier-cdn.example/img/ibank/O1CN01.jpg';
    const picture = pictureOf(url);
    expect(picture.src).toBe(`/assets/${mirrorKeyOf(url)}/480.jpg`);
    expect(picture.sources.find((s) => s.type === 'image/avif')?.srcset).toBe(
      IMAGE_WIDTHS.map((w) => `/assets/${mirrorKeyOf(url)}/${w}.avif ${w}w`).join(', '),
    );
  });
});

describe('the mirror job reads the offers a stream batch wrote', () => {
  it('takes inserted and modified offer items, not removals or other items', async () => {
    const { changedOfferIds } = await import('../../functions/jobs/mirror-images.ts');
    const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', pk: string, sk: string) => ({
      eventName,
      dynamodb: { Keys: { pk: { S: pk }, sk: { S: sk } } },
    });
    expect(
      changedOfferIds({
        Records: [
          record('INSERT', 'OFFER#tee-1', 'OFFER'),
          record('MODIFY', 'OFFER#tee-2', 'OFFER'),
          record('MODIFY', 'OFFER#tee-2', 'OFFER'),
          record('REMOVE', 'OFFER#tee-3', 'OFFER'),
          record('INSERT', 'OFFER#tee-4', 'SKU#1'),
          record('INSERT', 'T#vn#CONFIG', 'CONFIG'),
        ],
      } as never),
    ).toEqual(['tee-1', 'tee-2']);
  });

  it('skips a change of an offer item that kept its body (a checkout taking stock)', async () => {
    const { changedOfferIds } = await import('../../functions/jobs/mirror-images.ts');
    const modify = (pk: string, before: string, after: string) => ({
      eventName: 'MODIFY',
      dynamodb: {
        Keys: { pk: { S: pk }, sk: { S: 'OFFER' } },
        OldImage: { body: { B: Buffer.from(before) }, stock: { M: { a: { N: '5' } } } },
        NewImage: { body: { B: Buffer.from(after) }, stock: { M: { a: { N: '4' } } } },
      },
    });
    expect(
      changedOfferIds({
        Records: [modify('OFFER#sold', 'v1', 'v1'), modify('OFFER#newer', 'v1', 'v2')],
      } as never),
    ).toEqual(['newer']);
  });
});
