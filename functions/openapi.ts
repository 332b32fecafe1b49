import * as z from 'zod';
import type { ErrorCode } from '../core/errors.ts';
import { type RouteDefinition, routeErrors } from './contract.ts';
import { statusOf } from './http/status.ts';
import { routes } from './routes.ts';
import { errorBody } from './schemas/views.ts';

/**
 * The OpenAPI 3.1 document of the API, generated from the route table: every route with its
 * auth, tenant rule, idempotency, request and response schemas (JSON Schema 2020-12, which
 * OpenAPI 3.1 uses as is) and every error code it can answer, grouped by status. Served at
 * GET /api/v1/openapi.json; docs/openapi.json is a copy a test keeps current.
 */
type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const securityOf: Record<RouteDefinition['auth'], Record<string, string[]>[] | undefined> = {
  public: undefined,
  shopper: [{}, { buyerSession: [] }],
  buyer: [{ buyerSession: [] }],
  'tenant-admin': [{ adminKey: [] }],
  operator: [{ adminKey: [] }],
  'supply-signature': [{ supplySignature: [] }],
  console: [{ consoleSession: [] }],
};

const authText: Record<RouteDefinition['auth'], string> = {
  public: 'Anyone.',
  shopper:
    "Anyone on the Host's site: a visitor (the `sf_visitor` cookie, set on first use) and, with a valid `sf_session` cookie, the signed-in buyer.",
  buyer: "A signed-in buyer of the Host's site.",
  'tenant-admin':
    'The operator key, or an API key of the tenant named by `{tenantId}` (403 for any other tenant).',
  operator: 'The operator key only.',
  'supply-signature':
    'A supply-side message: `x-sourcefront-timestamp` (Unix seconds, ±300 s) and `x-sourcefront-signature: v1=<hex HMAC-SHA256 of "timestamp.body">`.',
  console:
    "A console user signed in on the console's host (the `sc_session` cookie) with one of the route's roles; a `{tenantId}` in the path must be the user's tenant (operators: any).",
};

const tenantText: Record<RouteDefinition['tenant'], string> = {
  required:
    "The site is resolved from the Host (behind CloudFront, the viewer's Host); an unknown site gets 404 TENANT_NOT_FOUND.",
  optional: 'The site is resolved from the Host when it names one.',
  none: 'Not site-specific.',
};

function parametersOf(route: RouteDefinition): JsonSchema[] {
  const parameters: JsonSchema[] = [];
  for (const where of ['path', 'query'] as const) {
    const schema = where === 'path' ? route.request?.params : route.request?.query;
    if (!schema) continue;
    const json = toSchema(schema, 'input') as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      parameters.push({
        name,
        in: where,
        required: where === 'path' || (json.required ?? []).includes(name),
        schema: property,
      });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: true,
      description:
        'A retry with the same key and body replays the first answer; another body under the key gets 422.',
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,128}$' },
    });
  }
  parameters.push({
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description:
      "The answer's language within the site's locales (`?lang=` and the `lang` cookie come first).",
    schema: { type: 'string', maxLength: 200 },
  });
  return parameters;
}

function errorResponses(codes: readonly ErrorCode[], route: RouteDefinition): Record<string, JsonSchema> {
  // An HTML page's 404 and 5xx are the site's own error page (the JSON error where no site answers).
  const htmlPage = route.kind === 'page' && route.response.contentType === 'text/html';
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: group.join(', '),
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/Error' } },
        ...(htmlPage && (status === 404 || status >= 500) && { 'text/html': { schema: { type: 'string' } } }),
      },
      'x-error-codes': group,
    };
  }
  return responses;
}

function operationOf(route: RouteDefinition): JsonSchema {
  const { response } = route;
  const success = response.body
    ? { 'application/json': { schema: toSchema(response.body, 'output') } }
    : {
        [response.contentType ?? 'application/json']: {
          schema: response.contentType === 'application/json' ? { type: 'object' } : { type: 'string' },
        },
      };
  const body = route.request?.body;
  return {
    operationId: route.handler,
    summary: route.summary,
    description: [`**Who may call:** ${authText[route.auth]}`, `**Site:** ${tenantText[route.tenant]}`].join(
      '\n\n',
    ),
    tags: [route.fn],
    ...(securityOf[route.auth] && { security: securityOf[route.auth] }),
    parameters: parametersOf(route),
    ...(body && {
      requestBody: { required: true, content: { 'application/json': { schema: toSchema(body, 'input') } } },
    }),
    responses: {
      [String(response.status)]: { description: 'Success', content: success },
      ...Object.fromEntries(
        (response.also ?? []).map((status) => [
          String(status),
          { description: 'Answered with the same body', content: success },
        ]),
      ),
      ...errorResponses(routeErrors(route), route),
    },
    'x-sourcefront-auth': route.auth,
    'x-sourcefront-tenant': route.tenant,
    'x-sourcefront-kind': route.kind,
    'x-sourcefront-idempotent': route.idempotent ?? false,
  };
}

export function openApiDocument(table: readonly RouteDefinition[] = routes): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of table) {
    // A greedy catch-all (`/{path+}`: the storefront's 404 page for any other path) is API
    // Gateway's fallback, not an operation OpenAPI can describe (it has no such parameter).
    if (/\{[^}]+\+\}/.test(route.path)) continue;
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sourcefront API',
      version: '1',
      description:
        'The storefront, checkout and partner admin API of a Sourcefront region. Every error body is `{"error": {"code", "message", "fields"?, "requestId"}}` with the message in the request\'s language; each operation lists the codes it can answer under their status.',
    },
    servers: [
      {
        url: 'http://localhost:3000',
        description: 'npm start (site from the Host: vn.localhost, kr.localhost, my.localhost)',
      },
    ],
    paths,
    components: {
      schemas: { Error: toSchema(errorBody, 'output') },
      securitySchemes: {
        adminKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'The operator key or a tenant API key (`sfk.<tenant>.<id>.<secret>`).',
        },
        buyerSession: { type: 'apiKey', in: 'cookie', name: 'sf_session' },
        consoleSession: { type: 'apiKey', in: 'cookie', name: 'sc_session' },
        supplySignature: { type: 'apiKey', in: 'header', name: 'x-sourcefront-signature' },
      },
    },
  };
}
