import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MissingToolError } from '../../local/servers/toolchain.ts';
import { defaultRequirementsFile, ensurePythonTools, pythonTool } from '../../local/tools/python-tools.ts';

const run = promisify(execFile);
const moduleUrl = new URL('../../local/tools/python-tools.ts', import.meta.url).href;

/** One small pinned package (its hashes as the project's requirements hold them), so these
 * tests build real venvs from PyPI without the minute the full tool set takes. */
function smallRequirements(dir: string): string {
  const pinned = /^mdurl==.*(?:\n\s+--hash=\S+.*)+/m.exec(readFileSync(defaultRequirementsFile, 'utf8'))?.[0];
  expect(pinned).toBeDefined();
  const file = join(dir, 'requirements.txt');
  writeFileSync(file, `${pinned!.replaceAll('\\', '').replace(/\s+/g, ' ')}\n`);
  return file;
}

/** ensurePythonTools in a separate Node process, as a vitest worker or `npm run tools` would call it. */
async function ensureInChild(dir: string, requirementsFile: string) {
  const script = `import { ensurePythonTools } from ${JSON.stringify(moduleUrl)};
const result = await ensurePythonTools({ dir: ${JSON.stringify(dir)}, requirementsFile: ${JSON.stringify(requirementsFile)}, progress: () => {} });
console.log(JSON.stringify(result));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as { dir: string; installed: boolean };
}

describe('the pinned Python tools', () => {
  it('cfn-lint and schemathesis come from the project venv at their pinned versions, not from PATH', async () => {
    const requirements = readFileSync(defaultRequirementsFile, 'utf8');
    const cfnLint = await pythonTool('cfn-lint');
    const schemathesis = await pythonTool('schemathesis');
    expect(cfnLint).toMatch(/\/\.local\/tools\/python\/bin\/cfn-lint$/);
    const { stdout: cfnVersion } = await run(cfnLint, ['--version']);
    expect(`cfn-lint==${cfnVersion.trim().split(' ')[1]}`).toBe(/^cfn-lint==\S+/m.exec(requirements)?.[0]);
    const { stdout: stVersion } = await run(schemathesis, ['--version']);
    expect(`schemathesis==${/version (\S+)/.exec(stVersion)?.[1]}`).toBe(
      /^schemathesis==\S+/m.exec(requirements)?.[0],
    );
  }, 600_000); // on a fresh machine this call (or the CDK test's, which it then waits for) installs them

  it('install once when three processes ask at the same time, then answer from the stamp until the requirements change', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'sourcefront-pytools-'));
    const requirementsFile = smallRequirements(scratch);
    const dir = join(scratch, 'venv');
    const results = await Promise.all([1, 2, 3].map(() => ensureInChild(dir, requirementsFile)));
    expect(results.filter((r) => r.installed)).toHaveLength(1);
    const { stdout } = await run(join(dir, 'bin', 'python'), [
      '-c',
      'import mdurl; print(mdurl.__version__)',
    ]);
    expect(stdout.trim()).toBe('0.1.2');
    const quiet = { dir, requirementsFile, progress: () => {} };
    expect(await ensurePythonTools(quiet)).toEqual({ dir, installed: false });
    // Changed requirements mean a new digest and a rebuild, and pip's --require-hashes refuses
    // a pin without its hash.
    writeFileSync(requirementsFile, 'mdurl==0.1.2\n');
    await expect(ensurePythonTools(quiet)).rejects.toThrow(/hash/i);
  }, 180_000);

  it('say in one sentence what to install when Python 3 is missing', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'sourcefront-pytools-'));
    const attempt = ensurePythonTools({
      dir: join(scratch, 'venv'),
      requirementsFile: smallRequirements(scratch),
      python: '/nonexistent/python3',
      progress: () => {},
    });
    await expect(attempt).rejects.toThrow(MissingToolError);
    await expect(attempt).rejects.toThrow(/apt-get install python3 python3-venv/);
  });
});
