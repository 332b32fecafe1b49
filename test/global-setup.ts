import type { TestProject } from 'vitest/node';
import { startLocalServers } from '../local/servers/index.ts';

/** Starts (or reuses) DynamoDB Local and OpenSearch once for the whole integration run. */
export default async function setup(project: TestProject) {
  const servers = await startLocalServers({ opensearchHeap: process.env.OPENSEARCH_HEAP ?? '768m' });
  project.provide('dynamodbEndpoint', servers.dynamodb.endpoint);
  project.provide('opensearchEndpoint', servers.opensearch.endpoint);
  return async () => {
    await servers.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    opensearchEndpoint: string;
  }
}
