import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Facts about the project that every layer may read — CDK (lib/), the local platform (local/),
 * scripts, benches and tests — kept here so none of them has to import another's internals
 * (lib/ imports nothing from local/).
 */

/** The repository root, whatever the current directory is. */
export const projectRoot = dirname(fileURLToPath(import.meta.url));

/**
 * The OpenSearch version the local node runs (local/servers/ fetches it) and whose engine line
 * (`2.19`) every region's domain runs (lib/constructs/search.ts), so the two never drift apart.
 */
export const OPENSEARCH_VERSION = '2.19.6';
