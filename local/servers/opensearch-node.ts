import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, logsDir } from '../paths.ts';
import { OPENSEARCH_VERSION } from './artifacts.ts';
import type { LocalServer } from './dynamodb-local.ts';
import { ensureOpenSearch } from './fetch.ts';
import { ManagedProcess } from './managed-process.ts';
import { javaHome } from './toolchain.ts';
import { httpProbe, portAnswers, waitUntilHealthy } from './wait.ts';

/** OpenSearch refuses to run as root; on root machines (CI, these dev boxes) it runs as this user. */
const SERVICE_USER = 'sourcefront-search';

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

/** Runs `command` as the service user when we are root, as ourselves otherwise. */
function unprivileged(command: string, args: string[], writableDirs: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  ensureServiceUser();
  execFileSync('chown', ['-R', `${SERVICE_USER}:`, ...writableDirs]);
  return [
    'setpriv',
    [`--reuid=${SERVICE_USER}`, `--regid=${SERVICE_USER}`, '--init-groups', command, ...args],
  ];
}

export async function startOpenSearch(options: { port: number; heap: string }): Promise<LocalServer> {
  const endpoint = `http://127.0.0.1:${options.port}`;
  if (await isOpenSearch(endpoint)) return { endpoint, reused: true };
  if (await portAnswers(options.port)) {
    throw new Error(
      `Port ${options.port} is taken by something that is not OpenSearch: set OPENSEARCH_PORT to a free port.`,
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
      '-E',
      'network.host=127.0.0.1',
      '-E',
      `transport.port=${options.port + 100}`,
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
