import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSearchOffers } from '../../adapters/opensearch/offer-search.ts';
import { createSearchTransport } from '../../adapters/opensearch/transport.ts';
import { DomainError } from '../../core/errors.ts';
import { provideServices } from '../../functions/composition.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { freePort } from '../kit/ports.ts';

let platform: TestPlatform;
beforeAll(async () => {
  // The platform boots on the real servers (table, tenants, index); then the functions are
  // pointed at a closed port before their first request, as if the node went down.
  platform = await startTestPlatform();
  const { services } = platform;
  provideServices({
    ...services,
    config: { ...services.config, OPENSEARCH_ENDPOINT: `http://127.0.0.1:${await freePort()}` },
  });
});
afterAll(async () => platform?.close());

describe('search when OpenSearch is down', () => {
  it('answers 503 SEARCH_UNAVAILABLE, localized, for search and suggest; offer pages still work', async () => {
    const expected = [
      ['vn.localhost', 'vi', 'Tìm kiếm tạm thời không khả dụng. Vui lòng thử lại sau giây lát.'],
      ['kr.localhost', 'ko', '검색을 일시적으로 사용할 수 없습니다. 잠시 후 다시 시도해 주세요.'],
      ['vn.localhost', 'en', 'Search is temporarily unavailable. Please try again in a moment.'],
      ['my.localhost', 'zh-CN', '搜索暂时不可用，请稍后重试。'],
    ] as const;
    for (const [host, lang, message] of expected) {
      for (const path of [`/api/v1/search?q=ao&lang=${lang}`, `/api/v1/search/suggest?q=ao&lang=${lang}`]) {
        const res = await platform.request(path, { host });
        expect(res.status, path).toBe(503);
        const body = await res.json();
        expect(body.error).toMatchObject({ code: 'SEARCH_UNAVAILABLE', message });
      }
    }
    expect((await platform.request('/api/v1/categories', { host: 'vn.localhost' })).status).toBe(200);
    // First requests per site read tenants and FX rates from DynamoDB Local, slow on a busy machine.
  }, 180_000);
});

describe('the search adapter when the node does not answer in time', () => {
  let blackHole: Server;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never answers: a node that hangs.
    blackHole = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => blackHole.close(resolve));
  });

  it('turns the timeout into SEARCH_UNAVAILABLE', async () => {
    const { port } = blackHole.address() as { port: number };
    const transport = createSearchTransport(
      { endpoint: `http://127.0.0.1:${port}`, region: 'local', auth: 'none' },
      { requestTimeoutMs: 300, maxRetries: 0 },
    );
    const search = openSearchOffers(transport, 'offers');
    const failure = await search
      .suggest({
        text: 'ao',
        locale: 'vi',
        curation: { categories: [], supplierTiers: [], requiredBadges: [], belts: [] },
        size: 5,
      })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe('SEARCH_UNAVAILABLE');
    expect(((failure as DomainError).cause as Error).name).toBe('TimeoutError');
  });
});
