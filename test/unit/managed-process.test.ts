import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManagedProcess } from '../../local/servers/managed-process.ts';

/** Alive and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

describe('a managed server process', () => {
  it('stops its whole process group, grandchildren included, even when the leader ignores SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'managed-'));
    const pidFile = join(dir, 'grandchild.pid');
    // A wrapper script that forks a long-lived child (as bin/opensearch forks the JVM) and ignores TERM.
    const server = new ManagedProcess({
      name: 'wrapper',
      command: 'sh',
      args: ['-c', `trap '' TERM; sleep 300 & echo $! > ${pidFile}; wait`],
      logFile: join(dir, 'wrapper.log'),
    });
    await new Promise((r) => setTimeout(r, 300));
    const grandchild = Number(execFileSync('cat', [pidFile], { encoding: 'utf8' }).trim());
    expect(alive(grandchild)).toBe(true);
    await server.stop(500);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.hasExited).toBe(true);
    expect(alive(grandchild)).toBe(false);
  });
});
