import type { Locale } from '../../locales/index.ts';

/** Parses an Accept-Language header into language tags, best first (RFC 9110 quality values). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0 && !Number.isNaN(l.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((l) => l.tag);
}

/** Matches a requested tag to one of `available`: exact (case-insensitive), then by language. */
export function matchLocale<T extends string>(requested: string, available: readonly T[]): T | undefined {
  const wanted = requested.toLowerCase();
  const exact = available.find((a) => a.toLowerCase() === wanted);
  if (exact) return exact;
  const language = wanted.split('-')[0];
  return available.find((a) => a.toLowerCase().split('-')[0] === language);
}

/**
 * The locale a response is written in: an explicit choice first (query or cookie), then the
 * browser's Accept-Language, then the default; always one of `available`.
 */
export function negotiateLocale(input: {
  explicit?: string | undefined;
  acceptLanguage?: string | undefined;
  available: readonly Locale[];
  fallback: Locale;
}): Locale {
  const candidates = [
    ...(input.explicit ? [input.explicit] : []),
    ...parseAcceptLanguage(input.acceptLanguage),
  ];
  for (const candidate of candidates) {
    const match = matchLocale(candidate, input.available);
    if (match) return match;
  }
  return input.available.includes(input.fallback) ? input.fallback : (input.available[0] ?? 'en');
}
