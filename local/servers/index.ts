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
  opensearchHeap?: string;
  dynamodbInMemory?: boolean;
}

/** Settings from the environment, so `npm start`, tests and benches agree on where servers are. */
export function serverOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<LocalServerOptions> {
  return {
    dynamodbPort: Number(env.DYNAMODB_PORT ?? 8000),
    opensearchPort: Number(env.OPENSEARCH_PORT ?? 9200),
    opensearchHeap: env.OPENSEARCH_HEAP ?? '1g',
    dynamodbInMemory: env.DYNAMODB_IN_MEMORY === '1',
  };
}

/**
 * Makes sure DynamoDB Local and an OpenSearch node are running: reuses healthy servers on the
 * ports, otherwise fetches (first run), starts and waits for them, both at once.
 */
export async function startLocalServers(options: LocalServerOptions = {}): Promise<LocalServers> {
  const settings = { ...serverOptionsFromEnv(), ...options };
  const [dynamodb, opensearch] = await Promise.allSettled([
    startDynamoDbLocal({ port: settings.dynamodbPort, inMemory: settings.dynamodbInMemory }),
    startOpenSearch({ port: settings.opensearchPort, heap: settings.opensearchHeap }),
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
