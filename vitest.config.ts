import { defineConfig } from 'vitest/config';

/**
 * Test tiers, visible in folder names:
 * - unit: core and pure builders, no I/O;
 * - integration: adapters and handlers against the real DynamoDB Local and OpenSearch,
 *   started once per run by test/global-setup.ts (or reused when already running);
 * - browser: the storefront in Debian's Chromium (playwright-core, axe-core), on the same servers;
 * - cdk: assertion tests over the synthesized templates.
 */
const soloFiles = ['test/integration/api-fuzz.test.ts', 'test/integration/npm-start.test.ts'];

export default defineConfig({
  test: {
    // Access logs of passing requests would drown the report; warnings and errors still show.
    // (EMF metric lines too: Powertools Metrics are off in tests.)
    env: { LOG_LEVEL: 'warn', POWERTOOLS_METRICS_DISABLED: 'true' },
    // Vitest's default is one worker per core less one: a single worker here. The integration
    // files mostly wait on DynamoDB Local and OpenSearch, and each keeps to its own tables and
    // index, so two run side by side.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: soloFiles,
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/chromium-setup.ts', 'test/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          // One Chromium per file: at most two at once on a small machine. Its own worker limit
          // makes it its own group, run after the others (vitest runs groups in order).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      { test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'], testTimeout: 120_000 } },
      {
        // Files that load the whole machine (the fuzzer's stream of requests with its timeouts;
        // `npm start` booting and seeding a platform) run last, one at a time: beside another
        // file, either starves the other's requests into the gateway's timeout.
        test: {
          name: 'solo',
          include: soloFiles,
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
