import { dynamoHealth } from '../adapters/dynamodb/health.ts';
import { searchHealth } from '../adapters/opensearch/health.ts';
import { type HealthReport, probe, summarizeHealth } from '../core/health/health.ts';
import type { Services } from './composition.ts';
import { searchTransport } from './search-client.ts';

const PROBE_TIMEOUT_MS = 2_500;
/** Public health answers from probes at most this old: a flood of checks costs the stores nothing. */
const CACHE_MS = 5_000;

let last: { at: number; report: Promise<HealthReport> } | undefined;

/** DynamoDB and OpenSearch probed together; cached briefly unless `fresh` (the operator's details). */
export function healthReport(services: Services, options: { fresh?: boolean } = {}): Promise<HealthReport> {
  const now = Date.now();
  if (!options.fresh && last && now - last.at < CACHE_MS) return last.report;
  const report = (async () => {
    const { dynamo, config } = services;
    const [dynamodb, opensearch] = await Promise.all([
      probe(() => dynamoHealth(dynamo, config.TABLE_NAME), PROBE_TIMEOUT_MS),
      probe(() => searchHealth(searchTransport()), PROBE_TIMEOUT_MS),
    ]);
    return summarizeHealth({ dynamodb, opensearch });
  })();
  last = { at: now, report };
  return report;
}
