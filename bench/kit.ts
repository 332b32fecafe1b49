/** What every bench shares: the servers it measures on, percentiles, GETs through the gateway. */
import { Agent, request } from 'node:http';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Client } from '@opensearch-project/opensearch';
import { importIntoCatalog } from '../adapters/catalog-import.ts';
import { deleteTable } from '../adapters/dynamodb/bootstrap.ts';
import { deleteOffersIndex } from '../adapters/opensearch/bootstrap.ts';
import { createGateway, listen } from '../local/gateway.ts';
import { bootLocalPlatform } from '../local/platform.ts';
import { generateOffer } from '../local/seed/generator/generate.ts';
import { startDynamoDbLocal } from '../local/servers/dynamodb-local.ts';
import { startLocalServers } from '../local/servers/index.ts';

/**
 * The local servers a bench runs on. DynamoDB Local writes each item (and its stream record)
 * through SQLite under one lock, and the shared disk-backed instance is also busy with every test
 * run on this machine, so by default a private in-memory DynamoDB Local (same binary, same table
 * definition, streams on) serves the bench; `sharedDynamodb` uses the shared one. OpenSearch is
 * the shared local node.
 */
export async function benchServers(options: { sharedDynamodb: boolean; dynamodbPort: number }) {
  const shared = await startLocalServers();
  const own = options.sharedDynamodb
    ? undefined
    : await startDynamoDbLocal({ port: options.dynamodbPort, inMemory: true });
  return {
    servers: { ...shared, dynamodb: own ?? shared.dynamodb },
    /** For the report: which DynamoDB Local the figures come from. */
    dynamodbLabel: own
      ? own.reused
        ? `DynamoDB Local already on port ${options.dynamodbPort} (reused)`
        : 'private in-memory DynamoDB Local'
      : 'shared DynamoDB Local',
    async stop() {
      await own?.process?.stop();
      await shared.stop();
    },
  };
}

/**
 * A bench's own platform: the servers (benchServers), the services over a table and offers
 * alias of its own (`<prefix>-<stamp>`, `<prefix>-offers-<stamp>`; `reuse` names the stamp of
 * a kept one), the local gateway on a free port and a getter with `maxSockets` connections.
 * `close` ends them all and deletes the catalog unless kept.
 */
export async function benchPlatform(options: {
  prefix: string;
  dynamodbPort: number;
  sharedDynamodb?: boolean;
  reuse?: string | undefined;
  maxSockets?: number;
}) {
  const bench = await benchServers({
    sharedDynamodb: options.sharedDynamodb ?? false,
    dynamodbPort: options.dynamodbPort,
  });
  const stamp = options.reuse ?? Date.now().toString(36);
  const names = { tableName: `${options.prefix}-${stamp}`, offersAlias: `${options.prefix}-offers-${stamp}` };
  const services = await bootLocalPlatform(bench.servers, names);
  const gateway = createGateway();
  const port = await listen(gateway, 0, '127.0.0.1');
  const http = gatewayGetter(options.maxSockets ?? 1);
  return {
    bench,
    stamp,
    names,
    services,
    port,
    http,
    async close(keep = false) {
      http.close();
      gateway.closeAllConnections();
      await new Promise((resolve) => gateway.close(resolve));
      await removeBenchCatalog(services, names, keep);
      await bench.stop();
    },
  };
}

/** Imports `offers` generated offers (`seed`) into a bench platform's catalog and refreshes it. */
export async function ingestGenerated(
  platform: Awaited<ReturnType<typeof benchPlatform>>,
  offers: number,
  seed: number,
): Promise<void> {
  const { services, names } = platform;
  const started = Date.now();
  async function* generated() {
    for (let i = 0; i < offers; i++) yield JSON.stringify(generateOffer(seed, i));
  }
  await importIntoCatalog(
    { db: services.db, tableName: names.tableName, search: services.search, offersAlias: names.offersAlias },
    generated(),
    { onReject: (r) => console.error(`rejected line ${r.line}: ${r.reason}`) },
  );
  await services.search.indices.refresh({ index: names.offersAlias });
  console.log(
    `ingested ${offers} in ${((Date.now() - started) / 1000).toFixed(0)} s; stamp ${platform.stamp}`,
  );
}

/** Deletes a bench's own table and offers index, or with `keep` says where they are. */
export async function removeBenchCatalog(
  services: { dynamo: DynamoDBClient; search: Client },
  names: { tableName: string; offersAlias: string },
  keep = false,
): Promise<void> {
  if (keep) {
    console.log(`kept: table ${names.tableName}, alias ${names.offersAlias}`);
    return;
  }
  await deleteTable(services.dynamo, names.tableName);
  await deleteOffersIndex(services.search, names.offersAlias);
}

/** The p-th percentile of ascending `sorted` samples (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * GETs through the local gateway with a site's Host header, on up to `maxSockets` kept-alive
 * connections (a fresh connection per request would measure TCP set-up, not the page); `close`
 * ends them.
 */
export function gatewayGetter(maxSockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets });
  const get = (port: number, path: string, host: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent, headers: { host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  return { get, close: () => agent.destroy() };
}

/**
 * The CPU slowdown that makes this host emulate Lighthouse's reference phone, from the host's
 * `benchmarkIndex` (Lighthouse's docs/throttling.md and its CPU throttling calculator): the
 * default 4× assumes a desktop scoring ~1,500; a host scoring 500 under 4× emulates a phone
 * about 2.6 times slower than the moto g power Lighthouse means.
 */
export function calibratedCpuSlowdown(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650);
}
