import * as z from 'zod';
import {
  poCancellationSchema,
  poIdSchema,
  poStateSchema,
  protocolErrorSchema,
  purchaseOrderSchema,
  supplyEventSchema,
} from './protocol.ts';
import { SIGNATURE_HEADER, SIGNATURE_TOLERANCE_SECONDS, TIMESTAMP_HEADER } from './signature.ts';

/**
 * The supply protocol as an OpenAPI 3.1 document, generated from core/handoff/protocol.ts: the
 * two operations a supply endpoint implements and, under `webhooks`, the event it sends back to
 * the platform. docs/supply-protocol.openapi.json is a copy `npm run docs:openapi` writes and a
 * test keeps current.
 */
type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });

const signatureHeaders = [
  {
    name: TIMESTAMP_HEADER,
    in: 'header',
    required: true,
    description: `Unix seconds when the message was signed; refused when more than ${SIGNATURE_TOLERANCE_SECONDS} s away from the receiver's clock.`,
    schema: { type: 'string', pattern: '^\\d{1,12}$' },
  },
  {
    name: SIGNATURE_HEADER,
    in: 'header',
    required: true,
    description:
      '`v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">` with the endpoint\'s key; several comma-separated during a key rotation (the receiver accepts the current and the previous key).',
    schema: { type: 'string' },
  },
];

const errors = {
  '400': { description: 'The body is not a valid purchase order', content: json('ProtocolError') },
  '401': {
    description: 'Missing, stale or wrong signature (nothing was read)',
    content: json('ProtocolError'),
  },
  '503': {
    description: 'Unavailable now: the platform retries with backoff',
    content: json('ProtocolError'),
  },
};

export function supplyProtocolDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sourcefront supply protocol',
      version: '1',
      description:
        'What a supply-side integration (a 1688 cross-border relay, a sourcing agent, a factory ERP) implements to receive Sourcefront purchase orders in CNY and report their journey. Every request in either direction is signed (see the signature headers); see docs/supply-protocol.md.',
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The sandbox supplier of `npm start`' }],
    paths: {
      '/v1/purchase-orders': {
        post: {
          operationId: 'createPurchaseOrder',
          summary: 'Receive one purchase order. Idempotent by poId: a repeat gets the first answer.',
          parameters: signatureHeaders,
          requestBody: { required: true, content: json('PurchaseOrder') },
          responses: {
            '201': { description: 'Received for the first time', content: json('PoState') },
            '200': {
              description: 'Already received: the same PO, its current state',
              content: json('PoState'),
            },
            '409': {
              description: 'The poId is known with another body (never sent by the platform)',
              content: json('ProtocolError'),
            },
            ...errors,
          },
        },
      },
      '/v1/purchase-orders/{poId}': {
        get: {
          operationId: 'getPurchaseOrder',
          summary: "A PO's current state and every event sent for it (the platform re-reads when in doubt)",
          parameters: [
            ...signatureHeaders.map((h) => ({
              ...h,
              description: `${h.description} The body signed is empty.`,
            })),
            { name: 'poId', in: 'path', required: true, schema: toSchema(poIdSchema, 'input') },
          ],
          responses: {
            '200': { description: 'The PO', content: json('PoState') },
            '404': { description: 'No such PO', content: json('ProtocolError') },
            ...errors,
          },
        },
      },
      '/v1/purchase-orders/{poId}/cancellation': {
        post: {
          operationId: 'cancelPurchaseOrder',
          summary:
            'Withdraw a PO whose order was cancelled or refunded. Withdrawn (status cancelled) while nothing has left the supplier; once a parcel has shipped, answer the status reached (it cannot be recalled). Idempotent.',
          parameters: [
            ...signatureHeaders,
            { name: 'poId', in: 'path', required: true, schema: toSchema(poIdSchema, 'input') },
          ],
          requestBody: { required: true, content: json('PoCancellation') },
          responses: {
            '200': { description: "The PO's state after the request", content: json('PoState') },
            '404': {
              description: 'No such PO (never received: nothing to withdraw)',
              content: json('ProtocolError'),
            },
            ...errors,
          },
        },
      },
    },
    webhooks: {
      supplyEvent: {
        post: {
          operationId: 'supplyEvent',
          summary:
            'An event of one PO, sent to the platform at POST /api/v1/supply/webhooks. Repeats (same eventId) are ignored; events apply by occurredAt and never move a PO backwards.',
          parameters: signatureHeaders,
          requestBody: { required: true, content: json('SupplyEvent') },
          responses: {
            '200': { description: 'Applied, or recognised as a repeat or a stale event' },
            '401': { description: 'Missing, stale or wrong signature' },
          },
        },
      },
    },
    components: {
      schemas: {
        PurchaseOrder: toSchema(purchaseOrderSchema, 'input'),
        PoState: toSchema(poStateSchema, 'output'),
        PoCancellation: toSchema(poCancellationSchema, 'input'),
        SupplyEvent: toSchema(supplyEventSchema, 'input'),
        ProtocolError: toSchema(protocolErrorSchema, 'output'),
      },
    },
  };
}
