import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../paths.ts';
import { ManagedProcess } from '../servers/managed-process.ts';
import { httpProbe, waitUntilHealthy } from '../servers/wait.ts';

/** The sandbox payment provider as a running process, with its control API at hand. */
export interface PaymentSandbox {
  /** The provider API's base (TOSS_API_BASE for the platform). */
  url: string;
  logFile: string;
  /** Where deposit callbacks go: for one merchant (secret key), or by default. */
  setWebhook(url: string, secretKey?: string): Promise<void>;
  /** The buyer's bank deposits `amount` into the account of `orderId` (or `accountNumber`). */
  deposit(target: {
    orderId?: string;
    accountNumber?: string;
    amount: number;
    duplicates?: number;
  }): Promise<{ status: number; body: { deliveries?: number[]; code?: string } }>;
  /** A callback for `orderId` with no deposit behind it (`secret` defaults to the payment's). */
  callback(input: { orderId: string; status?: string; secret?: string }): Promise<{ deliveries: number[] }>;
  stop(): Promise<void>;
}

/** A loopback TCP port nothing listens on now (the OS picks it). */
async function anyFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts local/sandbox/payment-provider.ts as its own process (its own process group, output
 * in `logFile`) on `port` of loopback (a free one when 0) and waits until it answers.
 */
export async function startPaymentSandbox(options: {
  port: number;
  webhook?: string;
  logFile: string;
}): Promise<PaymentSandbox> {
  const port = options.port === 0 ? await anyFreePort() : options.port;
  const script = join(projectRoot, 'local', 'sandbox', 'payment-provider.ts');
  const server = new ManagedProcess({
    name: 'sandbox payment provider',
    command: process.execPath,
    args: [script, '--port', String(port), ...(options.webhook ? ['--webhook', options.webhook] : [])],
    logFile: options.logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(() => httpProbe(`${url}/sandbox/health`, (r) => r.ok), {
    server,
    timeoutMs: 15_000,
  });
  const control = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return {
    url,
    logFile: options.logFile,
    async setWebhook(webhook, secretKey) {
      const { status } = await control('PUT', '/sandbox/webhooks', { url: webhook, secretKey });
      if (status !== 200) throw new Error(`sandbox refused the webhook ${webhook} (${status})`);
    },
    deposit: (target) => control('POST', '/sandbox/deposits', target),
    async callback(input) {
      const { status, body } = await control('POST', '/sandbox/callbacks', input);
      if (status !== 200) throw new Error(`sandbox callback failed (${status})`);
      return body;
    },
    stop: () => server.stop(5_000),
  };
}
