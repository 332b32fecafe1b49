/**
 * Bundle budget (DESIGN.md §10): builds every function exactly as CDK does (the shared
 * settings of lib/bundling.ts) and reports each bundle's minified size and its module-init
 * time — importing the bundle in a fresh Node process, several runs, median — against
 * 500 KB / 150 ms. Bundles land in .local/bench-bundles/ so the AWS SDK, which the Lambda
 * runtime provides and the bundles leave out, resolves from node_modules as it would there.
 *
 *   npm run bench:bundles [-- --runs 7]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { OFFERS_ALIAS } from '../adapters/opensearch/offers-index.ts';
import { backgroundFunctions } from '../functions/background.ts';
import { functionEntry, jobEntry, routeFunctions } from '../functions/functions.ts';
import { bundleBudget, esbuildOptions, projectRoot } from '../lib/bundling.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const outRoot = join(projectRoot, '.local', 'bench-bundles');

/** What the Lambda runtime and CDK set before the module loads; nothing is contacted at import. */
const lambdaLikeEnv = {
  ...process.env,
  AWS_REGION: 'ap-southeast-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  TABLE_NAME: 'sourcefront-bench',
  OFFERS_ALIAS,
  OPENSEARCH_ENDPOINT: 'https://search.bench.invalid',
  OPENSEARCH_AUTH: 'sigv4',
  LOG_LEVEL: 'warn',
};

interface Entry {
  name: string;
  kind: 'route' | 'job';
  entry: string;
  /** Loaded from a layer in Lambda, so not in the bundle (nor in its size). */
  layered?: readonly string[];
}

const entries: Entry[] = [
  ...routeFunctions().map((f) => ({
    name: f.fn,
    kind: 'route' as const,
    entry: functionEntry(f.fn),
    layered: f.access.nativeModules,
  })),
  ...backgroundFunctions.map((b) => ({
    name: b.handler,
    kind: 'job' as const,
    entry: jobEntry(b.handler),
    layered: b.access.nativeModules,
  })),
  { name: 'search-bootstrap', kind: 'job', entry: jobEntry('search-bootstrap') },
  { name: 'table-layout', kind: 'job', entry: jobEntry('table-layout') },
];

/** Time to import the bundle, measured inside a fresh Node process. */
function initMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: lambdaLikeEnv,
    encoding: 'utf8',
  });
  return Number(out);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

rmSync(outRoot, { recursive: true, force: true });
const rows: { fn: string; kb: number; ms: number; ok: boolean }[] = [];
for (const e of entries) {
  const dir = join(outRoot, `${e.kind}-${e.name}`);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'index.mjs');
  await build(esbuildOptions(e.entry, outfile, e.layered));
  const bytes = statSync(outfile).size;
  initMs(outfile); // warm the file-system cache; not counted
  const ms = median(Array.from({ length: runs }, () => initMs(outfile)));
  rows.push({
    fn: `${e.kind} ${e.name}`,
    kb: bytes / 1024,
    ms,
    ok: bytes <= bundleBudget.maxBytes && ms <= bundleBudget.maxInitMs,
  });
}

const header = ['function', 'minified', 'init (median)', 'budget'];
const table = rows.map((r) => [
  r.fn,
  `${r.kb.toFixed(1)} KB`,
  `${r.ms.toFixed(1)} ms`,
  r.ok ? 'ok' : `OVER (${bundleBudget.maxBytes / 1024} KB / ${bundleBudget.maxInitMs} ms)`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
// Init times are wall time: on a machine busy with other work they grow, so say how busy it was.
const load = loadavg().map((l) => l.toFixed(2));
console.log(
  `\nLambda bundles (esbuild, ${process.version}, ${runs} fresh-process imports each; budget ${bundleBudget.maxBytes / 1024} KB / ${bundleBudget.maxInitMs} ms; ${cpus().length} CPUs, load average ${load.join(' ')})\n`,
);
console.log(line(header));
console.log(
  `|${widths.map((w, i) => (i === 0 || i === 3 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
);
for (const row of table) console.log(line(row));
const over = rows.filter((r) => !r.ok);
console.log(
  over.length === 0 ? '\nEvery bundle is within budget.' : `\n${over.length} bundle(s) over budget.`,
);
if (over.length > 0) process.exitCode = 1;
