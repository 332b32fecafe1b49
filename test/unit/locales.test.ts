import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../core/errors.ts';
import { hasKey } from '../../core/i18n/translator.ts';
import { projectRoot } from '../../local/paths.ts';
import { namespaces, resources, supportedLocales } from '../../locales/index.ts';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

/** i18next plural keys (`piece_one`, `piece_other`) count as one key whose forms vary by language. */
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const withoutPlural = (key: string) => key.replace(pluralSuffix, '');

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('locales', () => {
  it('every locale has exactly the keys of every other, in every namespace', () => {
    for (const ns of namespaces) {
      const reference = [...new Set(keysOf(resources.en[ns]).map(withoutPlural))].sort();
      for (const locale of supportedLocales) {
        const keys = [...new Set(keysOf(resources[locale][ns]).map(withoutPlural))].sort();
        expect(keys, `${locale}/${ns}.json`).toEqual(reference);
      }
    }
  });

  it('gives every plural key exactly the plural forms its language has (Intl.PluralRules)', () => {
    for (const ns of namespaces) {
      for (const locale of supportedLocales) {
        const forms = new Map<string, string[]>();
        for (const key of keysOf(resources[locale][ns])) {
          const match = pluralSuffix.exec(key);
          if (match) forms.set(withoutPlural(key), [...(forms.get(withoutPlural(key)) ?? []), match[1]!]);
        }
        const categories = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
        for (const [key, found] of forms) {
          expect(found.sort(), `${locale}/${ns}.json: ${key}`).toEqual(categories);
        }
      }
    }
  });

  it('has a message in every locale for every error code', () => {
    for (const code of errorCodes) {
      for (const locale of supportedLocales)
        expect(hasKey(`errors:${code}`, locale), `${locale}: ${code}`).toBe(true);
    }
  });

  it('defines every `ns:key` translation key that the code uses', () => {
    const used = new Set<string>();
    const keyPattern = new RegExp(`\\bt\\(\\s*['\`]((?:${namespaces.join('|')}):[\\w.]+)['\`]`, 'g');
    for (const dir of ['core', 'functions', 'storefront', 'adapters', 'local']) {
      for (const file of sourceFiles(join(projectRoot, dir))) {
        for (const match of readFileSync(file, 'utf8').matchAll(keyPattern))
          used.add(`${match[1]}|${relative(projectRoot, file)}`);
      }
    }
    for (const entry of used) {
      const [key, file] = entry.split('|');
      expect(hasKey(key!), `${key} used in ${file}`).toBe(true);
    }
  });
});
