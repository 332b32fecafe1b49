import { chmodSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../local/servers/dynamodb-local.ts';
import { type LocalServer, listenHostFromEnv, serverOptionsFromEnv } from '../../local/servers/index.ts';
import {
  assertServiceUserCanReach,
  SERVICE_USER,
  startOpenSearch,
} from '../../local/servers/opensearch-node.ts';
import { freePort } from '../kit/ports.ts';

/** This machine's first non-loopback IPv4 address, where another machine would reach it. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

async function answers(host: string, port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${host}:${port}/`, { signal: AbortSignal.timeout(3_000) });
    return res.status === 400; // DynamoDB Local's answer to a bare GET
  } catch {
    return false;
  }
}

const started: LocalServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.process?.stop()));
});

describe('the local servers listen on loopback unless asked', () => {
  it('LOCAL_LISTEN_ALL=1 is the one way to every interface', () => {
    expect(listenHostFromEnv({})).toBe('127.0.0.1');
    expect(listenHostFromEnv({ LOCAL_LISTEN_ALL: '1' })).toBe('0.0.0.0');
    expect(serverOptionsFromEnv({}).listenHost).toBe('127.0.0.1');
  });

  it.runIf(externalAddress)(
    'DynamoDB Local answers on 127.0.0.1 and not on the machine’s network address; with 0.0.0.0 on both',
    async () => {
      const [loopbackPort, allPort] = [await freePort(), await freePort()];
      const [loopback, all] = await Promise.all([
        startDynamoDbLocal({ port: loopbackPort, inMemory: true }),
        startDynamoDbLocal({ port: allPort, inMemory: true, host: '0.0.0.0' }),
      ]);
      started.push(loopback, all);
      expect(loopback.reused).toBe(false);
      expect(await answers('127.0.0.1', loopbackPort)).toBe(true);
      expect(await answers(externalAddress!, loopbackPort)).toBe(false);
      expect(await answers(externalAddress!, allPort)).toBe(true);
    },
    120_000,
  );
});

describe('OpenSearch next to another platform', () => {
  it('takes its transport port from OPENSEARCH_TRANSPORT_PORT, by default the HTTP port + 100', () => {
    expect(serverOptionsFromEnv({ OPENSEARCH_PORT: '9250' }).opensearchTransportPort).toBe(9350);
    expect(
      serverOptionsFromEnv({ OPENSEARCH_PORT: '9250', OPENSEARCH_TRANSPORT_PORT: '9451' })
        .opensearchTransportPort,
    ).toBe(9451);
  });

  it('says which variable to set when the transport port is taken, before starting anything', async () => {
    const port = await freePort();
    let blocker: Server | undefined;
    const transportPort = await freePort();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker!.listen(transportPort, '127.0.0.1', resolve));
    try {
      await expect(startOpenSearch({ port, transportPort, heap: '256m' })).rejects.toThrow(
        `Port ${transportPort} (OpenSearch's transport port) is taken, perhaps by another platform's OpenSearch: set OPENSEARCH_TRANSPORT_PORT to a free port.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it.runIf(process.getuid?.() === 0)(
    `a checkout ${SERVICE_USER} cannot enter gets one sentence saying what to do`,
    () => {
      const root = mkdtempSync(join(tmpdir(), 'sourcefront-checkout-'));
      chmodSync(root, 0o755);
      const closed = join(root, 'home');
      const servers = join(closed, 'project', '.local', 'servers', 'opensearch');
      mkdirSync(servers, { recursive: true });
      expect(() => assertServiceUserCanReach([servers])).not.toThrow();
      chmodSync(closed, 0o700);
      expect(() => assertServiceUserCanReach([servers])).toThrow(
        `OpenSearch runs as the unprivileged user ${SERVICE_USER} (it refuses to run as root), which cannot enter ${closed}: put the checkout where other users can read it (e.g. under /srv or /work), or run \`chmod o+x ${closed}\` (and the same for any closed folder below it), then start again.`,
      );
    },
  );
});
