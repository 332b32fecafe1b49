/**
 * Every error a person can see has a stable code (for clients and support) and a message in
 * each locale under `errors:<code>` (locales/<lng>/errors.json; the locale test fails when one
 * lacks a message). Domain code throws `DomainError(code)` with the fields it concerns; it
 * knows no HTTP: the edge (functions/http/status.ts) maps each code to a status, once.
 */
export const errorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'ROUTE_NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'TENANT_NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'REQUEST_HEADERS_TOO_LARGE',
  'TOO_MANY_REQUESTS',
  'IDEMPOTENCY_KEY_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_IN_PROGRESS',
  'SERVICE_UNAVAILABLE',
  'SEARCH_UNAVAILABLE',
  'INTERNAL',
  'FX_RATE_UNAVAILABLE',
  'FX_RATE_STALE',
  'QUANTITY_BELOW_MOQ',
  'TENANT_EXISTS',
  'DOMAIN_TAKEN',
  'DOMAIN_NOT_VERIFIED',
  'DOMAIN_RESERVED',
  'QUOTE_NOT_FOUND',
  'OFFER_NOT_FOUND',
  'QUOTE_EXPIRED',
  'QUOTE_INVALID',
  'QUOTE_LINE_UNAVAILABLE',
  'LANDED_COST_UNAVAILABLE',
  'ORDER_NOT_FOUND',
  'ORDER_TRANSITION_INVALID',
  'OUT_OF_STOCK',
  'CART_NOT_READY',
  'PAYMENT_UNAVAILABLE',
  'PAYMENT_CALLBACK_REJECTED',
  'PAYMENT_METHOD_MISMATCH',
  'PAYMENT_ALREADY_RECORDED',
  'PAYMENT_ORDER_CLOSED',
  'PAYMENT_AMOUNT_MISMATCH',
  'REFUND_EXCEEDS_PAID',
  'PRICE_CHANGED',
  'CART_FULL',
  'CART_LINE_UNAVAILABLE',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'RESET_CODE_INVALID',
  'INVITE_INVALID',
  'DRAFT_OUTDATED',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One failing field of a request: its path (`lines.0.quantity`), a rule code and the rule's values. */
export interface FieldError {
  path: string;
  rule: string;
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Interpolation values for the localized message (never secrets or internals). */
  readonly params: Record<string, unknown>;
  readonly fields: FieldError[];

  constructor(
    code: ErrorCode,
    options: { params?: Record<string, unknown>; fields?: FieldError[]; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
  }
}
