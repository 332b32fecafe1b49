import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/**
 * The unit tier alone, for `npm run test:mutation` (stryker.config.mjs): Stryker runs each
 * mutant against the unit tests that cover it, so no servers, and no integration or CDK tests
 * (they would need DynamoDB Local and OpenSearch for every one of thousands of runs). The
 * environment is the main config's, so both runs see the same settings.
 */
export default defineConfig({
  test: {
    env: base.test?.env ?? {},
    include: ['test/unit/**/*.test.ts'],
  },
});
