import { DomainError } from '../../core/errors.ts';

/** What opensearch-js throws when the node cannot be reached or does not answer in time. */
const unreachable = new Set([
  'ConnectionError',
  'TimeoutError',
  'NoLivingConnectionsError',
  'RequestAbortedError',
]);
/** Statuses the node answers when it is overloaded or not ready (queue full, no shard available). */
const unavailableStatuses = new Set([429, 502, 503, 504]);

/**
 * Turns "search is not there" (the node down, unreachable, too slow, overloaded) into
 * `SEARCH_UNAVAILABLE`, a temporary failure the buyer can retry; anything else (a request the
 * node refuses, which is our bug) stays as it is, an internal error.
 */
export function searchFailure(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const status = (error as { meta?: { statusCode?: number } }).meta?.statusCode;
  if (unreachable.has(error.name) || (error.name === 'ResponseError' && unavailableStatuses.has(status ?? 0)))
    return new DomainError('SEARCH_UNAVAILABLE', { cause: error });
  return error;
}
