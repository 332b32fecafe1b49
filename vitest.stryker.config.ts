import { defineConfig } from 'vitest/config';

/**
 * The unit tier alone, for `npm run test:mutation` (stryker.config.json): Stryker runs each
 * mutant against the unit tests that cover it, so no servers, and no integration or CDK tests
 * (they would need DynamoDB Local and OpenSearch for every one of thousands of runs).
 */
export default defineConfig({
  test: {
    env: { LOG_LEVEL: 'warn' },
    include: ['test/unit/**/*.test.ts'],
  },
});
