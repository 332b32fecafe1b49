/**
 * All i18next resources, imported statically so every Lambda bundle carries them (no file
 * reads at cold start). Add a namespace here and in every language folder; the locale
 * completeness test fails on a key present in one language and missing in another.
 */
import enErrors from './en/errors.json' with { type: 'json' };
import enValidation from './en/validation.json' with { type: 'json' };
import koErrors from './ko/errors.json' with { type: 'json' };
import koValidation from './ko/validation.json' with { type: 'json' };
import viErrors from './vi/errors.json' with { type: 'json' };
import viValidation from './vi/validation.json' with { type: 'json' };
import zhErrors from './zh-CN/errors.json' with { type: 'json' };
import zhValidation from './zh-CN/validation.json' with { type: 'json' };

export const supportedLocales = ['en', 'vi', 'ko', 'zh-CN'] as const;
export type Locale = (typeof supportedLocales)[number];

export const namespaces = ['errors', 'validation'] as const;
export type Namespace = (typeof namespaces)[number];

export const resources = {
  en: { errors: enErrors, validation: enValidation },
  vi: { errors: viErrors, validation: viValidation },
  ko: { errors: koErrors, validation: koValidation },
  'zh-CN': { errors: zhErrors, validation: zhValidation },
} satisfies Record<Locale, Record<Namespace, Record<string, string>>>;
