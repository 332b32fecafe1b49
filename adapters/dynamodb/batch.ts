import {
  BatchGetCommand,
  type BatchGetCommandInput,
  BatchWriteCommand,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';

type WriteRequest = NonNullable<BatchWriteCommandInput['RequestItems']>[string][number];
type Key = Record<string, unknown>;

const MAX_WRITE = 25;
const MAX_GET = 100;

/**
 * Unprocessed items and keys. A BatchWriteItem or BatchGetItem call that succeeds may still
 * hand some items back (`UnprocessedItems` / `UnprocessedKeys`: the partition was busy or the
 * response full). That is not a failed call, so the SDK's retry policy (adapters/sdk-retry.ts)
 * does not resend them: these helpers do, as AWS recommends, with exponential backoff and
 * full jitter, at most UNPROCESSED_ROUNDS times (at most about 5 s of waiting in all);
 * then they throw, naming how many are left, so nothing is dropped silently.
 */
export const UNPROCESSED_ROUNDS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Exponential backoff with full jitter, capped at 2 s. */
export const backoff = (round: number) => sleep(Math.random() * Math.min(2000, 25 * 2 ** round));

export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs `run` over `items`, at most `concurrency` at a time (p-limit). */
export async function forEachLimited<T>(
  items: T[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  const limit = pLimit(concurrency);
  await Promise.all(items.map((item) => limit(() => run(item))));
}

/** Writes every request in BatchWriteItem calls of 25, resending unprocessed items (see above). */
export async function batchWriteAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
  concurrency = 4,
): Promise<void> {
  await forEachLimited(chunk(requests, MAX_WRITE), concurrency, async (batch) => {
    let pending: WriteRequest[] = batch;
    for (let round = 0; pending.length > 0; round++) {
      if (round >= UNPROCESSED_ROUNDS)
        throw new Error(`BatchWriteItem: ${pending.length} items still unprocessed after ${round} rounds`);
      if (round > 0) await backoff(round);
      const { UnprocessedItems } = await db.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
      );
      pending = UnprocessedItems?.[tableName] ?? [];
    }
  });
}

/** Reads every key in BatchGetItem calls of 100, resending unprocessed keys (see above). */
export async function batchGetAll(
  db: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
  projection?: { expression: string; names: Record<string, string> },
  concurrency = 4,
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  await forEachLimited(chunk(keys, MAX_GET), concurrency, async (batch) => {
    let pending: Key[] = batch;
    for (let round = 0; pending.length > 0; round++) {
      if (round >= UNPROCESSED_ROUNDS)
        throw new Error(`BatchGetItem: ${pending.length} keys still unprocessed after ${round} rounds`);
      if (round > 0) await backoff(round);
      const request: BatchGetCommandInput['RequestItems'] = {
        [tableName]: {
          Keys: pending,
          ...(projection && {
            ProjectionExpression: projection.expression,
            ExpressionAttributeNames: projection.names,
          }),
        },
      };
      const { Responses, UnprocessedKeys } = await db.send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(Responses?.[tableName] ?? []));
      pending = (UnprocessedKeys?.[tableName]?.Keys as Key[] | undefined) ?? [];
    }
  });
  return found;
}
