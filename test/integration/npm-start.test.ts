import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../local/paths.ts';
import { httpProbe } from '../../local/servers/wait.ts';
import { freePort } from '../kit/ports.ts';

/**
 * `npm start` as a user runs it: local/start.ts in its own process, on the servers this run
 * started (it reuses them), with the payment sandbox on the port it picks itself
 * (PAYMENT_SANDBOX_PORT unset, the README's way). It must come up, seed the demo catalog,
 * serve the API and the storefront, and on SIGTERM stop every process it started.
 */
let platform: ChildProcess | undefined;
afterAll(() => {
  platform?.kill('SIGKILL');
});

function get(port: number, path: string, host: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    })
      .on('error', reject)
      .end();
  });
}

/** True when something answers at `url` (any status). */
const answers = (url: string) => httpProbe(url, () => true);

describe('npm start', () => {
  it('starts the platform with both sandboxes, serves vn.localhost, and SIGTERM stops what it started', async () => {
    const [port, supplierPort] = [await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      SANDBOX_SUPPLIER_PORT: String(supplierPort),
      // A smaller demo catalog: the seeding path is the same, the test spends less on it.
      DEMO_OFFERS: '300',
    };
    delete env.PAYMENT_SANDBOX_PORT;
    const child = spawn(process.execPath, ['local/start.ts'], { cwd: projectRoot, env });
    platform = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Up, then the demo catalog seeded on first run (or found from an earlier one).
    const printed = (line: RegExp) =>
      Promise.race([
        (async () => {
          while (!line.test(output)) await new Promise((r) => setTimeout(r, 200));
          return true;
        })(),
        exited.then(() => false),
      ]);
    expect(await printed(/Press Ctrl-C to stop\./), output).toBe(true);
    const health = await get(port, '/api/v1/health', 'localhost');
    expect(health.status, health.text).toBe(200);
    expect(await printed(/Demo catalog (ready|already there)/), output).toBe(true);

    const home = await get(port, '/', 'vn.localhost');
    expect(home.status, home.text.slice(0, 500)).toBe(200);
    expect(home.text).toContain('<html lang="vi"');
    expect(home.text).toMatch(/\d\s₫/);

    const paymentsUrl = /Payments\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(paymentsUrl, output).toBeDefined();
    expect(await answers(`${paymentsUrl}/sandbox/health`)).toBe(true);
    const supplierUrl = `http://127.0.0.1:${supplierPort}/`;
    expect(await answers(supplierUrl)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    platform = undefined;
    expect(await answers(`${paymentsUrl}/sandbox/health`)).toBe(false);
    expect(await answers(supplierUrl)).toBe(false);
    expect(await answers(`http://127.0.0.1:${port}/api/v1/health`)).toBe(false);
  }, 600_000);
});
