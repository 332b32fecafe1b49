import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offerOverride } from '../../adapters/dynamodb/entities/offer-override.ts';
import { offerOverrideLimits, offerOverrideSchema, translationLocales } from '../../core/catalog/model.ts';

/** DynamoDB's item size: attribute names and values in UTF-8 (a close upper bound for strings and maps). */
const itemBytes = (item: unknown) => Buffer.byteLength(JSON.stringify(item), 'utf8');

/** Three letters naming field `i` (attribute keys are `[a-z_]`). */
const letters = (i: number) =>
  [676, 26, 1].map((d) => String.fromCharCode(97 + (Math.floor(i / d) % 26))).join('');

/** The largest override the schema lets through: every field, every locale, the longest text, 3-byte characters. */
function largestOverride(fields: number) {
  const locales = [...translationLocales, 'zh-CN'];
  return {
    fields: Object.fromEntries(
      Array.from({ length: fields }, (_, i) => [
        `attributes.${'x'.repeat(27)}${letters(i)}`,
        Object.fromEntries(locales.map((l) => [l, '锅'.repeat(offerOverrideLimits.textLength)])),
      ]),
    ),
  };
}

describe('offer override limits keep the item below DynamoDB’s 400 KB', () => {
  it('the largest override the schema accepts is under 400 KB as an item, with room to spare', () => {
    const override = offerOverrideSchema.parse(largestOverride(offerOverrideLimits.fields));
    const item = {
      ...offerOverride.key({ tenantId: 'a'.repeat(31), offerId: 'b'.repeat(64) }),
      offerId: 'b'.repeat(64),
      override,
    };
    expect(itemBytes(item)).toBeLessThan(0.8 * 400 * 1024);
  });

  it('one field more is refused at `fields` with the rule too_many_fields', () => {
    const result = offerOverrideSchema.safeParse(largestOverride(offerOverrideLimits.fields + 1));
    expect(result.success).toBe(false);
    expect(
      result.error?.issues.map((i) => ({
        path: i.path.join('.'),
        params: (i as { params?: unknown }).params,
      })),
    ).toEqual([{ path: 'fields', params: { rule: 'too_many_fields' } }]);
  });

  it('each locale’s too_many_fields message states the limit the schema enforces', () => {
    for (const locale of ['en', 'vi', 'ko', 'zh-CN']) {
      const messages = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../locales/${locale}/validation.json`), 'utf8'),
      );
      expect(messages.too_many_fields, locale).toContain(String(offerOverrideLimits.fields));
    }
  });
});
