import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Core is the domain: it asks ports and knows no OpenSearch, no adapter and no function. This
 * reads every file under core/ and fails on an import of the OpenSearch client, of adapters/
 * or of functions/, and on the keys of OpenSearch's query DSL and index mapping.
 */
const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

const forbiddenImports = [/^@opensearch-project\//, /(^|\/)adapters\//, /(^|\/)functions\//];
/** Keys only an OpenSearch request, response or mapping has (as `key:` or `'key':`). */
const dslKeys = [
  'bool',
  'multi_match',
  'match_phrase',
  'query_string',
  'post_filter',
  'search_after',
  'track_total_hits',
  'minimum_should_match',
  'aggs',
  'aggregations',
  'doc_count',
  '_source',
  '_score',
  'version_type',
  'analyzer',
];
const dslKey = new RegExp(`(^|[\\s{,(])['"]?(${dslKeys.join('|')})['"]?\\s*:`, 'm');

/** What is wrong with one file's text, as `reason` strings (empty when clean). */
function coreViolations(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const specifier = match[1]!;
    if (forbiddenImports.some((p) => p.test(specifier))) found.push(`imports ${specifier}`);
  }
  const dsl = dslKey.exec(text);
  if (dsl) found.push(`names OpenSearch DSL key "${dsl[2]}"`);
  return found;
}

describe('architecture', () => {
  it('finds what it looks for (the check itself can fail)', () => {
    expect(coreViolations("import { Client } from '@opensearch-project/opensearch';")).toEqual([
      'imports @opensearch-project/opensearch',
    ]);
    expect(coreViolations("import { x } from '../../adapters/opensearch/offer-query.ts';")).toHaveLength(1);
    expect(coreViolations("import type { Config } from '../../functions/config.ts';")).toHaveLength(1);
    expect(coreViolations('const q = { bool: { must: [] } };')).toEqual(['names OpenSearch DSL key "bool"']);
    expect(coreViolations("const q = { 'multi_match': { query } };")).toHaveLength(1);
    expect(coreViolations('return { ...(after && { search_after: after }) };')).toHaveLength(1);
    expect(coreViolations("import { offerView } from './offer-view.ts';\nconst must = 'bool';")).toEqual([]);
  });

  it('core imports no OpenSearch, adapters or functions, and names no OpenSearch DSL', () => {
    const files = sourceFiles(join(root, 'core'));
    expect(files.length).toBeGreaterThan(20);
    const violations = files.flatMap((file) =>
      coreViolations(readFileSync(file, 'utf8')).map((v) => `${relative(root, file)}: ${v}`),
    );
    expect(violations).toEqual([]);
  });
});
