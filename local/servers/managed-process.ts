import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const running = new Set<ManagedProcess>();

// Last resort: whatever way this process ends, no server it started is left behind.
process.on('exit', () => {
  for (const child of running) child.killGroup('SIGKILL');
});

export interface SpawnOptions {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
}

/**
 * A server started as a child in its own process group, its output in a log file. Stopping
 * signals the whole group, so wrapper scripts and the JVMs they fork stop together.
 */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private exited = false;
  readonly exit: Promise<number | null>;

  constructor(options: SpawnOptions) {
    this.name = options.name;
    this.logFile = options.logFile;
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    this.child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.exit = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        this.exited = true;
        running.delete(this);
        resolve(code);
      });
    });
    running.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  killGroup(signal: NodeJS.Signals): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // The group is already gone.
    }
  }

  /**
   * SIGTERM to the group, SIGKILL after `graceMs` if the leader is still alive, and a final
   * SIGKILL sweep for any member that outlived its leader.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.exited) {
      this.killGroup('SIGTERM');
      const stopped = await Promise.race([this.exit.then(() => true), sleep(graceMs).then(() => false)]);
      if (!stopped) {
        this.killGroup('SIGKILL');
        await this.exit;
      }
    }
    this.killGroup('SIGKILL');
  }
}
