/**
 * `npm run tools`: installs the project's pinned Python tools (cfn-lint, schemathesis) into
 * .local/tools/python, with pip's progress, and prints where each one is. Tests install them on
 * first use as well; this is for doing it ahead of time or after editing requirements.txt.
 */
import { spawnSync } from 'node:child_process';
import { ensurePythonTools, pythonTool, pythonToolNames } from './python-tools.ts';

const { dir, installed } = await ensurePythonTools({ showPipOutput: true });
if (!installed) console.log(`Python tools already installed in ${dir} (requirements unchanged).`);
for (const name of pythonToolNames) {
  const executable = await pythonTool(name);
  const version = spawnSync(executable, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  console.log(`${name.padEnd(13)} ${executable}  (${version})`);
}
