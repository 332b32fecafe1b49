// @ts-check
/**
 * `npm run test:mutation`: StrykerJS mutates core's money, pricing and quotes and the search
 * query builder, and runs the unit tier (vitest.stryker.config.ts) against every mutant.
 *
 * TypeScript 7 has no JS compiler API, so no typescript-checker and nothing reads tsconfig:
 * Stryker's instrumenter parses the .ts files itself (Babel), `disableTypeChecks` marks the
 * instrumented copies `@ts-nocheck`, and vitest strips the types when it loads them.
 * Two cores are shared on these machines: at most two test runners, and incremental mode, so a
 * rerun only tests the mutants whose code or covering tests changed. Everything Stryker writes
 * (sandbox, incremental file, reports) lives under .local/stryker (git-ignored);
 * scripts/mutation-summary.ts prints the score per area from the JSON report and fails below target.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  mutate: [
    'core/money/**/*.ts',
    'core/pricing/**/*.ts',
    'core/quotes/**/*.ts',
    // The search query builder: the buyer's parameters and cursors in core, the OpenSearch body in the adapter.
    'core/catalog/search-query.ts',
    'adapters/opensearch/offer-query.ts',
  ],
  coverageAnalysis: 'perTest',
  disableTypeChecks: true,
  // Stryker's sandbox step rewrites tsconfig.json through the TypeScript compiler API, which
  // TypeScript 7 does not have; ours has no `extends` or `references` to rewrite, so point the
  // step at a file that does not exist and the sandbox keeps tsconfig.json as it is.
  tsconfigFile: '.local/stryker/no-tsconfig.json',
  concurrency: 2,
  incremental: true,
  incrementalFile: '.local/stryker/incremental.json',
  tempDirName: '.local/stryker/tmp',
  ignorePatterns: ['/.local', '/cdk.out', '/coverage'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: '.local/stryker/report.html' },
  jsonReporter: { fileName: '.local/stryker/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
};
