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

/**
 * How many messages each locale's translator keeps. A page asks for the same messages again and
 * again (an offer page: ~85 lookups of ~20 messages, "in stock: N" once per SKU and form), and
 * i18next spends 10–50 µs on each (option handling, regexes, garbage for the collector): a CPU
 * profile of the offer page had i18next at about a third of its render. Every message a key and
 * its values produce is the same until the bundles change (they are bundled; `addNamespace`
 * empties the caches), so a lookup is kept, the oldest going first past this bound.
 */
const CACHED_MESSAGES = 5_000;

const translators = new Map<Locale, TFunction>();
const caches = new Set<Map<string, string>>();

/**
 * The cache key of a lookup: the key and its values, or undefined for a lookup whose result
 * may not be a string or whose values do not serialise faithfully (functions, nested objects,
 * `returnObjects`), which goes straight to i18next.
 */
function lookupId(key: unknown, options: unknown): string | undefined {
  const keyText = typeof key === 'string' ? key : Array.isArray(key) ? JSON.stringify(key) : undefined;
  if (keyText === undefined) return undefined;
  if (options === undefined) return keyText;
  if (typeof options === 'string') return `${keyText}\u0000${JSON.stringify(options)}`;
  if (typeof options !== 'object' || options === null) return undefined;
  let id = keyText;
  for (const [name, value] of Object.entries(options)) {
    if (name === 'returnObjects' || name === 'returnDetails') return undefined;
    const type = typeof value;
    // Strings as JSON (control characters escaped), so no value can pass for another's.
    if (type === 'string') id += `\u0000${name}\u0002${JSON.stringify(value)}`;
    else if (type === 'number' || type === 'boolean') id += `\u0000${name}\u0002${type[0]}${value}`;
    else if (value instanceof Date) id += `\u0000${name}\u0002d${value.getTime()}`;
    else if (value !== undefined) return undefined;
  }
  return id;
}

/** i18next's translator for one locale with its lookups kept (see CACHED_MESSAGES). */
function memoized(t: TFunction): TFunction {
  const cache = new Map<string, string>();
  caches.add(cache);
  const call = t as unknown as (...args: unknown[]) => unknown;
  const lookup = (...args: unknown[]): unknown => {
    const [key, options] = args;
    const id = args.length > 2 ? undefined : lookupId(key, options);
    if (id === undefined) return call(...args);
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const message = call(key, options);
    if (typeof message !== 'string') return message;
    if (cache.size >= CACHED_MESSAGES) cache.delete(cache.keys().next().value!);
    cache.set(id, message);
    return message;
  };
  const { lng, ns, keyPrefix } = t as unknown as Record<string, unknown>;
  return Object.assign(lookup, { lng, ns, keyPrefix }) as unknown as TFunction;
}

/**
 * A translator bound to one locale (one per locale, built once); the HTML layer escapes, so
 * values are not escaped here.
 */
export function translatorFor(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = memoized(instance.getFixedT(locale));
    translators.set(locale, t);
  }
  return t;
}

/** i18next's own translator for one locale, without the kept lookups (the benches' A/B). */
export function uncachedTranslatorFor(locale: Locale): TFunction {
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
  // A lookup made before the namespace came (its key shown as missing) must not outlive it.
  for (const cache of caches) cache.clear();
}
