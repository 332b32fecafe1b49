import { implement } from '../http/route.ts';
import { openApiDocument } from '../openapi.ts';

const document = JSON.stringify(openApiDocument());

/** GET /api/v1/openapi.json: the contract, generated from the route table once per container. */
export const handler = implement('openapi', async () => ({
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  text: document,
}));
