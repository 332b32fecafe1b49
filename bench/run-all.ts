/**
 * `npm run bench`: runs every `bench:*` script of package.json in turn (each prints its own
 * table) and ends with a one-line status per benchmark.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../local/paths.ts';

const { scripts } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const benches = Object.keys(scripts).filter((name) => name.startsWith('bench:'));
if (benches.length === 0) {
  console.error('No bench:* scripts in package.json.');
  process.exit(1);
}

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const [i, name] of benches.entries()) {
  console.log(`\n[${i + 1}/${benches.length}] npm run ${name}`);
  const started = Date.now();
  const run = spawnSync('npm', ['run', '--silent', name], { cwd: projectRoot, stdio: 'inherit' });
  results.push({ name, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\nSummary');
for (const r of results)
  console.log(`  ${r.ok ? 'ok    ' : 'FAILED'}  ${r.name.padEnd(20)} ${r.seconds.toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
