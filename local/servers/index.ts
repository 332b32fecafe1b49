import { type LocalServer, startDynamoDbLocal } from './dynamodb-local.ts';
import { startOpenSearch } from './opensearch-node.ts';

export type { LocalServer } from './dynamodb-local.ts';

export interface LocalServers {
  dynamodb: LocalServer;
  opensearch: LocalServer;
  /** Stops the servers this call started (never ones it reused). */
  stop(): Promise<void>;
}

export interface LocalServerOptions {
  dynamodbPort?: number;
  opensearchPort?: number;
  /** OpenSearch's node-to-node port (default: the HTTP port + 100), so two platforms fit side by side. */
  opensearchTransportPort?: number;
  opensearchHeap?: string;
  dynamodbInMemory?: boolean;
  /** The address the servers listen on: 127.0.0.1 unless LOCAL_LISTEN_ALL=1 asks for 0.0.0.0. */
  listenHost?: string;
}

/** Where the local platform listens: loopback only, unless `LOCAL_LISTEN_ALL=1` opts into every interface. */
export function listenHostFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.LOCAL_LISTEN_ALL === '1' ? '0.0.0.0' : '127.0.0.1';
}

/** Settings from the environment, so `npm start`, tests and benches agree on where servers are. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<LocalServerOptions> {
  const opensearchPort = Number(env.OPENSEARCH_PORT ?? 9200);
  return {
    dynamodbPort: Number(env.DYNAMODB_PORT ?? 8000),
    opensearchPort,
    opensearchTransportPort: Number(env.OPENSEARCH_TRANSPORT_PORT ?? opensearchPort + 100),
    opensearchHeap: env.OPENSEARCH_HEAP ?? '1g',
    dynamodbInMemory: env.DYNAMODB_IN_MEMORY === '1',
    listenHost: listenHostFromEnv(env),
  };
}

/**
 * Makes sure DynamoDB Local and an OpenSearch node are running: reuses healthy servers on the
 * ports, otherwise fetches (first run), starts and waits for them, both at once.
 */
export async function startLocalServers(options: LocalServerOptions = {}): Promise<LocalServers> {
  const settings = { ...serverOptionsFromEnv(), ...options };
  const transportFromEnv = process.env.OPENSEARCH_TRANSPORT_PORT !== undefined;
  if (
    options.opensearchPort !== undefined &&
    options.opensearchTransportPort === undefined &&
    !transportFromEnv
  ) {
    settings.opensearchTransportPort = settings.opensearchPort + 100;
  }
  const [dynamodb, opensearch] = await Promise.allSettled([
    startDynamoDbLocal({
      port: settings.dynamodbPort,
      inMemory: settings.dynamodbInMemory,
      host: settings.listenHost,
    }),
    startOpenSearch({
      port: settings.opensearchPort,
      transportPort: settings.opensearchTransportPort,
      heap: settings.opensearchHeap,
      host: settings.listenHost,
    }),
  ]);
  const started = [dynamodb, opensearch].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stop = async () => {
    await Promise.all(started.map((s) => s.process?.stop()));
  };
  if (dynamodb.status === 'rejected' || opensearch.status === 'rejected') {
    await stop();
    throw dynamodb.status === 'rejected' ? dynamodb.reason : (opensearch as PromiseRejectedResult).reason;
  }
  return { dynamodb: dynamodb.value, opensearch: opensearch.value, stop };
}
