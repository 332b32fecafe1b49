/**
 * `npm run handoff:replay [-- --api <url>] [poId …]`: lists the parked purchase orders (dead
 * letters) and sends them again through the operator admin API (each once: the supply side is
 * idempotent by PO id). Against `npm start` by default; for a region pass its API URL and the
 * operator key in OPERATOR_API_KEY.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OPERATOR_API_KEY } from '../functions/secrets.ts';
import { secretsDir } from '../local/paths.ts';

const { values, positionals } = parseArgs({
  options: {
    api: { type: 'string', default: 'http://127.0.0.1:3000' },
    list: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
const key =
  process.env.OPERATOR_API_KEY ??
  (await readFile(join(process.env.SECRETS_DIR ?? secretsDir, OPERATOR_API_KEY), 'utf8')).trim();
const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
const api = values.api!.replace(/\/$/, '');

const listed = await fetch(`${api}/api/v1/admin/supply/dead-letters`, { headers });
if (!listed.ok) {
  console.error(`Listing dead letters failed: ${listed.status} ${await listed.text()}`);
  process.exit(1);
}
const { deadLetters } = (await listed.json()) as {
  deadLetters: { poId: string; tenantId: string; attempts: number; lastError?: string; parkedAt?: string }[];
};
const chosen = positionals.length > 0 ? deadLetters.filter((d) => positionals.includes(d.poId)) : deadLetters;
for (const d of chosen)
  console.log(`${d.poId}  ${d.tenantId}  ${d.attempts} attempts  parked ${d.parkedAt}  ${d.lastError ?? ''}`);
if (values.list || chosen.length === 0) {
  console.log(`${chosen.length} dead letter(s).`);
  process.exit(0);
}
const replay = await fetch(`${api}/api/v1/admin/supply/dead-letters/replay`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ poIds: chosen.map((d) => d.poId) }),
});
if (!replay.ok) {
  console.error(`Replay failed: ${replay.status} ${await replay.text()}`);
  process.exit(1);
}
const { replayed } = (await replay.json()) as { replayed: { poId: string; state: string }[] };
for (const r of replayed) console.log(`${r.poId}  → ${r.state}`);
const delivered = replayed.filter((r) => r.state === 'delivered').length;
console.log(`${delivered} of ${replayed.length} delivered; the rest wait in the retry queue.`);
