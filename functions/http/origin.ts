import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../core/errors.ts';
import type { Services } from '../composition.ts';
import { ORIGIN_VERIFY_HEADER, ORIGIN_VERIFY_KEY } from '../secrets.ts';
import { clientIpOf } from './request.ts';
import type { HttpEvent } from './types.ts';

function sameSecret(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Deployed, only CloudFront reaches the API: it adds the origin-verify header with the region's
 * secret (current or, during a rotation, previous). Anything else — a caller who found the
 * execute-api endpoint — gets 403 and never reaches a tenant lookup. Returns the caller's address.
 */
export async function verifyOrigin(event: HttpEvent, services: Services): Promise<string> {
  const { config, secrets } = services;
  if (config.ORIGIN_VERIFY === 'required') {
    const presented = event.headers[ORIGIN_VERIFY_HEADER] ?? '';
    const accepted = await secrets.versions(ORIGIN_VERIFY_KEY);
    if (!accepted.some((value) => sameSecret(presented, value))) throw new DomainError('FORBIDDEN');
  }
  return clientIpOf(event, config);
}
