/**
 * Writes docs/feed.schema.json, the JSON Schema of one supply-feed line, generated from the
 * zod schemas the import validates with (so the published contract cannot drift from it).
 * `node scripts/feed-schema.ts` (the unit tests check the committed file is current).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feedJsonSchema } from '../core/catalog/feed.ts';
import { projectRoot } from '../local/paths.ts';

const target = join(projectRoot, 'docs', 'feed.schema.json');
writeFileSync(target, `${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
