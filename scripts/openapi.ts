/**
 * `npm run docs:openapi`: writes docs/openapi.json, the OpenAPI 3.1 document generated from the
 * route table (the same document GET /api/v1/openapi.json serves). A unit test fails when the
 * committed copy is out of date.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../functions/openapi.ts';
import { projectRoot } from '../local/paths.ts';

const file = join(projectRoot, 'docs', 'openapi.json');
const document = openApiDocument();
writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
console.log(`docs/openapi.json: ${Object.keys(document.paths as object).length} paths written`);
