import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../core/errors.ts';
import { type RouteDefinition, routeErrors, routeKey } from '../../functions/contract.ts';
import { statusOf } from '../../functions/http/status.ts';
import { openApiDocument } from '../../functions/openapi.ts';
import { routes } from '../../functions/routes.ts';
import { projectRoot } from '../../local/paths.ts';

type Operation = {
  operationId: string;
  security?: unknown[];
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: unknown;
  responses: Record<string, { 'x-error-codes'?: string[] }>;
  'x-sourcefront-auth': string;
  'x-sourcefront-idempotent': boolean;
};
const document = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>> };
const operation = (route: (typeof routes)[number]) =>
  document.paths[route.path]![route.method.toLowerCase()]!;

/** The routes OpenAPI describes: all but a greedy catch-all (`/{path+}`, API Gateway's fallback). */
const documented = routes.filter((r) => !/\{[^}]+\+\}/.test(r.path));

describe('the OpenAPI document generated from the route table', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('lists every route once (but the greedy catch-all), with its auth, idempotency and schemas', () => {
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(documented.length);
    // The storefront's and the console's 404 pages.
    expect(routes.length - documented.length).toBe(2);
    for (const route of documented) {
      const op = operation(route);
      expect(op.operationId, routeKey(route)).toBe(route.handler);
      expect(op['x-sourcefront-auth']).toBe(route.auth);
      expect(Boolean(op.security), routeKey(route)).toBe(route.auth !== 'public');
      const r: RouteDefinition = route;
      expect(op['x-sourcefront-idempotent']).toBe(r.idempotent ?? false);
      expect(op.parameters.some((p) => p.name === 'Idempotency-Key' && p.required)).toBe(
        r.idempotent ?? false,
      );
      expect(Boolean(op.requestBody), routeKey(route)).toBe(Boolean(r.request?.body));
      for (const name of route.path.match(/\{(\w+)\}/g)?.map((m) => m.slice(1, -1)) ?? []) {
        expect(op.parameters, `${routeKey(route)} {${name}}`).toContainEqual(
          expect.objectContaining({ name, in: 'path', required: true }),
        );
      }
    }
  });

  it('documents every error code a route can answer under its status', () => {
    for (const route of documented) {
      const op = operation(route);
      for (const code of routeErrors(route)) {
        expect(
          op.responses[String(statusOf(code))]?.['x-error-codes'],
          `${routeKey(route)} ${code}`,
        ).toContain(code);
      }
    }
    // Admin routes answer 401/403/429; public ones do not claim to.
    const get = operation(routes.find((r) => r.handler === 'admin-tenant-get')!);
    expect(get.responses['401']?.['x-error-codes']).toEqual(['UNAUTHORIZED']);
    expect(get.responses['403']?.['x-error-codes']).toEqual(['FORBIDDEN']);
    expect(get.responses['429']?.['x-error-codes']).toEqual(['TOO_MANY_REQUESTS']);
    expect(operation(routes.find((r) => r.handler === 'categories')!).responses['401']).toBeUndefined();
  });

  it('gives every error code a status', () => {
    for (const code of errorCodes) expect(statusOf(code), code).toBeGreaterThanOrEqual(400);
  });

  it('is committed as docs/openapi.json, kept current (npm run docs:openapi)', () => {
    const committed = JSON.parse(readFileSync(join(projectRoot, 'docs', 'openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
