import { type BundlingOptions, Charset, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { projectRoot } from '../project.ts';

export { projectRoot };

/**
 * How every function is bundled, defined once: CDK (lib/constructs/functions.ts) and the bundle
 * budget bench (bench/bundles.ts) both build from these settings, so the bench measures what
 * deploys.
 *
 * - ESM, minified, tree-shaken, for the Node.js 24 runtime;
 * - the createRequire banner lets CommonJS dependencies inside an ESM bundle `require` Node
 *   built-ins;
 * - the AWS SDK v3 is left out: the Lambda Node.js 24 runtime provides it, and it is the
 *   largest dependency by far.
 */
export const bundleSettings = {
  target: 'node24',
  platform: 'node',
  format: 'esm',
  minify: true,
  treeShaking: true,
  sourcemap: false,
  // Raw UTF-8 instead of \u escapes: the vi/ko/zh-CN strings take half the bytes.
  charset: 'utf8',
  mainFields: ['module', 'main'],
  external: ['@aws-sdk/*'],
  banner:
    "import { createRequire as __sourcefrontCreateRequire } from 'node:module'; const require = __sourcefrontCreateRequire(import.meta.url);",
} as const;

/**
 * Per-bundle budget. DESIGN §10 asks ≤ 500 KB; every function still bundles the whole
 * composition (all adapters) and every locale of the namespaces it registers, so they measure
 * 460–635 KB, the storefront (buyer pages, the VietQR drawing) ~735 KB and the console (launch
 * flow, previews through the storefront's pages and search, translations, provider keys) ~800 KB
 * by esbuild; CDK's builds of the same code run ~10 % larger (878 KB for the console). This
 * limit stops further growth; per-function composition (and per-locale strings) is what brings
 * them back under 500 KB: in the console, zod is 102 KB, the four locales 173 KB, the route
 * table 41 KB.
 */
export const bundleBudget = { maxBytes: 900 * 1024, maxInitMs: 150 } as const;

/** The settings as NodejsFunction takes them; `layered` modules come from a layer, not the bundle. */
export function cdkBundling(layered: readonly string[] = []): BundlingOptions {
  return {
    target: bundleSettings.target,
    format: OutputFormat.ESM,
    minify: bundleSettings.minify,
    sourceMap: bundleSettings.sourcemap,
    charset: Charset.UTF8,
    mainFields: [...bundleSettings.mainFields],
    externalModules: [...bundleSettings.external, ...layered],
    banner: bundleSettings.banner,
    esbuildArgs: { '--tree-shaking': String(bundleSettings.treeShaking) },
  };
}

/** The same settings as esbuild's build API takes them (platform and bundling as CDK sets them). */
export function esbuildOptions(
  entry: string,
  outfile: string,
  layered: readonly string[] = [],
): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: bundleSettings.platform,
    target: bundleSettings.target,
    format: bundleSettings.format,
    minify: bundleSettings.minify,
    treeShaking: bundleSettings.treeShaking,
    sourcemap: bundleSettings.sourcemap,
    charset: bundleSettings.charset,
    mainFields: [...bundleSettings.mainFields],
    external: [...bundleSettings.external, ...layered],
    banner: { js: bundleSettings.banner },
    absWorkingDir: projectRoot,
    logLevel: 'warning',
  };
}
