import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PoState, PurchaseOrder, SupplyEvent } from '../../core/handoff/protocol.ts';
import { projectRoot } from '../paths.ts';
import type { SandboxSwitches } from './supplier.ts';

export interface SandboxReceived {
  requests: { at: string; method: string; path: string; signature: string; status: number; poId?: string }[];
  purchaseOrders: PurchaseOrder[];
  states: PoState[];
  webhooks: { event: SupplyEvent; status: number | 'error'; at: string }[];
}

export interface SupplierSandbox {
  url: string;
  port: number;
  process: ChildProcess;
  received(): Promise<SandboxReceived>;
  /** Failure switches; `downForSeconds` closes the listener for that long. */
  switches(patch: Partial<SandboxSwitches> & { downForSeconds?: number; webhookUrl?: string }): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The sandbox supplier as its own process (local/sandbox/supplier.ts) on loopback (a free port
 * unless one is given),
 * verifying and signing with the key in `keyFile`, sending webhooks to `webhookUrl`.
 */
export async function startSupplierSandbox(options: {
  keyFile: string;
  webhookUrl: string;
  stepMs?: number;
  port?: number;
}): Promise<SupplierSandbox> {
  const child = spawn(
    process.execPath,
    [
      join(projectRoot, 'local', 'sandbox', 'supplier.ts'),
      '--key-file',
      options.keyFile,
      '--webhook-url',
      options.webhookUrl,
      '--port',
      String(options.port ?? 0),
      '--step-ms',
      String(options.stepMs ?? 300),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => JSON.parse(line as string) as { port: number; url: string }),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the sandbox supplier exited (${code}) before listening`);
    }),
  ]);
  const url = first.url;
  return {
    url,
    port: first.port,
    process: child,
    async received() {
      return (await (await fetch(`${url}/_sandbox/received`)).json()) as SandboxReceived;
    },
    async switches(patch) {
      const response = await fetch(`${url}/_sandbox/switches`, {
        method: 'POST',
        body: JSON.stringify(patch),
      });
      if (!response.ok) throw new Error(`sandbox switches: ${response.status}`);
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
