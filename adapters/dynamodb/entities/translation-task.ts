import type { StaleTranslation } from '../../../core/catalog/translation.ts';
import { defineEntity, type TableKey } from './keys.ts';

/** A catalog translation waiting to be made (platform data: offers are the platform's). */
export const translationTask = defineEntity({
  name: 'translationTask',
  scope: 'platform',
  key: (p: { locale: string; queuedAt: string; offerId: string; field: string }) => ({
    pk: `TRANSLATE#${p.locale}`,
    sk: `${p.queuedAt}#${p.offerId}#${p.field}`,
  }),
  query: ({ locale }: { locale: string }) => ({ pk: `TRANSLATE#${locale}`, skPrefix: '' }),
  example: { locale: 'vi', queuedAt: '2026-12-01T10:00:00.000Z', offerId: 'yw-1001', field: 'title' },
});

export type TranslationTaskItem = TableKey & StaleTranslation & { offerId: string };
