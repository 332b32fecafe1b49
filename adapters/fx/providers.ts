import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FxProvider, FxRate } from '../../core/fx/rates.ts';
import { ECB_DAILY_URL, parseEcbDaily } from './ecb.ts';
import { parseVietcombank, VIETCOMBANK_URL } from './vietcombank.ts';

/** One publisher: where its document lives and how it reads. */
export interface FxSource {
  name: string;
  url: string;
  file: string;
  parse(document: string): FxRate[];
}

/** Sources in priority order: ECB for every currency it covers (cross via EUR), Vietcombank for VND. */
export const fxSources: readonly FxSource[] = [
  { name: 'ecb', url: ECB_DAILY_URL, file: 'eurofxref-daily.xml', parse: parseEcbDaily },
  { name: 'vietcombank', url: VIETCOMBANK_URL, file: 'vietcombank-exrates.xml', parse: parseVietcombank },
];

/** Reads a publisher's live document over HTTPS. */
export function httpFxProvider(source: FxSource, timeoutMs = 10_000): FxProvider {
  return {
    name: source.name,
    async fetchRates() {
      const res = await fetch(source.url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/xml, text/xml' },
      });
      if (!res.ok) throw new Error(`${source.name}: HTTP ${res.status} from ${source.url}`);
      return source.parse(await res.text());
    },
  };
}

/**
 * Reads a saved copy of a publisher's document, for runs without the internet (the local
 * platform ships copies under local/fx/). Each rate keeps the date its document states, so a
 * price quoted from an old copy says how old its rate is; the source says it was read from a
 * file (`ecb (offline copy)`). Whether an old rate may still price is the tenant's
 * `maxRateAgeHours` (the demo tenants allow the age of the shipped copies).
 */
export function fileFxProvider(source: FxSource, dir: string): FxProvider {
  return {
    name: `${source.name}-file`,
    async fetchRates() {
      const rates = source.parse(await readFile(join(dir, source.file), 'utf8'));
      return rates.map((r) => ({ ...r, source: `${r.source} (offline copy)` }));
    },
  };
}

/** The saved copies shipped with the repository, for offline local runs. */
export const bundledFxDir = fileURLToPath(new URL('../../local/fx/', import.meta.url));

/**
 * The providers a runtime uses: live publishers in AWS; locally the saved copies with their
 * own dates (see fileFxProvider).
 */
export function fxProvidersFor(kind: 'http' | 'file', dir: string = bundledFxDir): FxProvider[] {
  return kind === 'http'
    ? fxSources.map((s) => httpFxProvider(s))
    : fxSources.map((s) => fileFxProvider(s, dir));
}
