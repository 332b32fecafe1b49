import { implement } from '../http/route.ts';
import { openApiDocument } from '../openapi.ts';

let document: string | undefined;

/** GET /api/v1/openapi.json: the contract, generated from the route table on first request (not at cold start). */
export const handler = implement('openapi', async () => {
  document ??= JSON.stringify(openApiDocument());
  return {
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
    text: document,
  };
});
