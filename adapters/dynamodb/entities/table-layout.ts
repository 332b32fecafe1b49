import { defineEntity, type TableKey } from './keys.ts';

/**
 * The key layout version the table's items were written in (one item, platform data). The
 * local platform reads it on start and migrates a table written in an older layout
 * (adapters/dynamodb/bootstrap.ts).
 */
export const tableLayout = defineEntity({
  name: 'tableLayout',
  scope: 'platform',
  key: (_: Record<string, never>) => ({ pk: 'TABLE', sk: 'LAYOUT' }),
  example: {},
});

export interface TableLayoutItem extends TableKey {
  layoutVersion: number;
  migratedAt?: string;
}
