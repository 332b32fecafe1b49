/** One changed leaf of a config: its dotted path and the values before and after (absent = undefined). */
export interface ConfigChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What changed between two versions of a config, for the audit record. Objects are compared
 * key by key; arrays and scalars as whole values (a reordered domain list is a change).
 */
export function diffConfig(before: unknown, after: unknown, prefix = ''): ConfigChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffConfig(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  return [
    {
      path: prefix || '(root)',
      ...(before !== undefined && { from: before }),
      ...(after !== undefined && { to: after }),
    },
  ];
}
