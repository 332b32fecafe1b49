import { EventEmitter } from 'node:events';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import * as connectionModule from '@opensearch-project/opensearch/lib/Connection.js';
import * as poolModule from '@opensearch-project/opensearch/lib/pool/index.js';
import * as serializerModule from '@opensearch-project/opensearch/lib/Serializer.js';
import type {
  ApiResponse,
  TransportRequestOptions,
  TransportRequestParams,
} from '@opensearch-project/opensearch/lib/Transport.js';
import * as transportModule from '@opensearch-project/opensearch/lib/Transport.js';
import type { SearchConnection } from './client.ts';

/**
 * What the request path needs from OpenSearch: one request at a time, with retries, timeouts,
 * connection pooling and (in AWS) SigV4 signing. Both the full client's `client.transport` and
 * `createSearchTransport` below provide it.
 */
export interface SearchTransport {
  request(params: TransportRequestParams, options?: TransportRequestOptions): Promise<ApiResponse>;
}

// CommonJS modules whose `module.exports` is the class: both Node and esbuild expose it as `default`.
const cjs = <T>(module: unknown): T => (module as { default: T }).default;
type Ctor = new (options: Record<string, unknown>) => Record<string, unknown>;

/**
 * opensearch-js's own Transport, Connection, ConnectionPool and Serializer, without the
 * generated API surface of its Client: the search functions' bundles are 200 KB smaller
 * (that surface is CommonJS and cannot be tree-shaken). Same defaults as the Client.
 */
export function createSearchTransport(
  connection: SearchConnection,
  options: { requestTimeoutMs?: number; maxRetries?: number } = {},
): SearchTransport {
  const signer =
    connection.auth === 'sigv4'
      ? AwsSigv4Signer({ region: connection.region, service: 'es', getCredentials: defaultProvider() })
      : undefined;
  const Connection = (signer?.Connection ?? cjs<Ctor>(connectionModule)) as Ctor;
  const Transport = (signer?.Transport ?? cjs<Ctor>(transportModule)) as Ctor;
  const { ConnectionPool } = poolModule as unknown as { ConnectionPool: Ctor };
  const Serializer = cjs<Ctor>(serializerModule);
  const events = new EventEmitter();
  const emit = events.emit.bind(events);
  const pool = new ConnectionPool({
    Connection,
    emit,
    sniffEnabled: false,
    resurrectStrategy: 'ping',
    pingTimeout: 3_000,
  });
  (pool.addConnection as (node: string) => void)(connection.endpoint);
  return new Transport({
    emit,
    connectionPool: pool,
    serializer: new Serializer({}),
    maxRetries: options.maxRetries ?? 2,
    requestTimeout: options.requestTimeoutMs ?? 10_000,
    sniffInterval: false,
    sniffOnStart: false,
    sniffOnConnectionFault: false,
    headers: {},
    nodeSelector: 'round-robin',
    name: 'sourcefront',
  }) as unknown as SearchTransport;
}
