import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir, logsDir } from '../paths.ts';
import { ensureDynamoDbLocal } from './fetch.ts';
import { ManagedProcess } from './managed-process.ts';
import { assertJdk, javaHome } from './toolchain.ts';
import { httpProbe, portAnswers, waitUntilHealthy } from './wait.ts';

export interface LocalServer {
  endpoint: string;
  /** True when a server already running on the port was reused (and will not be stopped). */
  reused: boolean;
  process?: ManagedProcess;
}

/** DynamoDB Local answers a bare GET with HTTP 400 and an AWS-style error body. */
async function isDynamoDbLocal(endpoint: string): Promise<boolean> {
  return httpProbe(endpoint, async (res) => {
    const body = await res.text();
    return res.status === 400 && /MissingAuthenticationToken|Authentication/.test(body);
  });
}

/** The launcher that binds DynamoDB Local to one address (it has no option of its own). */
const launcher = join(import.meta.dirname, 'DynamoDbLocalOnHost.java');

export async function startDynamoDbLocal(options: {
  port: number;
  inMemory?: boolean;
  /** The address to listen on: 127.0.0.1 (default), or 0.0.0.0 for every interface. */
  host?: string;
}): Promise<LocalServer> {
  const endpoint = `http://127.0.0.1:${options.port}`;
  if (await isDynamoDbLocal(endpoint)) return { endpoint, reused: true };
  if (await portAnswers(options.port)) {
    throw new Error(
      `Port ${options.port} is taken by something that is not DynamoDB Local: set DYNAMODB_PORT to a free port.`,
    );
  }
  const jdk = javaHome();
  assertJdk(jdk);
  const java = join(jdk, 'bin', 'java');
  const home = await ensureDynamoDbLocal();
  const dbPath = join(dataDir, 'dynamodb');
  mkdirSync(dbPath, { recursive: true });
  const storage = options.inMemory ? ['-inMemory'] : ['-dbPath', dbPath];
  const server = new ManagedProcess({
    name: 'DynamoDB Local',
    command: java,
    args: [
      '-Xmx512m',
      `-Djava.library.path=${join(home, 'lib')}`,
      `-Dsourcefront.host=${options.host ?? '127.0.0.1'}`,
      '-cp',
      join(home, 'lib', '*'),
      // Run as a single source file by the JDK: ServerRunner's own server, bound to one host.
      launcher,
      '-port',
      String(options.port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    // DynamoDB Local writes a metadata file into its working directory.
    cwd: dbPath,
    logFile: join(logsDir, 'dynamodb-local.log'),
  });
  await waitUntilHealthy(() => isDynamoDbLocal(endpoint), { server, timeoutMs: 60_000 });
  return { endpoint, reused: false, process: server };
}
