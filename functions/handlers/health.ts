import { healthReport } from '../health.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/health: ok or 503 degraded, from probes cached a few seconds (cheap under any load). */
export const handler = implement('health', async ({ services }) => {
  const report = await healthReport(services);
  return {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
    body: { status: report.status },
  };
});
