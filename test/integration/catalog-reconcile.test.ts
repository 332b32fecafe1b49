import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { toOfferDocument } from '../../adapters/opensearch/offer-document.ts';
import { bulkIndexOffers } from '../../adapters/opensearch/offer-indexer.ts';
import { offerSchema } from '../../core/catalog/model.ts';
import { generateOffer } from '../../local/seed/generator/generate.ts';
import { fixtureCatalog, fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
let dir: string;
beforeAll(async () => {
  platform = await startTestPlatform();
  dir = mkdtempSync(join(tmpdir(), 'reconcile-'));
});
afterAll(async () => {
  await platform?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A catalog script run against this file's table and alias, as an operator runs it. */
function script(name: string, args: string[] = []): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [join('scripts', `${name}.ts`), ...args], {
    env: {
      ...process.env,
      TABLE_NAME: platform.tableName,
      OFFERS_ALIAS: platform.offersAlias,
      DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'),
      OPENSEARCH_ENDPOINT: inject('opensearchEndpoint'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
    stderrs.set(child, stderr);
  });
  const done = new Promise<Run>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
const stderrs = new WeakMap<ChildProcess, string>();
async function stderrOf(child: ChildProcess): Promise<string> {
  return stderrs.get(child) ?? '';
}
interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}
const count = (out: string, label: string) =>
  Number(new RegExp(`${label}\\s+([\\d,]+)`).exec(out)?.[1]?.replaceAll(',', '') ?? Number.NaN);

async function search(params: Record<string, string>) {
  const res = await platform.request(`/api/v1/search?${new URLSearchParams(params)}`, {
    host: 'vn.localhost',
  });
  return res.json();
}

describe('npm run catalog:reconcile', () => {
  it('repairs offers present in one store only or at different versions, with progress and a summary', async () => {
    const { rejects } = await importLines(platform, fixtureCatalog.map(fixtureOffer));
    expect(rejects).toEqual([]);
    const { search: client } = platform.services;
    const alias = platform.offersAlias;
    const specs = Object.fromEntries(fixtureCatalog.map((s) => [s.id, s]));
    // An import killed between the table and the index: two new offers and a newer version of
    // a third reached the table only.
    const unindexed = [
      offerSchema.parse(
        fixtureOffer({
          id: 'bamboo-steamer',
          category: 'kitchenware',
          title: ['竹制蒸笼', 'Xửng hấp tre', '대나무 찜기', 'Bamboo steamer basket'],
          priceFen: 1_900,
        }),
      ),
      offerSchema.parse(
        fixtureOffer({
          id: 'enamel-mug',
          category: 'kitchenware',
          title: ['搪瓷杯', 'Cốc tráng men', '법랑 머그', 'Enamel camping mug'],
          priceFen: 900,
        }),
      ),
      offerSchema.parse(fixtureOffer({ ...specs['led-bulb-9w']!, version: 2, priceFen: 99_900 })),
    ];
    const saved = await platform.services.offers.save(unindexed.map((offer) => ({ offer })));
    expect([...saved.values()]).toEqual(['written', 'written', 'written']);
    // An offer the table does not have (a table recreated since), still found by search.
    const ghost = offerSchema.parse(
      fixtureOffer({
        id: 'ghost-offer',
        category: 'led_bulbs',
        title: ['幽灵灯', 'Đèn ma', '유령 램프', 'Ghost lamp'],
        priceFen: 500,
      }),
    );
    await bulkIndexOffers(client, alias, [toOfferDocument(ghost)], { refresh: true });
    const ghostIds = async () =>
      (await search({ q: 'ghost lamp', lang: 'en' })).hits.map((h: { offerId: string }) => h.offerId);
    // (search admits partial matches: the desk lamp answers "lamp" too)
    expect((await ghostIds())[0]).toBe('ghost-offer');

    const run = await script('catalog-reconcile').done;
    expect(run.stderr).toMatch(/reconcile .*(reading the store|repairing)/);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(count(run.stdout, 'missing from the index')).toBe(2);
    expect(count(run.stdout, 'older in the index')).toBe(1);
    expect(count(run.stdout, 'only in the index')).toBe(1);
    expect(count(run.stdout, 'repaired')).toBe(4);

    // What a buyer sees: the offers that missed the index found, the ghost gone, the newer price shown.
    expect((await search({ size: '50' })).total).toBe(fixtureCatalog.length + 2);
    expect(await ghostIds()).not.toContain('ghost-offer');
    expect((await search({ q: 'bamboo steamer', lang: 'en' })).hits[0].offerId).toBe('bamboo-steamer');
    const led = (await search({ size: '50', sort: 'price_desc' })).hits[0];
    expect(led.offerId).toBe('led-bulb-9w');

    const again = await script('catalog-reconcile').done;
    expect(again.code).toBe(0);
    expect(count(again.stdout, 'repaired')).toBe(0);
  }, 180_000);
});

describe('npm run catalog:import, interrupted', () => {
  it('ends cleanly on Ctrl-C with a summary of what was written, both stores in step', async () => {
    // A feed that never ends by itself: the import can only stop because it was asked to.
    const feed = join(dir, 'endless.jsonl');
    execFileSync('mkfifo', [feed]);
    const { child, done } = script('catalog-import', [feed]);
    const writer = createWriteStream(feed);
    writer.on('error', () => {}); // the reader leaves first
    const offers = Array.from({ length: 40 }, (_, i) => generateOffer(7, i));
    for (const offer of offers) writer.write(`${JSON.stringify(offer)}\n`);
    const ids = offers.map((o) => o.offerId);
    // Interrupt mid-feed: the import has read what was written and waits for more.
    const deadline = Date.now() + 120_000;
    while (!/^importing /m.test(await stderrOf(child)) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    await new Promise((r) => setTimeout(r, 3_000));
    child.kill('SIGINT');
    // Once it has taken the interruption, end the feed too: a process cannot exit while a read
    // of an open, silent pipe is pending (which a real Ctrl-C on a pipeline never leaves).
    while (!/Interrupted: finishing/.test(await stderrOf(child)) && Date.now() < deadline + 60_000)
      await new Promise((r) => setTimeout(r, 100));
    writer.end();
    const run = await done;
    expect(run.signal, run.stderr).toBeNull();
    expect(run.code, run.stdout + run.stderr).toBe(130);
    expect(run.stdout).toMatch(/^Interrupted after [\d,]+ lines/m);
    const imported = count(run.stdout, 'imported');
    expect(imported).toBeGreaterThan(0);
    expect(count(run.stdout, 'rejected')).toBe(0);
    // Everything the summary counts is in both stores, and nothing else.
    expect((await platform.services.offers.versions(ids)).size).toBe(imported);
    await platform.services.search.indices.refresh({ index: platform.offersAlias });
    const indexed = await platform.services.search.count({
      index: platform.offersAlias,
      body: { query: { terms: { offerId: ids } } },
    });
    expect(indexed.body.count).toBe(imported);
    const check = await script('catalog-reconcile').done;
    expect(check.code).toBe(0);
    expect(count(check.stdout, 'missing from the index')).toBe(0);
  }, 420_000);
});
