import { Resolver } from 'node:dns/promises';
import { type CheckFinding, type DomainCheck, TXT_RECORD_PREFIX } from '../../core/tenants/domains.ts';

/** What the check needs of a resolver: `dns.promises.Resolver` (pointed at any servers). */
export type TxtResolver = Pick<Resolver, 'resolveTxt'>;

/** Answers that mean "there is no such record", as opposed to a lookup that failed. */
const absent = new Set(['ENOTFOUND', 'ENODATA', 'NXDOMAIN']);

/**
 * Proof by DNS: a TXT record `_sourcefront-verify.<domain>` whose text is the tenant's token
 * for that domain. Long TXT values come in 255-byte strings; they are joined before comparing.
 */
export function dnsTxtCheck(resolver: TxtResolver = new Resolver({ timeout: 3_000, tries: 2 })): DomainCheck {
  return {
    async check(host, token): Promise<CheckFinding> {
      let records: string[][];
      try {
        records = await resolver.resolveTxt(`${TXT_RECORD_PREFIX}.${host}`);
      } catch (error) {
        const code = String((error as { code?: unknown }).code ?? 'EUNKNOWN');
        return absent.has(code) ? { result: 'no_record' } : { result: 'lookup_failed', code };
      }
      if (records.length === 0) return { result: 'no_record' };
      return records.some((chunks) => chunks.join('').trim() === token)
        ? { result: 'matched' }
        : { result: 'wrong_value', found: records.length };
    },
  };
}
