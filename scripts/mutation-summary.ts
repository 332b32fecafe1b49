/**
 * The last step of `npm run test:mutation`: reads Stryker's JSON report and prints the mutation
 * score per area (money, pricing, quotes, the search query builder) against its target, then
 * exits 1 when an area is below it. Score = detected (killed or timed out) / valid mutants, as
 * Stryker counts it (mutation-testing-metrics, the library its own reporters use).
 */
import { existsSync, readFileSync } from 'node:fs';
import { calculateMetrics } from 'mutation-testing-metrics';

const reportFile = process.argv[2] ?? '.local/stryker/mutation.json';

/** Each area: the files it is made of and the score it must reach (issue 13, item 9). */
const areas = [
  { area: 'money', target: 90, files: (f: string) => f.startsWith('core/money/') },
  { area: 'pricing', target: 90, files: (f: string) => f.startsWith('core/pricing/') },
  { area: 'quotes', target: 80, files: (f: string) => f.startsWith('core/quotes/') },
  {
    area: 'search query',
    target: 80,
    files: (f: string) => f === 'core/catalog/search-query.ts' || f === 'adapters/opensearch/offer-query.ts',
  },
];

if (!existsSync(reportFile)) {
  console.error(`No mutation report at ${reportFile}: run npm run test:mutation first.`);
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
  files: Parameters<typeof calculateMetrics>[0];
};
const relative = (file: string) => file.replace(/^.*?(?=(core|adapters)\/)/, '');

const rows = areas.map(({ area, target, files }) => {
  const picked = Object.fromEntries(Object.entries(report.files).filter(([file]) => files(relative(file))));
  const m = calculateMetrics(picked).metrics;
  const score = m.totalValid === 0 ? Number.NaN : (m.totalDetected / m.totalValid) * 100;
  return {
    area,
    files: Object.keys(picked).length,
    mutants: m.totalValid,
    killed: m.killed,
    timeout: m.timeout,
    survived: m.survived,
    'no cov': m.noCoverage,
    score: Number.isNaN(score) ? 'n/a' : `${score.toFixed(1)} %`,
    target: `${target} %`,
    met: Number.isNaN(score) ? 'no files' : score >= target ? 'yes' : 'NO',
  };
});
const all = calculateMetrics(report.files).metrics;

const columns = Object.keys(rows[0]!) as (keyof (typeof rows)[number])[];
const cells = rows.map((r) => columns.map((c) => String(r[c])));
const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
const line = (values: string[]) =>
  values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
console.log('\nMutation score per area (unit tier)');
console.log(line(columns));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of cells) console.log(line(row));
console.log(
  `all mutated files: ${((all.totalDetected / all.totalValid) * 100).toFixed(1)} % of ${all.totalValid} mutants detected`,
);

const missed = rows.filter((r) => r.met !== 'yes');
if (missed.length > 0) {
  console.error(`Below target: ${missed.map((r) => `${r.area} (${r.score})`).join(', ')}`);
  process.exit(1);
}
