import type { Client } from '@opensearch-project/opensearch';

/** The node's version and the cluster's status; a red cluster counts as down. */
export async function searchHealth(client: Client): Promise<Record<string, unknown>> {
  const [{ body: info }, { body: health }] = await Promise.all([
    client.info({}, { requestTimeout: 2_000, maxRetries: 0 }),
    client.cluster.health({}, { requestTimeout: 2_000, maxRetries: 0 }),
  ]);
  if (health.status === 'red') throw new Error('cluster status is red');
  return { version: info.version.number, cluster: health.status };
}
