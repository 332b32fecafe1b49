import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKey } from '../../core/i18n/translator.ts';
import { projectRoot } from '../../local/paths.ts';
import { consoleLaunchResources } from '../../locales/console-launch.ts';
import { supportedLocales } from '../../locales/index.ts';

/**
 * The `console-launch` namespace is registered by the console runtime only (locales/console-launch.ts),
 * so the shared locale test does not see it: the same checks, for it.
 */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const keys = (locale: (typeof supportedLocales)[number]) => Object.keys(consoleLaunchResources[locale]);

describe('console-launch strings', () => {
  it('has the same keys in every language, with exactly the plural forms each language has', () => {
    const reference = [...new Set(keys('en').map((k) => k.replace(pluralSuffix, '')))].sort();
    for (const locale of supportedLocales) {
      expect([...new Set(keys(locale).map((k) => k.replace(pluralSuffix, '')))].sort(), locale).toEqual(
        reference,
      );
      const forms = new Map<string, string[]>();
      for (const key of keys(locale)) {
        const m = pluralSuffix.exec(key);
        if (m)
          forms.set(key.replace(pluralSuffix, ''), [
            ...(forms.get(key.replace(pluralSuffix, '')) ?? []),
            m[1]!,
          ]);
      }
      const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      for (const [key, found] of forms) expect(found.sort(), `${locale}: ${key}`).toEqual(categories);
    }
  });

  it('defines every console-launch key the code names literally', () => {
    const files = [
      ...readdirSync(join(projectRoot, 'console/launch')).map((f) => `console/launch/${f}`),
      ...readdirSync(join(projectRoot, 'functions/handlers'))
        .filter((f) => f.startsWith('console-launch'))
        .map((f) => `functions/handlers/${f}`),
      'core/tenants/preview.ts',
      'console/nav.ts',
    ];
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(join(projectRoot, file), 'utf8');
      for (const m of text.matchAll(/['`]console-launch:([\w.]+)['`]/g)) used.add(m[1]!);
      // The pages' own helper: k(t, 'key').
      for (const m of text.matchAll(/\bk\(\s*t,\s*'([\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(hasKey(`console-launch:${key}`), key).toBe(true);
  });
});
