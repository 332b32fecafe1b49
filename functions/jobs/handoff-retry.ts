import { services } from '../composition.ts';

/** Scheduled: every PO whose next delivery attempt is due gets it (backoff and dead letters in core/handoff). */
export async function handler(): Promise<{ attempted: number }> {
  return { attempted: await services().handoff.retryDue() };
}
