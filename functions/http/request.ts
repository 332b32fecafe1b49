import type { Config } from '../config.ts';
import type { HttpEvent } from './types.ts';

/** Longer than any real host name (253): a longer header is cut before it is looked up. */
const MAX_HOST_LENGTH = 260;

/**
 * The site the visitor asked for. Behind CloudFront (ORIGIN_VERIFY=required) API Gateway sees
 * its own host name, so the distribution's viewer-request function copies the visitor's Host
 * into x-forwarded-host, overwriting whatever the visitor sent, and only that is trusted.
 * Elsewhere (npm start, tests) the Host header is the site and x-forwarded-host is ignored.
 */
export function siteHost(event: HttpEvent, config: Pick<Config, 'ORIGIN_VERIFY'>): string {
  const host =
    config.ORIGIN_VERIFY === 'required'
      ? event.headers['x-forwarded-host']
      : (event.headers.host ?? event.requestContext.domainName);
  return (host ?? '').slice(0, MAX_HOST_LENGTH);
}

/** The site's origin as a buyer's browser reaches it (http only on the local platform): for links in mail and pages. */
export function siteOrigin(event: HttpEvent, config: Pick<Config, 'ORIGIN_VERIFY' | 'STAGE'>): string {
  return `${config.STAGE === 'local' ? 'http' : 'https'}://${siteHost(event, config) || 'localhost'}`;
}

/**
 * The caller's address. Behind CloudFront, API Gateway's source address is CloudFront's; the
 * viewer's is the last entry CloudFront appended to X-Forwarded-For (earlier entries are
 * whatever the viewer sent, so they are not trusted).
 */
export function clientIpOf(event: HttpEvent, config: Pick<Config, 'ORIGIN_VERIFY'>): string {
  if (config.ORIGIN_VERIFY === 'required') {
    const forwarded = event.headers['x-forwarded-for']?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return event.requestContext.http.sourceIp;
}

/** A cookie's value; a malformed percent-encoding (`lang=%E0%A4%A`) reads as absent, never as an error. */
export function readCookie(event: HttpEvent, name: string): string | undefined {
  for (const c of event.cookies ?? []) {
    const [key, ...value] = c.split('=');
    if (key?.trim() !== name) continue;
    try {
      return decodeURIComponent(value.join('=').trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}
