import * as z from 'zod';
import { type Offer, offerSchema } from './model.ts';

/**
 * The supply feed: JSON Lines, one offer per line (docs/feed.md, docs/feed.schema.json).
 * A line either parses into an offer or is rejected with a reason a person can act on.
 */
export type ParsedLine = { ok: true; offer: Offer } | { ok: false; reason: string };

const MAX_LINE_BYTES = 256 * 1024;

export function parseFeedLine(line: string): ParsedLine {
  if (Buffer.byteLength(line) > MAX_LINE_BYTES)
    return { ok: false, reason: `line longer than ${MAX_LINE_BYTES} bytes` };
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  const result = offerSchema.safeParse(json);
  if (result.success) return { ok: true, offer: result.data };
  const reason = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`)
    .join('; ');
  return { ok: false, reason };
}

/** JSON Schema (draft 2020-12) of one feed line, as a producer writes it. */
export function feedJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(offerSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://sourcefront.example/schemas/feed-line.schema.json',
    title: 'Sourcefront supply feed line (one offer)',
    description:
      'One JSON object per line (JSON Lines, UTF-8). Money in integer CNY fen; weights in grams; dimensions in millimetres. Tier ladder quantities strictly increase, unit prices never rise, and the first band starts at moq.',
  };
}
