import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { generateOffer } from './generate.ts';

/** Writes `offers` generated offers as JSON Lines, honouring back-pressure; ends the stream
 * unless it is stdout. */
export async function writeGeneratedFeed(
  stream: Writable,
  options: { offers: number; seed: number; start?: number },
): Promise<void> {
  const start = options.start ?? 0;
  for (let i = start; i < start + options.offers; i++) {
    if (!stream.write(`${JSON.stringify(generateOffer(options.seed, i))}\n`)) await once(stream, 'drain');
  }
  if (stream === process.stdout) return;
  stream.end();
  await once(stream, 'finish');
}
