import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPoller {
  /** Resolves once every record written before the call has been handed to the handler (tests, bench). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The event-source mapping of the local platform: reads DynamoDB Local's stream of a table and
 * drives a stream handler with Lambda's event shape, in batches of `batchSize`. Like the
 * mapping with `ReportBatchItemFailures`, a batch's reported failure is retried from the first
 * failed record (with bisect-like patience: the records before it are not handed over again);
 * a record that keeps failing is retried after `retryDelayMs` up to `maxRetries` times, then
 * logged and skipped (the AWS mapping sends it to the on-failure destination).
 */
export async function startStreamPoller(options: {
  dynamo: DynamoDBClient;
  endpoint: string;
  region: string;
  tableName: string;
  batchSize: number;
  handler: StreamHandler;
  pollMs?: number;
  retryDelayMs?: number;
  maxRetries?: number;
  log?: (message: string, data?: unknown) => void;
}): Promise<StreamPoller> {
  const { Table } = await options.dynamo.send(new DescribeTableCommand({ TableName: options.tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${options.tableName} has no stream`);
  const streams = new DynamoDBStreamsClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const pollMs = options.pollMs ?? 100;
  const log = options.log ?? ((message, data) => console.warn(message, data ?? ''));
  const iterators = new Map<string, string | undefined>();
  const finished = new Set<string>();
  let stopped = false;
  let idleWaiters: (() => void)[] = [];

  async function discoverShards(): Promise<void> {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const id = shard.ShardId!;
        if (iterators.has(id) || finished.has(id)) continue;
        // Children start after their parent is read to its end, so records keep their order.
        if (shard.ParentShardId && iterators.has(shard.ParentShardId)) continue;
        const { ShardIterator } = await streams.send(
          new GetShardIteratorCommand({
            StreamArn: streamArn,
            ShardId: id,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        );
        iterators.set(id, ShardIterator);
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  const toLambda = (record: _Record): DynamoDBRecord =>
    ({
      ...record,
      eventSourceARN: streamArn,
      eventSource: 'aws:dynamodb',
    }) as unknown as DynamoDBRecord;

  async function deliver(records: _Record[]): Promise<void> {
    for (let i = 0; i < records.length; ) {
      const batch = records.slice(i, i + options.batchSize).map(toLambda);
      let retries = 0;
      for (;;) {
        let failedFrom = -1;
        try {
          const response = await options.handler({ Records: batch });
          const failures = new Set(response?.batchItemFailures?.map((f) => f.itemIdentifier) ?? []);
          failedFrom = batch.findIndex((r) => failures.has(r.dynamodb?.SequenceNumber ?? ''));
        } catch (error) {
          log('stream handler threw; the batch is retried', error);
          failedFrom = 0;
        }
        if (failedFrom < 0) break;
        batch.splice(0, failedFrom);
        if (++retries > (options.maxRetries ?? 8)) {
          log('stream record failed every retry: skipped', batch[0]?.dynamodb?.SequenceNumber);
          batch.shift();
          retries = 0;
          if (batch.length === 0) break;
        }
        await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 500));
        if (stopped) return;
      }
      i += options.batchSize;
    }
  }

  let lastDiscovery = 0;
  async function loop(): Promise<void> {
    while (!stopped) {
      let got = 0;
      try {
        if (Date.now() - lastDiscovery > 2000 || iterators.size === 0) {
          await discoverShards();
          lastDiscovery = Date.now();
        }
        for (const [shardId, iterator] of iterators) {
          if (!iterator) {
            iterators.delete(shardId);
            finished.add(shardId);
            continue;
          }
          const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
          iterators.set(shardId, page.NextShardIterator);
          const records = page.Records ?? [];
          got += records.length;
          if (records.length > 0) await deliver(records);
        }
      } catch (error) {
        if (!stopped) log('stream poller: read failed, retrying', error);
      }
      if (got === 0) {
        const waiters = idleWaiters;
        idleWaiters = [];
        for (const w of waiters) w();
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    }
  }
  const running = loop();

  return {
    drain: () =>
      new Promise<void>((resolve) => {
        // Two idle rounds: the first may have started before the caller's write.
        let rounds = 0;
        const wait = () => {
          if (++rounds >= 2) resolve();
          else idleWaiters.push(wait);
        };
        idleWaiters.push(wait);
      }),
    async stop() {
      stopped = true;
      for (const w of idleWaiters) w();
      await running;
      streams.destroy();
    },
  };
}
