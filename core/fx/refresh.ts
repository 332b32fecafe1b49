import { type FxProvider, type FxRateStore, mergeRates } from './rates.ts';

export interface RefreshReport {
  updated: string[];
  unchanged: string[];
  failures: { provider: string; message: string }[];
}

/**
 * One refresh: asks every provider (in priority order), merges their rates (the first provider
 * that publishes a currency wins) and saves them. A failing provider does not stop the others;
 * it is reported, and the caller decides whether that is an alarm.
 */
export async function refreshRates(
  providers: readonly FxProvider[],
  store: Pick<FxRateStore, 'saveAll'>,
  now: () => Date = () => new Date(),
): Promise<RefreshReport> {
  const results = await Promise.allSettled(providers.map((p) => p.fetchRates()));
  const failures: RefreshReport['failures'] = [];
  const sets = results.flatMap((result, i) => {
    if (result.status === 'fulfilled') return [result.value];
    failures.push({ provider: providers[i]!.name, message: String(result.reason?.message ?? result.reason) });
    return [];
  });
  const saved = await store.saveAll(mergeRates(sets), now());
  return { ...saved, failures };
}
