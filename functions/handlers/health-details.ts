import { healthReport } from '../health.ts';
import { noStore } from '../http/cache.ts';
import { implement } from '../http/route.ts';

/** GET /api/v1/health/details (operator): each component with its version or failure reason. */
export const handler = implement('health-details', async ({ services }) => {
  const report = await healthReport(services, { fresh: true });
  return {
    status: report.status === 'ok' ? 200 : 503,
    headers: noStore,
    body: { status: report.status, ...report.components },
  };
});
