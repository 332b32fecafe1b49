import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
type Key = Record<string, unknown>;

const MAX_WRITE = 25;
const MAX_GET = 100;
const MAX_ATTEMPTS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential backoff with full jitter, capped at 2 s. */
const backoff = (attempt: number) => sleep(Math.random() * Math.min(2000, 25 * 2 ** attempt));

/**
 * Runs a DynamoDB call, retrying server-side faults (throttling, DynamoDB Local's "timed out
 * waiting for a lock") with backoff beyond the SDK's own few attempts; client errors throw.
 */
export async function retrying<T>(call: () => Promise<T>, attempts = MAX_ATTEMPTS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const fault = (error as { $fault?: string; name?: string }) ?? {};
      const retryable = fault.$fault === 'server' || fault.name === 'ThrottlingException';
      if (!retryable || attempt + 1 >= attempts) throw error;
      await backoff(attempt + 1);
    }
  }
}

async function inParallel<T>(
  items: T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await run(items[next++]!);
  });
  await Promise.all(workers);
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Writes every request in BatchWriteItem calls of 25, resending UnprocessedItems with backoff
 * until none are left (throws after MAX_ATTEMPTS, so nothing is dropped silently).
 */
export async function batchWriteAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
  concurrency = 4,
): Promise<void> {
  await inParallel(chunk(requests, MAX_WRITE), concurrency, async (batch) => {
    let pending: WriteRequest[] = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`BatchWriteItem: ${pending.length} items still unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const { UnprocessedItems } = await retrying(() =>
        db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } })),
      );
      pending = UnprocessedItems?.[tableName] ?? [];
    }
  });
}

/** Reads every key in BatchGetItem calls of 100, resending UnprocessedKeys with backoff. */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
  projection?: { expression: string; names: Record<string, string> },
  concurrency = 4,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  await inParallel(chunk(keys, MAX_GET), concurrency, async (batch) => {
    let pending: Key[] = batch;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem: ${pending.length} keys still unprocessed`);
      if (attempt > 0) await backoff(attempt);
      const request: BatchGetCommandInput['RequestItems'] = {
        [tableName]: {
          Keys: pending,
          ...(projection && {
            ProjectionExpression: projection.expression,
            ExpressionAttributeNames: projection.names,
          }),
        },
      };
      const { Responses, UnprocessedKeys } = await retrying(() =>
        db.send(new BatchGetCommand({ RequestItems: request })),
      );
      found.push(...(Responses?.[tableName] ?? []));
      pending = (UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
    }
  });
  return found;
}

export { chunk, inParallel };
