import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../adapters/dynamodb/client.ts';

/**
 * The SDK's logger middleware (in @aws-sdk/core) skips its work only when the client's logger
 * is `instanceof` the NoOpLogger of the @smithy/core *it* imports. With two copies installed the
 * check fails, and every call filters its whole input and output (each item written or read)
 * for a log line nobody writes: CPU on every DynamoDB call, in Lambda too.
 */
const here = createRequire(import.meta.url);
const smithyCoreOf = (pkg: string) => createRequire(here.resolve(pkg)).resolve('@smithy/core');

describe('the AWS SDK installation', () => {
  it('shares one @smithy/core between @aws-sdk/core and every client the project uses', () => {
    const clients = [
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/client-dynamodb-streams',
      '@aws-sdk/client-secrets-manager',
      '@aws-sdk/client-s3',
      '@aws-sdk/lib-dynamodb',
    ];
    const core = smithyCoreOf('@aws-sdk/core');
    for (const client of clients) expect(smithyCoreOf(client), client).toBe(core);
  });

  it("has the DynamoDB client's default logger recognised as the no-op logger", () => {
    const sdkCore = createRequire(here.resolve('@aws-sdk/core'));
    const { NoOpLogger } = sdkCore('@smithy/core/client') as { NoOpLogger: new () => unknown };
    const client = createDynamoClient({ region: 'local', endpoint: 'http://127.0.0.1:1' });
    expect(client.config.logger).toBeInstanceOf(NoOpLogger);
  });
});
