import { type BackgroundFunction, backgroundFunctions } from '../functions/background.ts';

const units: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `rate(5 minutes)` → 300000; undefined for what the local platform does not run (cron). */
export function rateMs(schedule: string): number | undefined {
  const match = /^rate\((\d+)\s+(minute|hour|day)s?\)$/.exec(schedule.trim());
  return match ? Number(match[1]) * units[match[2]!]! : undefined;
}

/**
 * The schedules of the background registry on the local platform, as EventBridge runs them in
 * AWS: each scheduled job's handler (functions/jobs/<handler>.ts) every `rate(…)`, one run at a
 * time per job, failures logged. Returns a stop function.
 */
export function runSchedules(
  registry: readonly BackgroundFunction[] = backgroundFunctions,
  log: (message: string, error?: unknown) => void = (m, e) => console.error(m, e ?? ''),
): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of registry) {
    if (!('schedule' in job.trigger)) continue;
    const every = rateMs(job.trigger.schedule);
    if (every === undefined) {
      log(`schedule ${job.trigger.schedule} of ${job.handler} is not run locally`);
      continue;
    }
    let running = false;
    const timer = setInterval(async () => {
      if (running) return;
      running = true;
      try {
        const module = (await import(`../functions/jobs/${job.handler}.ts`)) as {
          handler: () => Promise<unknown>;
        };
        await module.handler();
      } catch (error) {
        log(`scheduled job ${job.handler} failed`, error);
      } finally {
        running = false;
      }
    }, every);
    timer.unref();
    timers.push(timer);
  }
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
