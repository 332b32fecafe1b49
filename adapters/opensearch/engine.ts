/**
 * The OpenSearch engine a region runs, defined once: the local node fetched from Maven Central
 * (local/servers/artifacts.ts) and the deployed domain's engine line (lib/constructs/search.ts)
 * both read it.
 */
export const OPENSEARCH_VERSION = '2.19.6';
