import * as z from 'zod';
import { tenantPath } from '../../console/context.ts';
import { backQuery } from '../../console/pages/translations.ts';
import type { WordingEdit } from '../../core/catalog/overrides.ts';
import type { Locale } from '../../locales/index.ts';
import { implement } from '../http/route.ts';
import type { HttpEvent } from '../http/types.ts';
import { consoleForm, consolePage, formValue, orFormAgain, principalOf, seeOther } from './console-kit.ts';
import { listQuery, translationsView, wordings } from './console-translations-kit.ts';

/** A wording's input name: `<field>.<locale>` (`title.vi`, `attributes.material.ko`). */
const WORDING = /^(title|attributes\.[a-z_]{2,30})\.(en|vi|ko|zh-CN)$/;

/** The form: `back` (the list's query to return to) and one text per field and locale (empty = remove). */
const wordingForm = z.object({ back: z.string().max(600).default('') }).catchall(z.string().max(2000));

/** The list's query that `back` holds (q, stale, cursor only: never another place). */
function backOf(back: string) {
  const params = new URLSearchParams(back);
  return listQuery({
    q: (params.get('q') ?? '').slice(0, 200),
    stale: params.get('stale') ?? '',
    cursor: (params.get('cursor') ?? '').slice(0, 256),
  });
}

/** What was typed, to show a refused form again as it was (an unreadable body shows nothing). */
function typedOf(event: HttpEvent): Record<string, string> {
  const body = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  const out: Record<string, string> = {};
  for (const [name, text] of new URLSearchParams(body)) if (WORDING.test(name)) out[name] = text;
  return out;
}

/**
 * POST /tenants/{tenantId}/translations/{offerId}: saves the partner's wording of one offer
 * (core/catalog/overrides.ts `edit`, audited), then 303 back to the list; refused input shows
 * the list again with the offer's field errors and what was typed, and changes nothing.
 */
export const handler = implement('console-translations-save', async (input) => {
  const ctx = await consolePage(input);
  const tenant = ctx.tenant;
  if (!tenant) throw new Error('console-translations-save: no tenant in view');
  const principal = principalOf(input);
  const { offerId } = input.params;
  const query = backOf(formValue(input.event, 'back') ?? '');
  const typed = typedOf(input.event);
  return orFormAgain(
    ctx,
    async () => {
      const { value } = consoleForm(input, wordingForm);
      const edits: WordingEdit[] = [];
      for (const [name, text] of Object.entries(value)) {
        const match = WORDING.exec(name);
        if (match && typeof text === 'string')
          edits.push({ field: match[1]!, locale: match[2] as Locale, text });
      }
      await wordings(input.services).overrides.edit(principal, tenant.id, offerId, edits);
      const params = new URLSearchParams(backQuery(query));
      params.set('saved', offerId);
      return seeOther(`${tenantPath(tenant.id, '/translations')}?${params}#offer-${offerId}`);
    },
    (problem) =>
      translationsView(input.services, ctx, principal, tenant, query, {
        problem: { offerId, message: problem.message, fields: problem.fields, typed },
      }),
  );
});
