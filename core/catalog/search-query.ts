import * as z from 'zod';
import type { Locale } from '../../locales/index.ts';
import type { Curation } from '../tenants/tenant.ts';
import { catalogIdSchema } from './model.ts';
import type { OfferSearchCriteria, PriceRangeFen } from './search.ts';
import { badges, belts, isCategory } from './taxonomy.ts';

/**
 * What a buyer may ask of search, in domain terms: the query-string schemas of
 * GET /api/v1/search and /search/suggest, the sort orders, and the cursor (a position in a
 * sort order). How an engine is asked is the search adapter's business (core/catalog/search.ts).
 */

export const sorts = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type Sort = (typeof sorts)[number];

/**
 * Where an offer stands in each sort order: the keys it is ordered by, ending with its id so
 * that pages never repeat or skip an offer.
 * - relevance: [score, createdAt (epoch ms), offerId] — best score first, then newest;
 * - price_asc / price_desc: [lowest price in CNY fen, offerId];
 * - newest: [createdAt (epoch ms), offerId].
 */
const score = z.number().min(0).max(1e9);
const epochMs = z.int().min(0).max(8_640_000_000_000_000);
const fenKey = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
export const positionSchemas = {
  relevance: z.tuple([score, epochMs, catalogIdSchema]),
  price_asc: z.tuple([fenKey, catalogIdSchema]),
  price_desc: z.tuple([fenKey, catalogIdSchema]),
  newest: z.tuple([epochMs, catalogIdSchema]),
} as const satisfies Record<Sort, z.ZodType>;
export type SearchPosition = z.infer<(typeof positionSchemas)[Sort]>;

/** Longest cursor we hand out is about 180 characters (a 64-character offer id). */
export const MAX_CURSOR_LENGTH = 256;

/** Cursors are opaque to the client: base64url JSON of the position, bound to its sort. */
export function encodeCursor(sort: Sort, after: SearchPosition): string {
  return Buffer.from(JSON.stringify({ s: sort, a: after })).toString('base64url');
}

/** The position a cursor holds, or undefined when it was not made by us for this sort. */
export function decodeCursor(cursor: string, sort: Sort): SearchPosition | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || (value as { s?: unknown }).s !== sort) return undefined;
  const position = positionSchemas[sort].safeParse((value as { a?: unknown }).a);
  return position.success ? position.data : undefined;
}

const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(10));

/** What a buyer may ask for (query string of GET /api/v1/search). Prices are integer minor
 * units of the tenant's currency (VND đồng, KRW won). */
export const searchParamsSchema = z
  .object({
    q: z.string().trim().max(200).default(''),
    category: z.string().refine(isCategory, 'unknown category').optional(),
    priceMin: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    priceMax: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    moqMax: z.coerce.number().int().min(1).max(10_000_000).optional(),
    badges: csv(z.enum(badges)).optional(),
    belt: z.enum(belts).optional(),
    sort: z.enum(sorts).default('relevance'),
    cursor: z.string().max(MAX_CURSOR_LENGTH).optional(),
    size: z.coerce.number().int().min(1).max(50).default(20),
  })
  .superRefine((p, ctx) => {
    if (p.priceMin !== undefined && p.priceMax !== undefined && p.priceMin > p.priceMax)
      ctx.addIssue({ code: 'custom', path: ['priceMax'], message: 'below priceMin' });
    const cursor = p.cursor;
    if (
      cursor !== undefined &&
      cursor.length <= MAX_CURSOR_LENGTH &&
      decodeCursor(cursor, p.sort) === undefined
    )
      ctx.addIssue({ code: 'custom', path: ['cursor'], message: 'invalid cursor' });
  });
export type SearchParams = z.infer<typeof searchParamsSchema>;

export const suggestParamsSchema = z.object({
  q: z.string().trim().min(1).max(100),
  size: z.coerce.number().int().min(1).max(10).default(8),
});

/** The buyer's parameters as search criteria, under the tenant's curation. */
export function searchCriteria(
  params: SearchParams,
  context: {
    locale: Locale;
    curation: Curation;
    /** The buyer's local price bounds converted to CNY fen (PriceBook.cnyBounds). */
    priceFen: { minFen?: number; maxFen?: number };
    priceRanges: PriceRangeFen[];
  },
): OfferSearchCriteria {
  const after = params.cursor ? decodeCursor(params.cursor, params.sort) : undefined;
  return {
    text: params.q,
    locale: context.locale,
    curation: context.curation,
    filters: {
      ...(params.category && { category: params.category }),
      ...(params.belt && { belt: params.belt }),
      badges: params.badges ?? [],
      ...(params.moqMax !== undefined && { moqMax: params.moqMax }),
      priceFen: context.priceFen,
    },
    priceRanges: context.priceRanges,
    sort: params.sort,
    ...(after && { after }),
    size: params.size,
  };
}
