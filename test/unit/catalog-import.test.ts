import { describe, expect, it } from 'vitest';
import { toOfferDocument } from '../../adapters/opensearch/offer-document.ts';
import { importFeed, type OfferIndex, type OfferStore, type Reject } from '../../core/catalog/import.ts';
import type { Offer } from '../../core/catalog/model.ts';
import { fixtureOffer } from '../kit/catalog.ts';

/** Ports recording what the import asked for (the real adapters are tested against the servers). */
function recordingPorts(stored: Map<string, number> = new Map()) {
  const indexed: Offer[] = [];
  const queued: string[] = [];
  const store: OfferStore = {
    async versions(ids) {
      return new Map(ids.filter((id) => stored.has(id)).map((id) => [id, { version: stored.get(id)! }]));
    },
    async save(offers) {
      const out = new Map<string, 'written' | 'conflict'>();
      for (const { offer } of offers) {
        const current = stored.get(offer.offerId);
        if (current !== undefined && current >= offer.version) out.set(offer.offerId, 'conflict');
        else {
          stored.set(offer.offerId, offer.version);
          out.set(offer.offerId, 'written');
        }
      }
      return out;
    },
    async enqueueTranslations(items) {
      queued.push(...items.map((i) => `${i.offerId}:${i.field}:${i.locale}`));
    },
  };
  const index: OfferIndex = {
    async index(docs) {
      indexed.push(...docs);
    },
  };
  return { store, index, stored, indexed, queued };
}

const line = (id: string, version: number, title = '汤锅') =>
  JSON.stringify(
    fixtureOffer({
      id,
      version,
      category: 'kitchenware',
      title: [title, 'Nồi', '냄비', 'Pot'],
      priceFen: 1000,
    }),
  );

async function* lines(values: string[]) {
  yield* values;
}

describe('importFeed (offline)', () => {
  it('classifies new, updated, unchanged, older and rejected lines', async () => {
    const ports = recordingPorts(
      new Map([
        ['pot-b', 2],
        ['pot-c', 5],
        ['pot-d', 7],
      ]),
    );
    const rejects: Reject[] = [];
    const stats = await importFeed(
      lines([line('pot-a', 1), line('pot-b', 3), '', 'not json', line('pot-c', 5), line('pot-d', 6)]),
      { ...ports, onReject: (r) => void rejects.push(r), chunkSize: 2 },
    );
    expect(stats).toEqual({
      lines: 5,
      imported: 1,
      updated: 1,
      unchanged: 1,
      older: 1,
      rejected: 1,
      translationsQueued: 0,
    });
    expect(rejects).toEqual([{ line: 4, reason: expect.stringMatching(/^invalid JSON/) }]);
    expect(ports.stored.get('pot-b')).toBe(3);
    expect(ports.stored.get('pot-d')).toBe(7);
    // Unchanged offers are re-sent to the index (a no-op there unless it lagged); older ones never.
    expect(ports.indexed.map((d) => `${d.offerId}@${d.version}`).sort()).toEqual([
      'pot-a@1',
      'pot-b@3',
      'pot-c@5',
    ]);
  });

  it('keeps the highest version when a feed repeats an offer', async () => {
    const ports = recordingPorts();
    const stats = await importFeed(lines([line('pot-a', 2), line('pot-a', 4), line('pot-a', 3)]), {
      ...ports,
      onReject: () => {},
    });
    expect(stats).toMatchObject({ imported: 1, older: 2 });
    expect(ports.stored.get('pot-a')).toBe(4);
  });

  it('queues missing and stale translations of what it wrote', async () => {
    const ports = recordingPorts();
    const edited = JSON.parse(line('pot-a', 1)) as Offer;
    edited.title.source = '汤锅 带盖';
    delete edited.attributes[0]!.value.translations.ko;
    const stats = await importFeed(lines([JSON.stringify(edited)]), { ...ports, onReject: () => {} });
    expect(stats.translationsQueued).toBe(4);
    expect(ports.queued.sort()).toEqual([
      'pot-a:attributes.material:ko',
      'pot-a:title:en',
      'pot-a:title:ko',
      'pot-a:title:vi',
    ]);
    expect(toOfferDocument(ports.indexed[0]!).staleLocales.sort()).toEqual(['en', 'ko', 'vi']);
  });

  it('stops and reports the failure when a store write fails', async () => {
    const ports = recordingPorts();
    ports.store.save = async () => {
      throw new Error('table is gone');
    };
    await expect(importFeed(lines([line('pot-a', 1)]), { ...ports, onReject: () => {} })).rejects.toThrow(
      'table is gone',
    );
  });
});
