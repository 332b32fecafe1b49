import { dynamoHealth } from '../../adapters/dynamodb/health.ts';
import { searchHealth } from '../../adapters/opensearch/health.ts';
import { probe, summarizeHealth } from '../../core/health/health.ts';
import { services } from '../composition.ts';
import { httpRoute } from '../http/route.ts';
import { searchTransport } from '../search-client.ts';

const PROBE_TIMEOUT_MS = 2_500;

/** GET /api/v1/health: 200 when DynamoDB and OpenSearch answer, 503 `degraded` with the reason otherwise. */
export const handler = httpRoute({ name: 'health', tenant: 'none' }, async () => {
  const { dynamo, config } = services();
  const [dynamodb, opensearch] = await Promise.all([
    probe(() => dynamoHealth(dynamo, config.TABLE_NAME), PROBE_TIMEOUT_MS),
    probe(() => searchHealth(searchTransport()), PROBE_TIMEOUT_MS),
  ]);
  const report = summarizeHealth({ dynamodb, opensearch });
  return {
    status: report.status === 'ok' ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
    body: { status: report.status, ...report.components },
  };
});
