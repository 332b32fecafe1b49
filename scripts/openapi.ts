/**
 * `npm run docs:openapi`: writes docs/openapi.json, the OpenAPI 3.1 document generated from the
 * route table (the same document GET /api/v1/openapi.json serves), and
 * docs/supply-protocol.openapi.json, the supply protocol generated from core/handoff/protocol.ts.
 * A unit test fails when a committed copy is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { supplyProtocolDocument } from '../core/handoff/protocol-document.ts';
import { openApiDocument } from '../functions/openapi.ts';
import { projectRoot } from '../local/paths.ts';

const file = join(projectRoot, 'docs', 'openapi.json');
const document = openApiDocument();
writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
console.log(`docs/openapi.json: ${Object.keys(document.paths as object).length} paths written`);

const protocol = supplyProtocolDocument();
writeFileSync(
  join(projectRoot, 'docs', 'supply-protocol.openapi.json'),
  `${JSON.stringify(protocol, null, 2)}\n`,
);
console.log('docs/supply-protocol.openapi.json written');
