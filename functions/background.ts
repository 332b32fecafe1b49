/**
 * Background functions: Lambdas that no HTTP route reaches, started by a schedule or an event
 * source. CDK (lib/) creates one function per entry with exactly the listed access; the local
 * platform runs schedules from here too. `handler` names `functions/jobs/<handler>.ts`.
 */
import type { FunctionAccess } from './contract.ts';
import { SUPPLY_SIGNING_KEY } from './secrets.ts';

export interface BackgroundFunction {
  handler: string;
  description: string;
  trigger:
    | { schedule: string }
    | {
        tableStream: {
          batchSize: number;
          /**
           * The event-source filter: only these writes of items whose sort key starts with
           * `sortKeyPrefix` reach the function (the handler checks again: the local poller
           * delivers every record).
           */
          only?: { events: readonly ('INSERT' | 'MODIFY')[]; sortKeyPrefix: string };
        };
      };
  access: FunctionAccess;
  memoryMb?: number;
  timeoutSeconds?: number;
}

export const backgroundFunctions: readonly BackgroundFunction[] = [
  {
    handler: 'refresh-fx',
    description:
      'Reads the ECB and Vietcombank rate documents and stores CNY-based FX rates (latest + history)',
    // ECB publishes around 16:00 CET on working days; Vietcombank revises during the Hanoi day.
    trigger: { schedule: 'rate(3 hours)' },
    access: { table: 'write', search: 'none' },
    timeoutSeconds: 60,
  },
  {
    handler: 'payment-deadlines',
    description:
      'Cancels every order still unpaid past its payment due time and releases its stock (once; a payment that lands first wins)',
    trigger: { schedule: 'rate(5 minutes)' },
    access: { table: 'write', search: 'none' },
    timeoutSeconds: 120,
  },
  {
    handler: 'handoff-dispatch',
    description:
      'The handoff dispatcher: outbox INSERTs on the table stream become purchase orders in CNY, stored once and sent signed to the supply side',
    trigger: { tableStream: { batchSize: 25, only: { events: ['INSERT'], sortKeyPrefix: 'OUTBOX#' } } },
    access: { table: 'write', search: 'none', secrets: [SUPPLY_SIGNING_KEY] },
    timeoutSeconds: 60,
  },
  {
    handler: 'handoff-retry',
    description:
      'Retries purchase orders whose next delivery attempt is due; parks them as dead letters after the last',
    trigger: { schedule: 'rate(1 minute)' },
    access: { table: 'write', search: 'none', secrets: [SUPPLY_SIGNING_KEY] },
    timeoutSeconds: 60,
  },
  {
    handler: 'mirror-images',
    description:
      "Mirrors the images of imported or changed offers into the asset store (every srcset variant, by sharp), so buyers never load a supplier's image host",
    trigger: {
      tableStream: { batchSize: 50, only: { events: ['INSERT', 'MODIFY'], sortKeyPrefix: 'OFFER' } },
    },
    access: { table: 'read', search: 'none', assets: 'write', nativeModules: ['sharp'] },
    // sharp encodes AVIF, WebP and JPEG at every width: memory is CPU on Lambda.
    memoryMb: 1536,
    timeoutSeconds: 300,
  },
];
