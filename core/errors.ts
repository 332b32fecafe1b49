/**
 * Every error a person can see has a stable code (for clients and support), an HTTP status
 * and a message in each locale under `errors:<code>` (locales/<lng>/errors.json). Domain code
 * throws `DomainError`; one mapper at the HTTP edge turns it into a response. A code not in
 * this catalog cannot be thrown, and the locale test fails when one lacks a message.
 */
export const errorCatalog = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  TENANT_NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  SERVICE_UNAVAILABLE: 503,
  SEARCH_UNAVAILABLE: 503,
  INTERNAL: 500,
  FX_RATE_UNAVAILABLE: 503,
  FX_RATE_STALE: 503,
  QUANTITY_BELOW_MOQ: 400,
  TENANT_EXISTS: 409,
  DOMAIN_TAKEN: 409,
  QUOTE_NOT_FOUND: 404,
  OFFER_NOT_FOUND: 404,
  QUOTE_EXPIRED: 410,
  QUOTE_INVALID: 400,
  QUOTE_LINE_UNAVAILABLE: 400,
  LANDED_COST_UNAVAILABLE: 400,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorCatalog;

/** One failing field of a request: its path (`lines.0.quantity`), a rule code and the rule's values. */
export interface FieldError {
  path: string;
  rule: string;
  params?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
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
    this.status = errorCatalog[code];
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
  }
}
