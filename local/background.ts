import type { DynamoDBStreamEvent } from 'aws-lambda';
import { type BackgroundFunction, backgroundFunctions } from '../functions/background.ts';
import type { Services } from '../functions/composition.ts';
import { projectRoot } from './paths.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';

/** `rate(5 minutes)` → 300000; other expressions (cron) are not run locally. */
export function rateMs(expression: string): number | undefined {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (!match) return undefined;
  const unit = match[2]!.startsWith('minute')
    ? 60_000
    : match[2]!.startsWith('hour')
      ? 3_600_000
      : 86_400_000;
  return Number(match[1]) * unit;
}

export interface LocalBackground {
  /** Resolves once the stream consumers have handled everything written so far. */
  drain(): Promise<void>;
  /** Runs a scheduled job now (tests, `npm run handoff:replay`). */
  run(handler: string): Promise<unknown>;
  stop(): Promise<void>;
}

type JobModule = { handler: (event?: unknown) => Promise<unknown> };
const load = (handler: string) => import(`${projectRoot}/functions/jobs/${handler}.ts`) as Promise<JobModule>;

/**
 * The background registry played locally, as the gateway plays the route table: each
 * `tableStream` entry gets a stream poller over DynamoDB Local driving its handler, each
 * `schedule` entry an interval (`scheduleMs` shortens them all, for tests). The handlers are
 * the very modules Lambda runs.
 */
export async function startBackground(
  services: Services,
  options: {
    scheduleMs?: Partial<Record<string, number>>;
    only?: readonly string[];
    streamRetryDelayMs?: number;
  } = {},
): Promise<LocalBackground> {
  const entries = backgroundFunctions.filter((b) => !options.only || options.only.includes(b.handler));
  const pollers: StreamPoller[] = [];
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    running.add(p);
    p.finally(() => running.delete(p)).catch(() => {});
    return p;
  };
  for (const entry of entries as readonly BackgroundFunction[]) {
    const mod = await load(entry.handler);
    if ('tableStream' in entry.trigger) {
      pollers.push(
        await startStreamPoller({
          dynamo: services.dynamo,
          endpoint: services.config.DYNAMODB_ENDPOINT ?? '',
          region: services.config.AWS_REGION,
          tableName: services.config.TABLE_NAME,
          batchSize: entry.trigger.tableStream.batchSize,
          handler: (event: DynamoDBStreamEvent) => mod.handler(event) as never,
          ...(options.streamRetryDelayMs !== undefined && { retryDelayMs: options.streamRetryDelayMs }),
        }),
      );
    } else {
      const every = options.scheduleMs?.[entry.handler] ?? rateMs(entry.trigger.schedule);
      if (!every) continue;
      let busy = false;
      timers.push(
        setInterval(() => {
          if (busy) return;
          busy = true;
          track(mod.handler())
            .catch((error) => console.error(`job ${entry.handler} failed:`, error))
            .finally(() => {
              busy = false;
            });
        }, every),
      );
    }
  }
  return {
    async drain() {
      await Promise.all(pollers.map((p) => p.drain()));
    },
    async run(handler) {
      return (await load(handler)).handler();
    },
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all(pollers.map((p) => p.stop()));
      await Promise.allSettled([...running]);
    },
  };
}
