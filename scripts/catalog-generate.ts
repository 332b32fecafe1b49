/**
 * `npm run catalog:generate -- --offers 100000 --seed 42 [--out file.jsonl|-]`
 * Writes a deterministic, realistic supply feed (JSON Lines). Default output:
 * .local/feeds/offers-seed<seed>-<n>.jsonl (git-ignored).
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../local/paths.ts';
import { writeGeneratedFeed } from '../local/seed/generator/feed-writer.ts';

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string' },
  },
});
const offers = Number(values.offers);
const seed = Number(values.seed);
if (!Number.isInteger(offers) || offers < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('usage: catalog:generate -- --offers <n ≥ 1> --seed <integer ≥ 0> [--out <file>|-]');
  process.exit(2);
}
const out = values.out ?? join(projectRoot, '.local', 'feeds', `offers-seed${seed}-${offers}.jsonl`);
const started = Date.now();
if (out === '-') {
  await writeGeneratedFeed(process.stdout, { offers, seed });
} else {
  mkdirSync(dirname(out), { recursive: true });
  await writeGeneratedFeed(createWriteStream(out), { offers, seed });
  console.error(
    `wrote ${offers} offers (seed ${seed}) to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
