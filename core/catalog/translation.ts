import { createHash } from 'node:crypto';
import type { Locale } from '../../locales/index.ts';
import { type LocalizedText, type Offer, translationLocales } from './model.ts';

/** The digest a translation records of the zh-CN source it was made from. */
export function sourceDigest(source: string): string {
  return createHash('sha256').update(source.normalize('NFC'), 'utf8').digest('hex').slice(0, 16);
}

/** Text shown to a reader: the translation in their locale when there is one, else the Chinese source. */
export interface ShownText {
  text: string;
  /** The language `text` is in. */
  lang: Locale;
  /** The translation was made from an older version of the source: shown, but flagged. */
  stale: boolean;
  /** A tenant's own wording for its site. */
  overridden: boolean;
}

export function showText(
  value: LocalizedText,
  locale: Locale,
  override?: Partial<Record<string, string>>,
): ShownText {
  const own = override?.[locale];
  if (own !== undefined) return { text: own, lang: locale, stale: false, overridden: true };
  if (locale !== 'zh-CN') {
    const translation = value.translations[locale];
    if (translation)
      return {
        text: translation.text,
        lang: locale,
        stale: translation.sourceDigest !== sourceDigest(value.source),
        overridden: false,
      };
  }
  return { text: value.source, lang: 'zh-CN', stale: false, overridden: false };
}

/** One translation that no longer matches its source, to be queued for re-translation. */
export interface StaleTranslation {
  field: string;
  locale: (typeof translationLocales)[number];
  sourceDigest: string;
}

/** Every translated field of an offer whose translation is missing or was made from another source. */
export function staleTranslations(offer: Offer): StaleTranslation[] {
  const fields: [string, LocalizedText][] = [
    ['title', offer.title],
    ...offer.attributes.map((a): [string, LocalizedText] => [`attributes.${a.key}`, a.value]),
  ];
  const out: StaleTranslation[] = [];
  for (const [field, value] of fields) {
    const digest = sourceDigest(value.source);
    for (const locale of translationLocales) {
      const translation = value.translations[locale];
      if (!translation || translation.sourceDigest !== digest)
        out.push({ field, locale, sourceDigest: digest });
    }
  }
  return out;
}
