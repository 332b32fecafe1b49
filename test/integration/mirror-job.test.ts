/**
 * The image mirror as it runs: an offer imported with a supplier image URL reaches the mirror
 * job through the table stream (the local poller plays the Lambda event source), the variants
 * land in the asset store the gateway serves, and the offer page shows them from the site's
 * own host, never the supplier's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorKeyOf } from '../../adapters/assets/mirror.ts';
import { type LocalBackground, startBackground } from '../../local/background.ts';
import { assetsDir } from '../../local/paths.ts';
import { fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
let background: LocalBackground;
let host: Server;
let imageUrl: string;
const hits: string[] = [];

beforeAll(async () => {
  const photo = await sharp({
    create: { width: 900, height: 900, channels: 3, background: { r: 30, g: 120, b: 200 } },
  })
    .jpeg()
    .toBuffer();
  // Feeds carry https image URLs only: the supplier's host gets a certificate made here, which
  // this process (where the local poller runs the job) is told to accept for the test's length.
  const certs = await mkdtemp(join(tmpdir(), 'image-host-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(certs, 'key.pem'),
      '-out',
      join(certs, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const tls = { key: await readFile(join(certs, 'key.pem')), cert: await readFile(join(certs, 'cert.pem')) };
  await rm(certs, { recursive: true, force: true });
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  host = createServer(tls, (req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': photo.length });
    res.end(photo);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  imageUrl = `https://127.0.0.1:${(host.address() as AddressInfo).port}/img/ibank/O1CN01-mirror.jpg`;
  platform = await startTestPlatform();
  background = await startBackground(platform.services, { only: ['mirror-images'] });
});

afterAll(async () => {
  delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  await background?.stop();
  await platform?.close();
  await new Promise((resolve) => host?.close(resolve));
  if (imageUrl) await rm(join(assetsDir, mirrorKeyOf(imageUrl)), { recursive: true, force: true });
});

describe('the image mirror job on the local platform', () => {
  it("mirrors an imported offer's supplier image once, and the offer page serves it from /assets/", async () => {
    const offer = {
      ...fixtureOffer({
        id: 'mirror-tee',
        category: 'womens_wear',
        title: ['纯棉T恤', 'Áo thun cotton', '면 티셔츠', 'Cotton tee'],
        priceFen: 1500,
      }),
      images: [imageUrl],
    };
    const { rejects } = await importLines(platform, [offer]);
    expect(rejects).toEqual([]);
    await background.drain();
    expect(hits).toEqual(['/img/ibank/O1CN01-mirror.jpg']);

    const page = await platform.request('/offers/mirror-tee', { host: 'vn.localhost:3000' });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toContain('127.0.0.1');
    const src = html.match(/<img[^>]+src="(\/assets\/mirror\/[^"]+)"/)?.[1];
    expect(src).toBe(`/assets/${mirrorKeyOf(imageUrl)}/480.jpg`);
    const image = await platform.request(src!, { host: 'vn.localhost:3000' });
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(480);

    // A newer feed version of the same offer: the stream delivers a MODIFY, the image is already there.
    await importLines(platform, [{ ...offer, version: 2 }]);
    await background.drain();
    expect(hits).toHaveLength(1);
  });
});
