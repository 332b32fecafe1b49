import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';

export interface SearchConnection {
  endpoint: string;
  region: string;
  /** `sigv4` for an Amazon OpenSearch Service domain; `none` for the local node. */
  auth: 'none' | 'sigv4';
}

export function createSearchClient(connection: SearchConnection): Client {
  const signer =
    connection.auth === 'sigv4'
      ? AwsSigv4Signer({ region: connection.region, service: 'es', getCredentials: defaultProvider() })
      : {};
  return new Client({
    ...signer,
    node: connection.endpoint,
    requestTimeout: 10_000,
    maxRetries: 2,
  });
}
