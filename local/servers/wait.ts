import { setTimeout as sleep } from 'node:timers/promises';
import type { ManagedProcess } from './managed-process.ts';

/** Polls `probe` until it answers true; fails early when the server process has exited. */
export async function waitUntilHealthy(
  probe: () => Promise<boolean>,
  { server, timeoutMs }: { server: ManagedProcess; timeoutMs: number },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.hasExited) {
      throw new Error(`${server.name} exited during start-up; see ${server.logFile}`);
    }
    if (await probe()) return;
    await sleep(250);
  }
  await server.stop();
  throw new Error(`${server.name} did not become healthy within ${timeoutMs / 1000}s; see ${server.logFile}`);
}

/** GETs a URL and hands the response to `check`; any network error counts as "not up". */
export async function httpProbe(
  url: string,
  check: (res: Response) => Promise<boolean> | boolean,
): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return await check(res);
  } catch {
    return false;
  }
}

/** True when something already listens on the port (whatever it is). */
export async function portAnswers(port: number): Promise<boolean> {
  return httpProbe(`http://127.0.0.1:${port}/`, () => true);
}
