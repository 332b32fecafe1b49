/**
 * Handoff: the supply side's webhooks and the operator's dead letters. Its own function: the
 * supply side calls it (not buyers), it alone reads the supply signing key, and a flood of
 * webhooks neither cold-starts nor throttles checkout.
 */
import { handler as supplyDeadLetters } from '../handlers/supply-dead-letters.ts';
import { handler as supplyFlags } from '../handlers/supply-flags.ts';
import { handler as supplyNotices } from '../handlers/supply-notices.ts';
import { handler as supplyReplay } from '../handlers/supply-replay.ts';
import { handler as supplySuppliers } from '../handlers/supply-suppliers.ts';
import { handler as supplyWebhook } from '../handlers/supply-webhook.ts';
import { functionHandler } from '../http/dispatch.ts';

export const handler = functionHandler('handoff', {
  'supply-dead-letters': supplyDeadLetters,
  'supply-flags': supplyFlags,
  'supply-notices': supplyNotices,
  'supply-replay': supplyReplay,
  'supply-suppliers': supplySuppliers,
  'supply-webhook': supplyWebhook,
});
