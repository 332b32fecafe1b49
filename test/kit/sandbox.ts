import { join } from 'node:path';
import { SUPPLY_SIGNING_KEY } from '../../functions/secrets.ts';
import { type SupplierSandbox, startSupplierSandbox as start } from '../../local/sandbox/process.ts';

export type { SandboxReceived, SupplierSandbox } from '../../local/sandbox/process.ts';

/**
 * The sandbox supplier process for a test, signing and verifying with the platform's supply
 * key (the file under `secretsDir`), webhooks to `webhookUrl` (a gateway the test started).
 */
export function startSupplierSandbox(options: {
  secretsDir: string;
  webhookUrl: string;
  stepMs?: number;
}): Promise<SupplierSandbox> {
  return start({
    keyFile: join(options.secretsDir, SUPPLY_SIGNING_KEY),
    webhookUrl: options.webhookUrl,
    stepMs: options.stepMs ?? 300,
  });
}
