import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localFileSecrets } from '../../adapters/secrets/secret-store.ts';
import { httpSupplyClient } from '../../adapters/supply/http-supply-client.ts';
import type { SupplyEvent } from '../../core/handoff/protocol.ts';
import { purchaseOrdersOf } from '../../core/handoff/purchase-orders.ts';
import { applyEvent, newPoRecord, type PoRecord } from '../../core/handoff/records.ts';
import { SIGNATURE_HEADER, signMessage, TIMESTAMP_HEADER } from '../../core/handoff/signature.ts';
import { OPERATOR_API_KEY, SUPPLY_SIGNING_KEY } from '../../functions/secrets.ts';
import { secretsDir } from '../../local/paths.ts';
import { orderLine, paidOrder } from '../kit/orders.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';
import { type SupplierSandbox, startSupplierSandbox } from '../kit/sandbox.ts';

/**
 * The supply side of the handoff against the sandbox supplier process: signed POs delivered
 * exactly once through failures and outages, dead letters replayed, webhooks verified first.
 * (The stream dispatcher and the order's status: handoff.test.ts.)
 */
let platform: TestPlatform;
let sandbox: SupplierSandbox;
const secrets = localFileSecrets(process.env.SECRETS_DIR ?? secretsDir);
const signingKey = () => secrets.get(SUPPLY_SIGNING_KEY);

beforeAll(async () => {
  await signingKey();
  sandbox = await startSupplierSandbox({
    secretsDir: process.env.SECRETS_DIR ?? secretsDir,
    webhookUrl: 'http://127.0.0.1:9/',
    stepMs: 200,
  });
  platform = await startTestPlatform({
    supply: httpSupplyClient({ baseUrl: sandbox.url, signingKey, timeoutMs: 2000 }),
    handoffRetry: { maxAttempts: 8, baseMs: 20 },
  });
  await sandbox.switches({ webhookUrl: `${platform.baseUrl}/api/v1/supply/webhooks`, stopAfter: 'accepted' });
}, 300_000);

afterAll(async () => {
  await sandbox?.stop();
  await platform?.close();
});

async function storedPos(lines = 1, suppliers = ['s-1']): Promise<PoRecord[]> {
  const order = paidOrder(
    suppliers.flatMap((supplierId) =>
      Array.from({ length: lines }, (_, i) => orderLine({ supplierId, skuId: `sku-${i}` })),
    ),
  );
  const records = purchaseOrdersOf(order, new Date()).map((po) =>
    newPoRecord('vn', order.orderId, po, new Date()),
  );
  await platform.services.handoffStore.createAll(records);
  return records;
}

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function sweepUntilSettled(poIds: string[]): Promise<PoRecord[]> {
  return until(async () => {
    await platform.services.handoff.retryDue();
    const records = await Promise.all(poIds.map((id) => platform.services.handoffStore.get('vn', id)));
    return records.every((r) => r && r.delivery.state !== 'pending') ? (records as PoRecord[]) : undefined;
  }, 180_000);
}

const created = async (poId: string) =>
  (await sandbox.received()).requests.filter((r) => r.poId === poId && r.status === 201).length;

describe('delivery to the supply side', { timeout: 240_000 }, () => {
  it('sends a PO signed; the sandbox accepts it once and answers a repeat with the original state', async () => {
    const [record] = await storedPos();
    const delivered = await platform.services.handoff.deliver('vn', record!.poId);
    expect(delivered?.delivery).toMatchObject({ state: 'delivered', attempts: 1 });
    const client = httpSupplyClient({ baseUrl: sandbox.url, signingKey });
    const again = await client.send(record!.po);
    const received = await sandbox.received();
    const requests = received.requests.filter((r) => r.poId === record!.poId);
    expect(requests.map((r) => [r.signature, r.status])).toEqual([
      ['valid', 201],
      ['valid', 200],
    ]);
    expect(received.purchaseOrders.filter((p) => p.poId === record!.poId)).toEqual([record!.po]);
    expect(again.receivedAt).toBe(received.states.find((s) => s.poId === record!.poId)!.receivedAt);
  });

  it('the sandbox refuses a PO with a wrong signature or a stale timestamp, and stores nothing', async () => {
    const [record] = await storedPos();
    const body = JSON.stringify(record!.po);
    const now = Math.floor(Date.now() / 1000);
    for (const [timestamp, key] of [
      [now, 'not-the-key'],
      [now - 301, await signingKey()],
    ] as const) {
      const response = await fetch(`${sandbox.url}/v1/purchase-orders`, {
        method: 'POST',
        headers: {
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signMessage(key, timestamp, body),
        },
        body,
      });
      expect(response.status).toBe(401);
    }
    expect((await sandbox.received()).purchaseOrders.some((p) => p.poId === record!.poId)).toBe(false);
  });

  it('with the sandbox down for a while and then up, every PO arrives exactly once', async () => {
    const records = await storedPos(1, ['a', 'b', 'c', 'd', 'e']);
    await sandbox.switches({ downForSeconds: 2 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await Promise.all(records.map((r) => platform.services.handoff.deliver('vn', r.poId)));
    const failed = await platform.services.handoffStore.get('vn', records[0]!.poId);
    expect(failed?.delivery).toMatchObject({ state: 'pending', attempts: 1 });
    expect(failed?.delivery.lastError).toBeTruthy();
    const settled = await sweepUntilSettled(records.map((r) => r.poId));
    expect(settled.map((r) => r.delivery.state)).toEqual(Array(5).fill('delivered'));
    expect(settled.every((r) => r.delivery.attempts > 1)).toBe(true);
    for (const r of records) expect(await created(r.poId)).toBe(1);
  });

  it('with a 100 % error rate POs become dead letters after 8 attempts; a replay after recovery delivers each once', async () => {
    const records = await storedPos(1, ['x', 'y']);
    await sandbox.switches({ errorRate: 1 });
    try {
      await Promise.all(records.map((r) => platform.services.handoff.deliver('vn', r.poId)));
      const settled = await sweepUntilSettled(records.map((r) => r.poId));
      expect(settled.map((r) => [r.delivery.state, r.delivery.attempts])).toEqual([
        ['dead_letter', 8],
        ['dead_letter', 8],
      ]);
    } finally {
      await sandbox.switches({ errorRate: 0 });
    }
    const operator = { authorization: `Bearer ${await platform.services.secrets.get(OPERATOR_API_KEY)}` };
    const list = await platform.request('/api/v1/admin/supply/dead-letters', { headers: operator });
    expect(list.status).toBe(200);
    const parked = (await list.json()) as {
      deadLetters: { poId: string; attempts: number; lastError: string }[];
    };
    for (const r of records) {
      expect(parked.deadLetters).toContainEqual(expect.objectContaining({ poId: r.poId, attempts: 8 }));
    }
    const replay = await platform.request('/api/v1/admin/supply/dead-letters/replay', {
      method: 'POST',
      headers: { ...operator, 'content-type': 'application/json' },
      body: JSON.stringify({ poIds: records.map((r) => r.poId) }),
    });
    expect(replay.status).toBe(200);
    const replayed = ((await replay.json()) as { replayed: { poId: string }[] }).replayed;
    expect([...replayed].sort((a, b) => a.poId.localeCompare(b.poId))).toEqual(
      records.map((r) => ({ poId: r.poId, state: 'delivered' })).sort((a, b) => a.poId.localeCompare(b.poId)),
    );
    for (const r of records) expect(await created(r.poId)).toBe(1);
    const after = (await (
      await platform.request('/api/v1/admin/supply/dead-letters', { headers: operator })
    ).json()) as {
      deadLetters: { poId: string }[];
    };
    expect(after.deadLetters.filter((d) => records.some((r) => r.poId === d.poId))).toEqual([]);
  });

  it('a partner key cannot list dead letters', async () => {
    const response = await platform.request('/api/v1/admin/supply/dead-letters', {
      headers: { authorization: 'Bearer sfk.vn.0123456789abcdef.nope' },
    });
    expect(response.status).toBe(401);
  });
});

describe('48-hour shipping promises', { timeout: 240_000 }, () => {
  it('a PO of a 48 h supplier not shipped within 48 hours is flagged for the partner; supplier records count kept and broken promises', async () => {
    const sent = new Date(Date.now() - 49 * 3_600_000);
    const order = paidOrder([
      orderLine({ supplierId: 'sla-late' }),
      orderLine({ supplierId: 'sla-kept' }),
      orderLine({ supplierId: 'sla-none' }),
    ]);
    const [late, kept, none] = purchaseOrdersOf(order, sent).map((po) =>
      newPoRecord('vn', order.orderId, po, sent, { promises48h: po.supplierId !== 'sla-none' }),
    );
    await platform.services.handoffStore.createAll([late!, kept!, none!]);
    const shipped = applyEvent(
      kept!,
      {
        eventId: `evt_sla_${Date.now()}`,
        poId: kept!.poId,
        type: 'po.shipped_domestic',
        occurredAt: new Date(sent.getTime() + 10 * 3_600_000).toISOString(),
        carrier: 'YTO',
        trackingNumber: 'YT9988776655',
        partial: false,
      },
      new Date(),
    );
    if (shipped.outcome === 'unknown_line') throw new Error('unexpected');
    await platform.services.handoffStore.save(kept!, shipped.record);
    const admin = { authorization: `Bearer ${await platform.services.secrets.get(OPERATOR_API_KEY)}` };
    const flags = (await (
      await platform.request('/api/v1/admin/tenants/vn/supply/flags', { headers: admin })
    ).json()) as {
      flags: { poId: string; supplierId: string; status: string }[];
    };
    const mine = flags.flags.filter((f) => f.supplierId.startsWith('sla-'));
    expect(mine).toEqual([
      expect.objectContaining({ poId: late!.poId, supplierId: 'sla-late', status: 'sent' }),
    ]);
    const records = (await (
      await platform.request('/api/v1/admin/tenants/vn/supply/suppliers', { headers: admin })
    ).json()) as {
      suppliers: { supplierId: string; onTime: number; open: number; onTimeShare: number | null }[];
    };
    expect(records.suppliers.filter((r) => r.supplierId.startsWith('sla-'))).toEqual([
      { supplierId: 'sla-kept', onTime: 1, late: 0, open: 0, rejectedLines: 0, onTimeShare: 1 },
      { supplierId: 'sla-late', onTime: 0, late: 0, open: 1, rejectedLines: 0, onTimeShare: 0 },
    ]);
    // Another partner's key sees none of it.
    const other = await platform.request('/api/v1/admin/tenants/kr/supply/flags', { headers: admin });
    expect(((await other.json()) as { flags: unknown[] }).flags).toEqual([]);
  });
});

describe('webhooks in', { timeout: 240_000 }, () => {
  const post = async (body: string, headers: Record<string, string>) =>
    platform.request('/api/v1/supply/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = async (event: SupplyEvent, offsetSeconds = 0, key?: string) => {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(Date.now() / 1000) + offsetSeconds;
    return post(body, {
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signMessage(key ?? (await signingKey()), timestamp, body),
    });
  };
  const event = (poId: string, type: 'po.accepted' | 'po.delivered', at: string): SupplyEvent => ({
    eventId: `evt_${Math.random().toString(16).slice(2)}${Date.now()}`,
    poId,
    type,
    occurredAt: at,
  });

  it('a bad signature, a stale timestamp or a missing one changes nothing (401, nothing parsed)', async () => {
    const [record] = await storedPos();
    const accepted = event(record!.poId, 'po.accepted', new Date().toISOString());
    expect((await signed(accepted, 0, 'wrong-key')).status).toBe(401);
    expect((await signed(accepted, -400)).status).toBe(401);
    expect((await post(JSON.stringify(accepted), {})).status).toBe(401);
    // Not even a malformed body is looked at before the signature.
    expect((await post('{not json', { [TIMESTAMP_HEADER]: '1', [SIGNATURE_HEADER]: 'v1=00' })).status).toBe(
      401,
    );
    const stored = await platform.services.handoffStore.get('vn', record!.poId);
    expect(stored?.status).toBe('sent');
    expect(stored?.legs).toEqual([]);
  });

  it('a replayed event id is ignored; a late accepted after a later status moves nothing back', async () => {
    const [record] = await storedPos();
    const t = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
    const shipped: SupplyEvent = {
      eventId: `evt_ship_${Date.now()}`,
      poId: record!.poId,
      type: 'po.shipped_domestic',
      occurredAt: t(2),
      carrier: 'ZTO',
      trackingNumber: '75312345678',
      partial: false,
    };
    const accepted = event(record!.poId, 'po.accepted', t(1));
    // The acceptance is skipped (out of order): the platform re-reads the PO, which the sandbox does not know here.
    const first = await signed({ ...shipped });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: 'applied' });
    expect(await (await signed(shipped)).json()).toEqual({ received: true, outcome: 'duplicate' });
    expect(await (await signed(accepted)).json()).toEqual({ received: true, outcome: 'late' });
    const stored = await platform.services.handoffStore.get('vn', record!.poId);
    expect(stored?.status).toBe('shipped_domestic');
    expect(stored?.legs.map((l) => [l.type, l.late ?? false])).toEqual([
      ['po.accepted', true],
      ['po.shipped_domestic', false],
    ]);
  });

  it('an event for an unknown PO is answered and ignored', async () => {
    const response = await signed(
      event('po_vn_000000000000000000000000', 'po.accepted', new Date().toISOString()),
    );
    expect(await response.json()).toEqual({ received: true, outcome: 'unknown_po' });
  });
});
