/**
 * The project's pinned Python tools (cfn-lint for the CDK templates, schemathesis for API
 * fuzzing), installed from PyPI into a venv under `.local/tools/python` on first use and never
 * taken from PATH. `requirements.txt` beside this file pins every package with its hashes
 * (pip runs with `--require-hashes`); it is compiled from `requirements.in`, see the README.
 *
 * Safe when several processes ask at once (vitest workers, `npm run tools`): the install runs
 * under a file lock, and whoever waited finds the stamp written by the one that installed.
 * Fast when installed: a stamp holds the SHA-256 of the requirements the venv was built from.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { localDir } from '../paths.ts';
import { MissingToolError } from '../servers/toolchain.ts';

/** Each tool the project provides, by the executable name its package installs. */
export const pythonToolNames = ['cfn-lint', 'schemathesis'] as const;
export type PythonToolName = (typeof pythonToolNames)[number];

export const defaultRequirementsFile = join(import.meta.dirname, 'requirements.txt');
export const defaultPythonToolsDir = join(localDir, 'tools', 'python');

const STAMP = '.requirements.sha256';

export interface PythonToolsOptions {
  /** The venv folder (default `.local/tools/python`). */
  dir?: string;
  /** The hashed requirements to install (default `local/tools/requirements.txt`). */
  requirementsFile?: string;
  /** The interpreter that creates the venv (default `$PYTHON`, else `python3` on PATH). */
  python?: string;
  /** Progress lines (default: to stderr, prefixed `[tools]`). */
  progress?: (line: string) => void;
  /** Stream pip's own output to this process's stderr (the CLI does); otherwise it is kept for errors. */
  showPipOutput?: boolean;
}

export interface PythonToolsVenv {
  dir: string;
  /** True when this call built the venv, false when a matching one was already there. */
  installed: boolean;
}

function missingPython(python: string, why: string): MissingToolError {
  return new MissingToolError(
    `Python 3 with venv is needed for the project's pinned Python tools (cfn-lint, schemathesis) but ${why}: install it (on Debian: \`apt-get install python3 python3-venv\`) or point PYTHON at a Python 3.10+, and run again (${python}).`,
  );
}

function defaultProgress(line: string): void {
  process.stderr.write(`[tools] ${line}\n`);
}

async function digestOf(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function stampMatches(dir: string, digest: string): Promise<boolean> {
  try {
    return (await readFile(join(dir, STAMP), 'utf8')).trim() === digest;
  } catch {
    return false;
  }
}

/** Runs a command; resolves with its combined output, rejects with the tail of it. */
function run(command: string, args: string[], stream: boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (stream) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else {
        const tail = output.trim().split('\n').slice(-15).join('\n');
        reject(
          Object.assign(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${tail}`), { output }),
        );
      }
    });
  });
}

function checkInterpreter(python: string): void {
  const probe = spawnSync(
    python,
    ['-c', 'import sys, venv, ensurepip; print(sys.version_info[:2] >= (3, 10))'],
    {
      encoding: 'utf8',
    },
  );
  if (probe.error) throw missingPython(python, 'it was not found');
  if (probe.status !== 0) {
    throw missingPython(
      python,
      /ensurepip|venv/.test(probe.stderr) ? 'its venv module is missing' : 'it failed',
    );
  }
  if (probe.stdout.trim() !== 'True') throw missingPython(python, 'it is older than 3.10');
}

async function install(dir: string, requirementsFile: string, digest: string, options: PythonToolsOptions) {
  const progress = options.progress ?? defaultProgress;
  const python = options.python ?? process.env.PYTHON ?? 'python3';
  checkInterpreter(python);
  progress(`creating a Python venv in ${dir} (first run only)…`);
  await rm(dir, { recursive: true, force: true });
  try {
    await run(python, ['-m', 'venv', dir], options.showPipOutput ?? false);
  } catch (error) {
    const output = (error as { output?: string }).output ?? '';
    if (/ensurepip|venv/.test(output)) throw missingPython(python, 'it cannot create a venv');
    throw error;
  }
  progress(`installing the pinned tools from ${requirementsFile} (hash-checked)…`);
  await run(
    join(dir, 'bin', 'python'),
    [
      '-m',
      'pip',
      'install',
      '--require-hashes',
      '--only-binary=:all:',
      '--no-input',
      '--disable-pip-version-check',
      '--progress-bar=off',
      '-r',
      requirementsFile,
    ],
    options.showPipOutput ?? false,
  );
  await writeFile(join(dir, STAMP), `${digest}\n`);
  progress(`Python tools ready in ${dir}`);
}

/**
 * Makes sure the venv holds exactly the pinned requirements: nothing to do when its stamp
 * matches, otherwise (re)builds it under a lock that concurrent callers wait on.
 */
export async function ensurePythonTools(options: PythonToolsOptions = {}): Promise<PythonToolsVenv> {
  const dir = options.dir ?? defaultPythonToolsDir;
  const requirementsFile = options.requirementsFile ?? defaultRequirementsFile;
  const digest = await digestOf(requirementsFile);
  if (await stampMatches(dir, digest)) return { dir, installed: false };

  // The lock is a folder beside the venv (proper-lockfile: atomic mkdir, refreshed while
  // held, taken over when its holder died). A first install takes a minute or two; waiters
  // give up after ten.
  await mkdir(join(dir, '..'), { recursive: true });
  const release = await lockfile.lock(dir, {
    realpath: false,
    lockfilePath: `${dir}.lock`,
    stale: 30_000,
    update: 5_000,
    retries: { retries: 2_400, factor: 1, minTimeout: 250, maxTimeout: 250 },
  });
  try {
    if (await stampMatches(dir, digest)) return { dir, installed: false };
    await install(dir, requirementsFile, digest, options);
    return { dir, installed: true };
  } finally {
    await release();
  }
}

/**
 * The absolute path of a pinned tool's executable, installing the tools first if needed:
 * `spawnSync(await pythonTool('cfn-lint'), ['--format', 'json', template])`.
 */
export async function pythonTool(name: PythonToolName, options: PythonToolsOptions = {}): Promise<string> {
  const { dir } = await ensurePythonTools(options);
  const executable = join(dir, 'bin', name);
  if (!existsSync(executable)) {
    throw new Error(
      `${name} is not in ${dir}: delete that folder and run \`npm run tools\` again (is it in local/tools/requirements.txt?).`,
    );
  }
  return executable;
}
