import { listTenantIds } from '../../adapters/dynamodb/tenant-ids.ts';
import { services } from '../composition.ts';
import { jobLogger } from '../http/telemetry.ts';

const log = jobLogger('payment-deadlines');

/** Orders cancelled per tenant and run at most; the next run (five minutes later) takes the rest. */
const BATCH = 200;

/**
 * Scheduled: in every tenant, cancels each order past its payment due time that is still
 * unpaid (placed or awaiting payment) and releases its stock, exactly once — the write is
 * conditional on the order's version, so a payment that lands first wins and the order is
 * skipped. One tenant's failure does not stop the others; the run fails at the end so the
 * schedule's error metric alarms.
 */
export async function handler(): Promise<{ cancelled: number; skipped: number; failedTenants: number }> {
  const { db, config, payments } = services();
  let cancelled = 0;
  let skipped = 0;
  const failed: string[] = [];
  for (const tenantId of await listTenantIds(db, config.TABLE_NAME)) {
    try {
      const result = await payments.cancelOverdue(tenantId, BATCH);
      cancelled += result.cancelled.length;
      skipped += result.skipped.length;
      if (result.cancelled.length > 0)
        log.info('unpaid orders cancelled past their deadline', {
          tenant: tenantId,
          orders: result.cancelled,
        });
    } catch (error) {
      failed.push(tenantId);
      log.error('payment deadlines failed for a tenant', { tenant: tenantId, error });
    }
  }
  if (failed.length > 0) throw new Error(`Payment deadlines failed for ${failed.join(', ')}`);
  return { cancelled, skipped, failedTenants: failed.length };
}
