/**
 * The CDK assertion tests, one file per construct (`*.cases.ts`), run in one test file so they
 * share one process: CDK caches each function's esbuild bundle per process, so every function
 * is bundled (for real) once for all of them instead of once per file.
 */
import './regions.cases.ts';
import './data.cases.ts';
import './search.cases.ts';
import './table-layout.cases.ts';
import './functions.cases.ts';
import './api.cases.ts';
import './storefront.cases.ts';
import './edge.cases.ts';
import './handoff.cases.ts';
import './observability.cases.ts';
import './budget.cases.ts';
import './checks.cases.ts';
import './tenant-secrets.cases.ts';
