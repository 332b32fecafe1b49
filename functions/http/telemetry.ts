import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { RouteDefinition } from '../contract.ts';

/**
 * Powertools Logger and Metrics, built once per container. Every log line of a request carries
 * its request id, route and (once resolved) tenant; metrics go out as CloudWatch EMF lines that
 * the dashboards and alarms read (lib/constructs/observability.ts).
 */
const serviceName = 'sourcefront';
const rootLogger = new Logger({
  serviceName,
  logLevel: (process.env.LOG_LEVEL ?? 'INFO').toUpperCase() as 'INFO',
});
export const metrics = new Metrics({ namespace: 'Sourcefront', serviceName });

export type RequestLogger = Logger;

/** A logger for one request: its keys are on every line it writes, and on no other request's. */
export function requestLogger(keys: { requestId: string; route: string }): RequestLogger {
  const log = rootLogger.createChild();
  log.appendPersistentKeys(keys);
  return log;
}

/** The logger of a background job. */
export function jobLogger(job: string): Logger {
  const log = rootLogger.createChild();
  log.appendPersistentKeys({ job });
  return log;
}

/** The access log line and the request metrics (count, 4xx/5xx, latency) by route. */
export function recordRequest(
  log: RequestLogger,
  route: RouteDefinition,
  status: number,
  durationMs: number,
) {
  log[status >= 500 ? 'error' : 'info']('request', {
    method: route.method,
    path: route.path,
    status,
    durationMs,
  });
  const single = metrics.singleMetric();
  single.addDimension('route', route.handler);
  single.addMetric('Requests', MetricUnit.Count, 1);
  if (status >= 500) single.addMetric('ServerErrors', MetricUnit.Count, 1);
  else if (status >= 400) single.addMetric('ClientErrors', MetricUnit.Count, 1);
  single.addMetric('Latency', MetricUnit.Milliseconds, durationMs);
}

/** A business event worth counting (quotes created, orders placed…), flushed at once. */
export function countEvent(name: string, dimensions: Record<string, string> = {}) {
  const single = metrics.singleMetric();
  for (const [key, value] of Object.entries(dimensions)) single.addDimension(key, value);
  single.addMetric(name, MetricUnit.Count, 1);
}
