/**
 * The sandbox supplier: the supply side of the handoff protocol (docs/supply-protocol.md) as a
 * separate process on loopback, for `npm start` and the tests. It verifies every signature,
 * accepts each PO once (a repeat gets the first answer), then moves each PO on its own clock
 * through accepted → shipped domestic (ZTO/YTO + tracking number) → received at the
 * consolidation warehouse (QC notes, photos) → shipped international, sending signed webhooks
 * back, out of order and twice when asked to. Switches (POST /_sandbox/switches) inject
 * failures: an error rate, added latency, down for N seconds, lines rejected as out of stock,
 * part of a PO shipped first. GET /_sandbox/received lists what crossed the border.
 *
 *   node local/sandbox/supplier.ts --port 4010 --key-file .local/secrets/supply-signing-key \
 *     --webhook-url http://127.0.0.1:3000/api/v1/supply/webhooks
 *
 * Prints one JSON line `{"sandbox":"supplier","port":…}` on stdout once it listens.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import {
  cancellablePoStatuses,
  type PoCancellation,
  type PoState,
  type PurchaseOrder,
  poCancellationSchema,
  purchaseOrderSchema,
  type SupplyEvent,
} from '../../core/handoff/protocol.ts';
import {
  checkSignature,
  SIGNATURE_HEADER,
  signMessage,
  TIMESTAMP_HEADER,
} from '../../core/handoff/signature.ts';

export interface SandboxSwitches {
  /** Share of PO requests answered 503 before anything is stored (0..1). */
  errorRate: number;
  /** Added before every PO answer. */
  latencyMs: number;
  /** Time between a PO's stages. */
  stepMs: number;
  /** SKUs whose lines are rejected as out of stock. */
  rejectSkus: string[];
  /** Ship the first half of a PO's lines first (a partial domestic shipment), the rest one step later. */
  shipPart: boolean;
  /** Send every webhook twice. */
  duplicates: boolean;
  /** Send `po.accepted` after `po.shipped_domestic` (each with its true time). */
  outOfOrder: boolean;
  /** Stop after this stage (for tests that look at one stage). */
  stopAfter?: 'accepted' | 'shipped_domestic' | 'at_warehouse' | 'shipped_international';
}

const defaults: SandboxSwitches = {
  errorRate: 0,
  latencyMs: 0,
  stepMs: 1000,
  rejectSkus: [],
  shipPart: false,
  duplicates: false,
  outOfOrder: false,
};

interface Received {
  at: string;
  method: string;
  path: string;
  signature: string;
  status: number;
  poId?: string;
}

interface Stored {
  po: PurchaseOrder;
  bodyHash: string;
  state: PoState;
}

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    host: { type: 'string', default: '127.0.0.1' },
    'key-file': { type: 'string' },
    'webhook-url': { type: 'string' },
    'step-ms': { type: 'string' },
  },
});
if (!args['key-file'] || !args['webhook-url']) {
  console.error('usage: supplier.ts --key-file <file> --webhook-url <url> [--port N] [--step-ms N]');
  process.exit(2);
}
const keyFile = args['key-file'];
let webhookUrl = args['webhook-url'];
let switches: SandboxSwitches = { ...defaults, stepMs: Number(args['step-ms'] ?? defaults.stepMs) };
const received: Received[] = [];
const sentEvents: { event: SupplyEvent; status: number | 'error'; at: string }[] = [];
const store = new Map<string, Stored>();
const timers = new Set<NodeJS.Timeout>();

async function keys(): Promise<string[]> {
  const current = (await readFile(keyFile, 'utf8')).trim();
  const previous = await readFile(`${keyFile}.previous`, 'utf8').then(
    (v) => v.trim(),
    () => '',
  );
  return previous && previous !== current ? [current, previous] : [current];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function later(ms: number, run: () => void | Promise<void>): void {
  const timer = setTimeout(() => {
    timers.delete(timer);
    void run();
  }, ms);
  timers.add(timer);
}

async function sendWebhook(event: SupplyEvent): Promise<void> {
  const body = JSON.stringify(event);
  for (let attempt = 1; attempt <= 5; attempt++) {
    const [key] = await keys();
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signMessage(key!, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      sentEvents.push({ event, status: response.status, at: new Date().toISOString() });
      if (response.status < 500 && response.status !== 429) return;
    } catch {
      sentEvents.push({ event, status: 'error', at: new Date().toISOString() });
    }
    await sleep(200 * 2 ** attempt);
  }
}

function record(stored: Stored, event: SupplyEvent): void {
  stored.state.events.push(event);
  stored.state.updatedAt = event.occurredAt;
}

function eventOf<T extends SupplyEvent['type']>(
  po: PurchaseOrder,
  type: T,
  at: Date,
  extra: Omit<Extract<SupplyEvent, { type: T }>, 'type' | 'eventId' | 'poId' | 'occurredAt'>,
): SupplyEvent {
  return {
    eventId: `evt_${randomUUID()}`,
    poId: po.poId,
    occurredAt: at.toISOString(),
    type,
    ...extra,
  } as SupplyEvent;
}

/** The PO's journey: events with their times, sent one step apart (or reordered, or twice). */
function schedule(stored: Stored): void {
  const { po } = stored;
  const s = { ...switches };
  const start = Date.now();
  const step = (n: number) => new Date(start + n * s.stepMs);
  const rejected = po.lines.filter((l) => s.rejectSkus.includes(l.skuId));
  const shipping = po.lines.filter((l) => !s.rejectSkus.includes(l.skuId));
  const plan: { at: number; event: SupplyEvent; apply: () => void }[] = [];
  const add = (n: number, event: SupplyEvent, apply: () => void = () => {}) =>
    plan.push({ at: n, event, apply });
  const tracking = (prefix: string) =>
    `${prefix}${createHash('sha256')
      .update(po.poId + prefix)
      .digest('hex')
      .slice(0, 10)
      .replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10))}`;

  add(1, eventOf(po, 'po.accepted', step(1), {}), () => {
    if (stored.state.status === 'sent') stored.state.status = 'accepted';
  });
  for (const line of rejected) {
    add(
      1,
      eventOf(po, 'po.line_rejected', step(1), {
        lineId: line.lineId,
        reason: 'out_of_stock',
        note: '工厂缺货',
      }),
      () => {
        const l = stored.state.lines.find((x) => x.lineId === line.lineId)!;
        l.status = 'rejected';
        l.reason = 'out_of_stock';
      },
    );
  }
  if (shipping.length === 0) {
    plan.at(-1)!.apply = ((apply) => () => {
      apply();
      stored.state.status = 'rejected';
    })(plan.at(-1)!.apply);
  } else if (s.stopAfter !== 'accepted') {
    const parcels =
      s.shipPart && shipping.length > 1
        ? [shipping.slice(0, Math.ceil(shipping.length / 2)), shipping.slice(Math.ceil(shipping.length / 2))]
        : [shipping];
    parcels.forEach((lines, i) => {
      const carrier = i % 2 === 0 ? 'ZTO' : 'YTO';
      add(
        2 + i,
        eventOf(po, 'po.shipped_domestic', step(2 + i), {
          carrier,
          trackingNumber: tracking(carrier === 'ZTO' ? '7531' : 'YT'),
          lines: lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
          partial: i < parcels.length - 1,
        }),
        () => {
          for (const l of lines) {
            const state = stored.state.lines.find((x) => x.lineId === l.lineId)!;
            state.status = 'shipped';
            state.shippedQuantity = l.quantity;
          }
          stored.state.status = 'shipped_domestic';
        },
      );
    });
    const after = 2 + parcels.length;
    if (s.stopAfter !== 'shipped_domestic') {
      add(
        after,
        eventOf(po, 'po.received_at_warehouse', step(after), {
          warehouse: 'Yiwu consolidation warehouse',
          qcNotes: '外箱完好，数量核对无误 (cartons intact, quantities checked)',
          photoUrls: [`https://sandbox.invalid/qc/${po.poId}/1.jpg`],
        }),
        () => {
          stored.state.status = 'at_warehouse';
        },
      );
      if (s.stopAfter !== 'at_warehouse') {
        add(
          after + 1,
          eventOf(po, 'po.shipped_international', step(after + 1), {
            carrier: po.lane.kind === 'sea' ? 'COSCO' : 'SF International',
            trackingNumber: tracking('SFI'),
            laneId: po.lane.id,
          }),
          () => {
            stored.state.status = 'shipped_international';
          },
        );
      }
    }
  }
  if (s.outOfOrder) {
    // The acceptance arrives only after the first domestic shipment (with its own, earlier time).
    const accepted = plan.findIndex((p) => p.event.type === 'po.accepted');
    const shipped = plan.findIndex((p) => p.event.type === 'po.shipped_domestic');
    if (accepted >= 0 && shipped > accepted) {
      const [entry] = plan.splice(accepted, 1);
      plan.splice(shipped, 0, { ...entry!, at: plan[shipped - 1]!.at });
    }
  }
  // One chain per PO, so each event leaves after the one planned before it.
  let chain = Promise.resolve();
  for (const entry of plan) {
    later(entry.at * s.stepMs, () => {
      chain = chain.then(async () => {
        // A withdrawn PO goes no further.
        if (stored.state.status === 'cancelled') return;
        entry.apply();
        record(stored, entry.event);
        await sendWebhook(entry.event);
        if (s.duplicates) await sendWebhook(entry.event);
      });
      return chain;
    });
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const problem = (code: string, message: string) => ({ error: { code, message } });

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const body = await readBody(req);
  if (url.pathname === '/_sandbox/received' && req.method === 'GET') {
    return answer(res, 200, {
      requests: received,
      purchaseOrders: [...store.values()].map((s) => s.po),
      states: [...store.values()].map((s) => s.state),
      webhooks: sentEvents,
    });
  }
  if (url.pathname === '/_sandbox/switches' && req.method === 'POST') {
    const patch = JSON.parse(body || '{}') as Partial<SandboxSwitches> & {
      downForSeconds?: number;
      webhookUrl?: string;
    };
    const { downForSeconds, webhookUrl: url, ...rest } = patch;
    if (url) webhookUrl = url;
    switches = { ...switches, ...rest };
    answer(res, 200, { switches });
    if (downForSeconds) setImmediate(() => goDown(downForSeconds));
    return;
  }
  if (url.pathname === '/_sandbox/reset' && req.method === 'POST') {
    switches = { ...defaults, stepMs: switches.stepMs };
    return answer(res, 200, { switches });
  }

  const entry: Received = {
    at: new Date().toISOString(),
    method: req.method ?? '',
    path: url.pathname,
    signature: '',
    status: 0,
  };
  received.push(entry);
  const reply = async (status: number, payload: unknown) => {
    entry.status = status;
    if (switches.latencyMs > 0) await sleep(switches.latencyMs);
    answer(res, status, payload);
  };
  const signature = checkSignature({
    keys: await keys(),
    timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
    signature: req.headers[SIGNATURE_HEADER] as string | undefined,
    body,
    nowSeconds: Math.floor(Date.now() / 1000),
  });
  entry.signature = signature;
  if (signature !== 'valid') return reply(401, problem('UNAUTHORIZED', `signature ${signature}`));
  if (switches.errorRate > 0 && Math.random() < switches.errorRate) {
    return reply(503, problem('UNAVAILABLE', 'injected failure'));
  }

  if (url.pathname === '/v1/purchase-orders' && req.method === 'POST') {
    let parsed: PurchaseOrder;
    try {
      parsed = purchaseOrderSchema.parse(JSON.parse(body));
    } catch (error) {
      return reply(400, problem('VALIDATION_FAILED', String(error).slice(0, 500)));
    }
    entry.poId = parsed.poId;
    // The same PO is the same content, whatever order its JSON keys come in.
    const bodyHash = createHash('sha256').update(canonical(parsed)).digest('hex');
    const known = store.get(parsed.poId);
    if (known) {
      if (known.bodyHash !== bodyHash) return reply(409, problem('CONFLICT', 'poId known with another body'));
      return reply(200, known.state);
    }
    const now = new Date().toISOString();
    const stored: Stored = {
      po: parsed,
      bodyHash,
      state: {
        poId: parsed.poId,
        status: 'sent',
        receivedAt: now,
        updatedAt: now,
        lines: parsed.lines.map((l) => ({ lineId: l.lineId, status: 'open', shippedQuantity: 0 })),
        events: [],
      },
    };
    store.set(parsed.poId, stored);
    schedule(stored);
    return reply(201, stored.state);
  }
  const cancel = /^\/v1\/purchase-orders\/([^/]+)\/cancellation$/.exec(url.pathname);
  if (cancel && req.method === 'POST') {
    entry.poId = decodeURIComponent(cancel[1]!);
    let parsed: PoCancellation;
    try {
      parsed = poCancellationSchema.parse(JSON.parse(body));
    } catch (error) {
      return reply(400, problem('VALIDATION_FAILED', String(error).slice(0, 500)));
    }
    if (parsed.poId !== entry.poId)
      return reply(400, problem('VALIDATION_FAILED', 'poId differs from the path'));
    const known = store.get(entry.poId);
    if (!known) return reply(404, problem('NOT_FOUND', 'no such PO'));
    // Withdrawn while nothing has left the factory; a shipped parcel cannot be recalled.
    if (cancellablePoStatuses.includes(known.state.status)) {
      known.state.status = 'cancelled';
      known.state.updatedAt = new Date().toISOString();
    }
    return reply(200, known.state);
  }
  const get = /^\/v1\/purchase-orders\/([^/]+)$/.exec(url.pathname);
  if (get && req.method === 'GET') {
    entry.poId = decodeURIComponent(get[1]!);
    const known = store.get(entry.poId);
    return known ? reply(200, known.state) : reply(404, problem('NOT_FOUND', 'no such PO'));
  }
  return reply(404, problem('NOT_FOUND', 'no such route'));
}

let server: Server = createServer((req, res) => {
  handle(req, res).catch((error) => answer(res, 500, problem('UNAVAILABLE', String(error))));
});
let port = Number(args.port);

function listen(s: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, args.host, () => resolve((s.address() as { port: number }).port));
  });
}

/** Down means down: the listener closes (connections refused) and comes back after `seconds`. */
function goDown(seconds: number): void {
  const old = server;
  server = createServer(old.listeners('request')[0] as Parameters<typeof createServer>[0] & object);
  old.close();
  old.closeAllConnections();
  setTimeout(async () => {
    for (;;) {
      try {
        await listen(server);
        return;
      } catch {
        await sleep(100);
      }
    }
  }, seconds * 1000);
}

port = await listen(server);
console.log(JSON.stringify({ sandbox: 'supplier', port, url: `http://${args.host}:${port}` }));
const stop = () => {
  for (const t of timers) clearTimeout(t);
  server.close();
  server.closeAllConnections();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
