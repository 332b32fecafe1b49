import { refreshRates } from '../../core/fx/refresh.ts';
import { services } from '../composition.ts';
import { jobLogger } from '../http/telemetry.ts';

const log = jobLogger('refresh-fx');

/**
 * Scheduled: reads every FX provider and stores the rates (latest + history). A provider that
 * fails is logged; when all fail, the invocation fails so the schedule's error metric alarms.
 * Prices keep using the last stored rate until it passes a tenant's staleness limit.
 */
export async function handler(): Promise<{ updated: string[]; unchanged: string[]; failures: number }> {
  const { fxProviders, fxRates } = services();
  const report = await refreshRates(fxProviders, fxRates);
  for (const failure of report.failures) log.error('fx provider failed', failure);
  if (report.failures.length === fxProviders.length) throw new Error('Every FX provider failed');
  log.info('fx rates refreshed', { updated: report.updated.length, unchanged: report.unchanged.length });
  return { updated: report.updated, unchanged: report.unchanged, failures: report.failures.length };
}
