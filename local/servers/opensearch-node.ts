import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join, resolve, sep } from 'node:path';
import { dataDir, logsDir } from '../paths.ts';
import { OPENSEARCH_VERSION } from './artifacts.ts';
import type { LocalServer } from './dynamodb-local.ts';
import { ensureOpenSearch } from './fetch.ts';
import { ManagedProcess } from './managed-process.ts';
import { javaHome } from './toolchain.ts';
import { httpProbe, portAnswers, waitUntilHealthy } from './wait.ts';

/** OpenSearch refuses to run as root; on root machines (CI, these dev boxes) it runs as this user. */
export const SERVICE_USER = 'sourcefront-search';

async function isOpenSearch(endpoint: string): Promise<boolean> {
  return httpProbe(`${endpoint}/_cluster/health`, async (res) => {
    if (!res.ok) return false;
    const health = (await res.json()) as { status?: string };
    return health.status === 'green' || health.status === 'yellow';
  });
}

function ensureServiceUser(): void {
  try {
    execFileSync('id', ['-u', SERVICE_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVICE_USER]);
  }
}

function asServiceUser(command: string, args: string[]): [string, string[]] {
  return [
    'setpriv',
    [`--reuid=${SERVICE_USER}`, `--regid=${SERVICE_USER}`, '--init-groups', command, ...args],
  ];
}

/** Every folder from / down to each of `dirs` (each once, parents first). */
function foldersOnTheWay(dirs: readonly string[]): string[] {
  const all = new Set<string>();
  for (const dir of dirs) {
    const parts = resolve(dir).split(sep).filter(Boolean);
    for (let i = 0; i <= parts.length; i++) all.add(`${sep}${parts.slice(0, i).join(sep)}`);
  }
  return [...all];
}

/**
 * The service user must be able to walk down to the OpenSearch home and the data and log
 * folders (it owns those, but not the folders above them, e.g. a checkout under /root). Fails
 * with one sentence naming the first folder it cannot enter, instead of a server that exits
 * during start-up with the reason buried in its log.
 */
export function assertServiceUserCanReach(dirs: readonly string[]): void {
  ensureServiceUser();
  const [command, args] = asServiceUser('sh', [
    '-c',
    'for d; do [ -x "$d" ] || { echo "$d"; exit 0; }; done',
    'sh',
    ...foldersOnTheWay(dirs),
  ]);
  const blocked = execFileSync(command, args, { encoding: 'utf8' }).trim();
  if (blocked) {
    throw new Error(
      `OpenSearch runs as the unprivileged user ${SERVICE_USER} (it refuses to run as root), which cannot enter ${blocked}: put the checkout where other users can read it (e.g. under /srv or /work), or run \`chmod o+x ${blocked}\` (and the same for any closed folder below it), then start again.`,
    );
  }
}

/** Runs `command` as the service user when we are root, as ourselves otherwise. */
function unprivileged(command: string, args: string[], writableDirs: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  assertServiceUserCanReach(writableDirs);
  execFileSync('chown', ['-R', `${SERVICE_USER}:`, ...writableDirs]);
  return asServiceUser(command, args);
}

/** True when something accepts TCP connections on 127.0.0.1:port (whatever protocol it speaks). */
function tcpPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startOpenSearch(options: {
  port: number;
  heap: string;
  /** Node-to-node port (default: HTTP port + 100). */
  transportPort?: number;
  /** Address the HTTP API listens on: 127.0.0.1 (default), or 0.0.0.0 for every interface. */
  host?: string;
}): Promise<LocalServer> {
  const endpoint = `http://127.0.0.1:${options.port}`;
  if (await isOpenSearch(endpoint)) return { endpoint, reused: true };
  if (await portAnswers(options.port)) {
    throw new Error(
      `Port ${options.port} is taken by something that is not OpenSearch: set OPENSEARCH_PORT to a free port.`,
    );
  }
  const transportPort = options.transportPort ?? options.port + 100;
  if (await tcpPortTaken(transportPort)) {
    throw new Error(
      `Port ${transportPort} (OpenSearch's transport port) is taken, perhaps by another platform's OpenSearch: set OPENSEARCH_TRANSPORT_PORT to a free port.`,
    );
  }
  const jdk = javaHome();
  const home = await ensureOpenSearch();
  const data = join(dataDir, 'opensearch');
  const logs = join(logsDir, 'opensearch');
  mkdirSync(data, { recursive: true });
  mkdirSync(logs, { recursive: true });
  const [command, args] = unprivileged(
    join(home, 'bin', 'opensearch'),
    [
      '-E',
      'discovery.type=single-node',
      '-E',
      `http.port=${options.port}`,
      // Node-to-node traffic stays on loopback; only the HTTP API may be opened to every interface.
      '-E',
      'network.host=127.0.0.1',
      '-E',
      `http.host=${options.host ?? '127.0.0.1'}`,
      '-E',
      `transport.port=${transportPort}`,
      '-E',
      `path.data=${data}`,
      '-E',
      `path.logs=${logs}`,
      '-E',
      'cluster.name=sourcefront-local',
      '-E',
      'cluster.routing.allocation.disk.threshold_enabled=false',
      '-E',
      'action.auto_create_index=false',
    ],
    [home, data, logs],
  );
  const server = new ManagedProcess({
    name: `OpenSearch ${OPENSEARCH_VERSION}`,
    command,
    args,
    env: {
      ...process.env,
      OPENSEARCH_JAVA_HOME: jdk,
      OPENSEARCH_JAVA_OPTS: `-Xms${options.heap} -Xmx${options.heap}`,
    },
    logFile: join(logsDir, 'opensearch.out.log'),
  });
  await waitUntilHealthy(() => isOpenSearch(endpoint), { server, timeoutMs: 120_000 });
  return { endpoint, reused: false, process: server };
}
