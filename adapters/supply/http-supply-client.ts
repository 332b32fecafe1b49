import type { SupplyClient } from '../../core/handoff/dispatcher.ts';
import {
  type PoCancellation,
  type PoState,
  type PurchaseOrder,
  poStateSchema,
} from '../../core/handoff/protocol.ts';
import { SIGNATURE_HEADER, signMessage, TIMESTAMP_HEADER } from '../../core/handoff/signature.ts';

/**
 * The supply endpoint over HTTPS (locally the sandbox supplier on loopback): every request
 * signed with the endpoint's current key, a bounded wait, and any answer but 200/201 (or 404
 * on a GET or a cancellation) an error the dispatcher retries.
 */
export function httpSupplyClient(options: {
  baseUrl: string;
  signingKey: () => Promise<string>;
  timeoutMs?: number;
}): SupplyClient {
  const base = options.baseUrl.replace(/\/$/, '');
  const timeoutMs = options.timeoutMs ?? 10_000;
  async function call(method: 'GET' | 'POST', path: string, body = ''): Promise<Response> {
    const key = await options.signingKey();
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`${base}${path}`, {
      method,
      headers: {
        ...(method === 'POST' && { 'content-type': 'application/json' }),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signMessage(key, timestamp, body),
      },
      ...(method === 'POST' && { body }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  }
  return {
    async send(po: PurchaseOrder): Promise<PoState> {
      const response = await call('POST', '/v1/purchase-orders', JSON.stringify(po));
      const text = await response.text();
      if (response.status !== 200 && response.status !== 201) {
        throw new Error(`supply endpoint answered ${response.status}: ${text.slice(0, 200)}`);
      }
      return poStateSchema.parse(JSON.parse(text));
    },
    async cancel(cancellation: PoCancellation): Promise<PoState | undefined> {
      const path = `/v1/purchase-orders/${encodeURIComponent(cancellation.poId)}/cancellation`;
      const response = await call('POST', path, JSON.stringify(cancellation));
      const text = await response.text();
      if (response.status === 404) return undefined;
      if (response.status !== 200)
        throw new Error(`supply endpoint answered ${response.status}: ${text.slice(0, 200)}`);
      return poStateSchema.parse(JSON.parse(text));
    },
    async get(poId: string): Promise<PoState | undefined> {
      const response = await call('GET', `/v1/purchase-orders/${encodeURIComponent(poId)}`);
      const text = await response.text();
      if (response.status === 404) return undefined;
      if (response.status !== 200)
        throw new Error(`supply endpoint answered ${response.status}: ${text.slice(0, 200)}`);
      return poStateSchema.parse(JSON.parse(text));
    },
  };
}
