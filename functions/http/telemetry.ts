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
/** The request metrics' own instance, published at the end of each request (recordRequest). */
const requestMetrics = new Metrics({ namespace: 'Sourcefront', serviceName });

type Level = 'debug' | 'info' | 'warn' | 'error';
type Extra = Parameters<Logger['info']>[1];
type Emit = (input: string, ...extra: unknown[]) => void;

/**
 * A logger for one request: its keys are on every line it writes, and on no other request's.
 * It writes through the root logger with its keys as the line's first extra input (the same
 * top-level attributes a child's persistent keys give): Powertools' `createChild` builds a whole
 * Logger per request (configuration from the environment, its own console), about a millisecond
 * of CPU on every request (bench/search-steps.ts `--api-only` under `--cpu-prof`).
 */
export class RequestLogger {
  readonly #keys: Record<string, string>;
  constructor(keys: Record<string, string>) {
    this.#keys = { ...keys };
  }
  /** Keys added to every later line of this request (the tenant, once resolved). */
  appendKeys(keys: Record<string, string>): void {
    Object.assign(this.#keys, keys);
  }
  #emit(level: Level, message: string, extra: Extra[]): void {
    (rootLogger[level] as Emit).call(rootLogger, message, this.#keys, ...extra);
  }
  debug(message: string, ...extra: Extra[]): void {
    this.#emit('debug', message, extra);
  }
  info(message: string, ...extra: Extra[]): void {
    this.#emit('info', message, extra);
  }
  warn(message: string, ...extra: Extra[]): void {
    this.#emit('warn', message, extra);
  }
  error(message: string, ...extra: Extra[]): void {
    this.#emit('error', message, extra);
  }
}

export function requestLogger(keys: { requestId: string; route: string }): RequestLogger {
  return new RequestLogger(keys);
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
  // One EMF line per request with all its metrics under the route dimension. (A singleMetric
  // published at its first addMetric and cleared its dimensions there, so every metric after
  // `Requests` went out without the route; and it built a Metrics instance per request.)
  // Synchronous from the first add to the publish, so concurrent requests never mix.
  requestMetrics.addDimension('route', route.handler);
  requestMetrics.addMetric('Requests', MetricUnit.Count, 1);
  if (status >= 500) requestMetrics.addMetric('ServerErrors', MetricUnit.Count, 1);
  else if (status >= 400) requestMetrics.addMetric('ClientErrors', MetricUnit.Count, 1);
  requestMetrics.addMetric('Latency', MetricUnit.Milliseconds, durationMs);
  requestMetrics.publishStoredMetrics();
}

/** A business event worth counting (quotes created, orders placed…), flushed at once. */
export function countEvent(name: string, dimensions: Record<string, string> = {}) {
  const single = metrics.singleMetric();
  for (const [key, value] of Object.entries(dimensions)) single.addDimension(key, value);
  single.addMetric(name, MetricUnit.Count, 1);
}
