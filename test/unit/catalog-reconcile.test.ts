import { describe, expect, it } from 'vitest';
import { differences } from '../../core/catalog/reconcile.ts';

describe('differences between the offer store and the index (offline)', () => {
  it('sorts each offer into missing, behind, ahead or orphaned; equal versions are in step', () => {
    const stored = new Map([
      ['same', 3],
      ['missing', 1],
      ['behind', 5],
      ['ahead', 2],
    ]);
    const indexed = new Map([
      ['same', 3],
      ['behind', 4],
      ['ahead', 7],
      ['orphan', 1],
    ]);
    expect(differences(stored, indexed)).toEqual({
      missing: ['missing'],
      behind: ['behind'],
      ahead: ['ahead'],
      orphaned: ['orphan'],
    });
    expect(differences(stored, new Map(stored))).toEqual({
      missing: [],
      behind: [],
      ahead: [],
      orphaned: [],
    });
  });
});
