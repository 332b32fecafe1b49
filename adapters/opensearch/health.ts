import type { SearchTransport } from './transport.ts';

const probeOptions = { requestTimeout: 2_000, maxRetries: 0 };

/** The node's version and the cluster's status; a red cluster counts as down. */
export async function searchHealth(transport: SearchTransport): Promise<Record<string, unknown>> {
  const [{ body: info }, { body: health }] = await Promise.all([
    transport.request({ method: 'GET', path: '/' }, probeOptions),
    transport.request({ method: 'GET', path: '/_cluster/health' }, probeOptions),
  ]);
  if (health.status === 'red') throw new Error('cluster status is red');
  return { version: info.version.number, cluster: health.status };
}
