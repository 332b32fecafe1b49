import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DomainError } from '../../core/errors.ts';
import type { Services } from '../composition.ts';
import type { RouteDefinition } from '../contract.ts';
import type { HttpEvent, HttpResult, LambdaContext } from './types.ts';

const KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;
/** How long a key is remembered: a client retrying a day later still gets the first answer. */
const REMEMBER_SECONDS = 24 * 3600;

/** The `Idempotency-Key` an idempotent route requires: 400 when it is missing or malformed. */
export function idempotencyKeyOf(event: HttpEvent): string {
  const key = event.headers['idempotency-key'];
  if (!key) throw new DomainError('IDEMPOTENCY_KEY_REQUIRED');
  if (!KEY_PATTERN.test(key)) {
    throw new DomainError('VALIDATION_FAILED', {
      fields: [
        { path: 'headers.idempotency-key', rule: 'invalid_format', params: { format: 'idempotency-key' } },
      ],
    });
  }
  return key;
}

/**
 * Powertools' idempotency around one request: the first call with a key records it in progress
 * (expiring with the function's deadline), runs, and stores the answer; a retry with the same
 * key and the same request replays that answer; the same key with another request body is
 * refused (422), and one arriving while the first still runs gets 409. A request that fails is
 * not remembered, so it can be retried. Records are kept per site (their keys start with it).
 */
export async function runIdempotent(
  services: Services,
  call: {
    scope: string | undefined;
    route: RouteDefinition;
    key: string;
    event: HttpEvent;
    context: LambdaContext;
    respond: () => Promise<HttpResult>;
  },
): Promise<HttpResult> {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'request',
    expiresAfterSeconds: REMEMBER_SECONDS,
    throwOnNoIdempotencyKey: true,
  });
  config.registerLambdaContext(call.context);
  const run = makeIdempotent(async (_request: { key: string; request: unknown }) => call.respond(), {
    persistenceStore: services.idempotencyStore(call.scope),
    config,
    keyPrefix: call.route.handler,
  });
  try {
    return await run({
      key: call.key,
      request: {
        query: call.event.rawQueryString,
        params: call.event.pathParameters ?? {},
        body: call.event.body ?? '',
      },
    });
  } catch (error) {
    if (error instanceof IdempotencyValidationError)
      throw new DomainError('IDEMPOTENCY_KEY_REUSED', { cause: error });
    if (error instanceof IdempotencyAlreadyInProgressError)
      throw new DomainError('IDEMPOTENCY_IN_PROGRESS', { cause: error });
    throw error;
  }
}
