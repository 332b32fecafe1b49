import i18next, { type TFunction } from 'i18next';
import { type Locale, namespaces, type ResourceTree, resources } from '../../locales/index.ts';

const instance = i18next.createInstance();
// Resources are bundled, so init completes synchronously.
void instance.init({
  resources,
  fallbackLng: 'en',
  ns: [...namespaces],
  defaultNS: 'errors',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

/** A translator bound to one locale; the HTML layer escapes, so values are not escaped here. */
export function translatorFor(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

/** True when some locale defines `ns:key` (used by the test that checks keys used in code). */
export function hasKey(key: string, locale: Locale = 'en'): boolean {
  return instance.exists(key, { lng: locale, fallbackLng: false });
}

/**
 * Adds a namespace that only one runtime needs (the console's `console` and `console-launch`),
 * so the other functions' bundles do not carry its strings. Idempotent; call at module load,
 * before the first translation.
 */
export function addNamespace(ns: string, bundles: Record<Locale, ResourceTree>): void {
  for (const [locale, bundle] of Object.entries(bundles)) {
    if (!instance.hasResourceBundle(locale, ns)) instance.addResourceBundle(locale, ns, bundle, true, true);
  }
}
