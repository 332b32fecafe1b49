import { join } from 'node:path';
import { logsDir } from '../../local/paths.ts';
import {
  type PaymentSandbox,
  startPaymentSandbox as start,
} from '../../local/sandbox/start-payment-provider.ts';
import { freePort } from './ports.ts';

export type { PaymentSandbox };

/**
 * The sandbox payment provider (Toss Payments' API) for one test file, as its own process on a
 * free loopback port; point the platform at `sandbox.url` and its webhook at the platform.
 */
export async function startPaymentSandbox(): Promise<PaymentSandbox> {
  const port = await freePort();
  return start({ port, logFile: join(logsDir, `payment-sandbox-test-${port}.log`) });
}
