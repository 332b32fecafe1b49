/** The health of one dependency as the health endpoint reports it. */
export type ComponentHealth =
  | ({ status: 'ok'; latencyMs: number } & Record<string, unknown>)
  | { status: 'down'; reason: string; latencyMs: number };

export interface HealthReport {
  status: 'ok' | 'degraded';
  components: Record<string, ComponentHealth>;
}

/** The platform is `ok` only when every component is; otherwise `degraded`. */
export function summarizeHealth(components: Record<string, ComponentHealth>): HealthReport {
  const allOk = Object.values(components).every((c) => c.status === 'ok');
  return { status: allOk ? 'ok' : 'degraded', components };
}

/** Runs a probe with a deadline, turning any failure into a `down` component with its reason. */
export async function probe(
  check: () => Promise<Record<string, unknown>>,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<ComponentHealth> {
  const started = now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const details = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 'ok', latencyMs: now() - started, ...details };
  } catch (error) {
    return { status: 'down', reason: describeFailure(error), latencyMs: now() - started };
  } finally {
    clearTimeout(timer);
  }
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string } | undefined;
  const code = (error as { code?: string }).code ?? cause?.code;
  return code && !error.message.includes(code) ? `${error.message} (${code})` : error.message;
}
