import { join } from 'node:path';
import { buildApp, cdkJsonContext } from './build-app.ts';
import { projectRoot } from './bundling.ts';

/**
 * Entry point of `npm run synth` and of the CDK CLI (cdk.json "app"). Run by the CLI, the CLI's
 * context and output folder win; run directly, it reads cdk.json itself and writes to cdk.out/.
 * Offline: no credentials, no lookups.
 */
buildApp({
  context: cdkJsonContext(),
  outdir: process.env.CDK_OUTDIR ?? join(projectRoot, 'cdk.out'),
}).app.synth();
