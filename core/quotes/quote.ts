import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { Offer } from '../catalog/model.ts';
import { DomainError, type FieldError } from '../errors.ts';
import { divRound } from '../money/decimal.ts';
import { priceLines, unitPriceFor } from '../pricing/lines.ts';
import type { PriceBook, PriceBooks, PriceTier } from '../pricing/price-book.ts';
import { withinCuration } from '../tenants/curation.ts';
import type { Tenant } from '../tenants/tenant.ts';
import { sign, verify } from './signing.ts';

export const quoteRequestSchema = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        offerId: z.string().min(1).max(64),
        skuId: z.string().min(1).max(64),
        quantity: z.int().min(1).max(1_000_000),
      }),
    )
    .min(1)
    .max(50),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

/** What a quote freezes; this exact object is signed. Amounts in minor units of `currency`. */
export const quoteSchema = z.object({
  v: z.literal(1),
  quoteId: z.string(),
  tenantId: z.string(),
  currency: z.string(),
  lines: z.array(
    z.object({
      offerId: z.string(),
      skuId: z.string(),
      quantity: z.int(),
      unitMinor: z.int(),
      totalMinor: z.int(),
      /** The CNY unit price (fen) of the band the line was priced at: what the PO will pay. */
      cnyUnitFen: z.int(),
    }),
  ),
  subtotalMinor: z.int(),
  fx: z.object({ rate: z.string(), asOf: z.string(), source: z.string() }),
  markupBps: z.int(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type Quote = z.infer<typeof quoteSchema>;

/**
 * What the signed token carries: only what the buyer is shown. The token is readable by whoever
 * holds it (base64url), so the supplier's CNY cost and the partner's markup stay in the stored
 * quote, which `verify` answers with.
 */
export const quoteTokenSchema = quoteSchema.omit({ markupBps: true }).extend({
  lines: z.array(quoteSchema.shape.lines.element.omit({ cnyUnitFen: true })),
});

function tokenPayload(quote: Quote): z.infer<typeof quoteTokenSchema> {
  const { markupBps: _markupBps, lines, ...visible } = quote;
  return { ...visible, lines: lines.map(({ cnyUnitFen: _cnyUnitFen, ...line }) => line) };
}

export interface StoredQuote {
  quote: Quote;
  token: string;
}

/** Where quotes are kept until they expire (adapters/dynamodb/quote-store.ts). */
export interface QuoteStore {
  save(stored: StoredQuote): Promise<void>;
  get(tenantId: string, quoteId: string): Promise<StoredQuote | undefined>;
}

export interface OfferSource {
  get(offerId: string): Promise<Offer | undefined>;
}

export interface QuoteDeps {
  offers: OfferSource;
  priceBooks: PriceBooks;
  store: QuoteStore;
  /** The key new quotes are signed with. */
  signingKey: () => Promise<string>;
  /** The keys a token may be signed with: the current one and, during a rotation, the previous. */
  verifyingKeys: () => Promise<string[]>;
  ttlSeconds: number;
  now?: () => Date;
  newId?: () => string;
}

/**
 * A SKU's CNY tier ladder: the offer's bands scaled to the SKU's own first-band price, so a
 * dearer variant keeps the same volume discounts (integer fen, halves rounded up). Scaling
 * keeps a non-increasing ladder non-increasing.
 */
export function skuLadderFen(offer: Pick<Offer, 'priceTiers'>, skuPriceFen: number): PriceTier<number>[] {
  const first = offer.priceTiers[0]!.unitPriceFen;
  return offer.priceTiers.map((t) => ({
    minQuantity: t.minQuantity,
    unitPrice: Number(divRound(BigInt(t.unitPriceFen) * BigInt(skuPriceFen), BigInt(first), 'nearest')),
  }));
}

/**
 * Prices quote lines for one tenant with one PriceBook: every line must name an offer the
 * tenant sells and one of its SKUs, within stock; each offer's lines together must reach its
 * MOQ. All problems are reported at once, by field (paths as in the request body, like the
 * route's own validation), and nothing is priced when any exists.
 */
export function priceQuoteLines(
  tenant: Pick<Tenant, 'curation'>,
  offers: ReadonlyMap<string, Offer | undefined>,
  request: QuoteRequest,
  book: Pick<PriceBook, 'convertLadder'>,
) {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const perOffer = new Map<string, number>();
  request.lines.forEach((line, i) => {
    const offer = offers.get(line.offerId);
    if (!offer || !withinCuration(offer, tenant)) {
      problems.push({ path: `body.lines.${i}.offerId`, rule: 'not_offered' });
      return;
    }
    const sku = offer.skus.find((s) => s.skuId === line.skuId);
    if (!sku) {
      problems.push({ path: `body.lines.${i}.skuId`, rule: 'not_offered' });
      return;
    }
    const key = `${line.offerId}\u0000${line.skuId}`;
    if (seen.has(key)) problems.push({ path: `body.lines.${i}`, rule: 'duplicate' });
    seen.add(key);
    if (line.quantity > sku.stock) {
      problems.push({
        path: `body.lines.${i}.quantity`,
        rule: 'exceeds_stock',
        params: { stock: sku.stock },
      });
    }
    perOffer.set(line.offerId, (perOffer.get(line.offerId) ?? 0) + line.quantity);
  });
  if (problems.length > 0) throw new DomainError('QUOTE_LINE_UNAVAILABLE', { fields: problems });

  const cnyLadders = request.lines.map((line) => {
    const offer = offers.get(line.offerId)!;
    return skuLadderFen(offer, offer.skus.find((s) => s.skuId === line.skuId)!.priceFen);
  });
  const priced = priceLines(
    request.lines.map((line, i) => {
      const offer = offers.get(line.offerId)!;
      return {
        path: `body.lines.${i}.quantity`,
        quantity: line.quantity,
        bandQuantity: perOffer.get(line.offerId)!,
        moq: offer.moq,
        ladder: book
          .convertLadder(cnyLadders[i]!)
          .map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice.amountMinor })),
      };
    }),
  );
  return {
    subtotalMinor: priced.subtotalMinor,
    lines: priced.lines.map((p, i) => {
      const line = request.lines[i]!;
      const band = perOffer.get(line.offerId)!;
      const cnyUnitFen = unitPriceFor(cnyLadders[i]!, band)!;
      return {
        offerId: line.offerId,
        skuId: line.skuId,
        quantity: p.quantity,
        unitMinor: p.unitMinor,
        totalMinor: p.totalMinor,
        cnyUnitFen,
      };
    }),
  };
}

/** Loads the offers a request names and prices its lines with the tenant's PriceBook (nothing stored). */
export async function priceRequest(
  deps: Pick<QuoteDeps, 'offers' | 'priceBooks'>,
  tenant: Tenant,
  locale: string,
  request: QuoteRequest,
) {
  const book = await deps.priceBooks.forTenant(tenant, locale);
  const ids = [...new Set(request.lines.map((l) => l.offerId))];
  const offers = new Map(await Promise.all(ids.map(async (id) => [id, await deps.offers.get(id)] as const)));
  return { book, offers, priced: priceQuoteLines(tenant, offers, request, book) };
}

export function quoteService(deps: QuoteDeps) {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => `q_${randomUUID().replaceAll('-', '')}`);

  return {
    /** Prices the lines server-side, freezes rate and prices, signs and stores the quote. */
    async create(tenant: Tenant, locale: string, request: QuoteRequest) {
      const { book, priced } = await priceRequest(deps, tenant, locale, request);
      const createdAt = now();
      const quote: Quote = {
        v: 1,
        quoteId: newId(),
        tenantId: tenant.id,
        currency: book.currency,
        lines: priced.lines,
        subtotalMinor: priced.subtotalMinor,
        fx: book.fx,
        markupBps: tenant.pricing.markupBps,
        createdAt: createdAt.toISOString(),
        expiresAt: new Date(createdAt.getTime() + deps.ttlSeconds * 1000).toISOString(),
      };
      const token = sign(tokenPayload(quote), await deps.signingKey());
      await deps.store.save({ quote, token });
      return { quote, token, book };
    },

    /**
     * The quote a token stands for, when it is genuine (signature and stored copy match), was
     * issued by this tenant and has not expired. Altered or foreign → QUOTE_INVALID; past its
     * expiry → QUOTE_EXPIRED; never issued → QUOTE_NOT_FOUND.
     */
    async verify(tenantId: string, token: string): Promise<Quote> {
      // A quote signed just before a key rotation stays valid until it expires.
      const keys = await deps.verifyingKeys();
      const payload = keys.map((key) => verify(token, key)).find((p) => p !== undefined);
      const parsed = quoteTokenSchema.safeParse(payload);
      if (!parsed.success || parsed.data.tenantId !== tenantId) throw new DomainError('QUOTE_INVALID');
      const { expiresAt, quoteId } = parsed.data;
      if (Date.parse(expiresAt) <= now().getTime()) {
        throw new DomainError('QUOTE_EXPIRED', { params: { expiresAt: new Date(expiresAt) } });
      }
      const stored = await deps.store.get(tenantId, quoteId);
      if (!stored) throw new DomainError('QUOTE_NOT_FOUND');
      if (stored.token !== token) throw new DomainError('QUOTE_INVALID');
      return stored.quote;
    },
  };
}
