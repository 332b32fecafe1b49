import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { inject } from 'vitest';
import { deleteTable } from '../../adapters/dynamodb/bootstrap.ts';
import { deleteOffersIndex } from '../../adapters/opensearch/bootstrap.ts';
import type { AdapterOverrides } from '../../functions/composition.ts';
import { createGateway, listen } from '../../local/gateway.ts';
import { bootLocalPlatform, type LocalServices } from '../../local/platform.ts';
import { fetchWithHost } from './http.ts';

export interface TestPlatform {
  services: LocalServices;
  baseUrl: string;
  tableName: string;
  offersAlias: string;
  /** fetch against the gateway with a Host header (e.g. 'vn.localhost'). */
  request(path: string, init?: RequestInit & { host?: string }): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The whole platform for one test file: its own table and offers alias on the shared local
 * servers (so files never see each other's data), seeded like `npm start`, behind a gateway
 * on a free port. `overrides` replace adapters that would reach outside this machine (the domain
 * checks, pointed at servers the test starts).
 */
export async function startTestPlatform(overrides: AdapterOverrides = {}): Promise<TestPlatform> {
  const suffix = randomUUID().slice(0, 8);
  const tableName = `test-${suffix}`;
  const offersAlias = `test-offers-${suffix}`;
  const services = await bootLocalPlatform(
    {
      dynamodb: { endpoint: inject('dynamodbEndpoint'), reused: true },
      opensearch: { endpoint: inject('opensearchEndpoint'), reused: true },
      stop: async () => {},
    },
    { tableName, offersAlias },
    overrides,
  );
  const gateway: Server = createGateway();
  const port = await listen(gateway, 0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    services,
    baseUrl,
    tableName,
    offersAlias,
    request(path, init = {}) {
      const { host, ...rest } = init;
      // fetch() would drop a custom Host header; fetchWithHost sends it as given.
      return host ? fetchWithHost(`${baseUrl}${path}`, { ...rest, host }) : fetch(`${baseUrl}${path}`, rest);
    },
    async close() {
      gateway.closeAllConnections();
      await new Promise((resolve) => gateway.close(resolve));
      await deleteTable(services.dynamo, tableName);
      await deleteOffersIndex(services.search, offersAlias);
    },
  };
}
