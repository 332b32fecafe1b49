/**
 * `npm run servers`: starts DynamoDB Local and OpenSearch alone (for tests or benches run by
 * hand against long-lived servers) and keeps them up until Ctrl-C.
 */
import { startLocalServers } from './servers/index.ts';
import { onShutdown } from './shutdown.ts';

const servers = await startLocalServers();
console.log(
  `DynamoDB Local  ${servers.dynamodb.endpoint}${servers.dynamodb.reused ? ' (already running)' : ''}`,
);
console.log(
  `OpenSearch      ${servers.opensearch.endpoint}${servers.opensearch.reused ? ' (already running)' : ''}`,
);
console.log('Press Ctrl-C to stop.');
onShutdown(() => servers.stop());
