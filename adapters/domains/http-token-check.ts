import { lookup as systemLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { type CheckFinding, type DomainCheck, HTTP_TOKEN_PATH } from '../../core/tenants/domains.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}
/** Host → addresses; the system resolver by default, injectable (tests point names at 127.0.0.1). */
export type AddressLookup = (host: string) => Promise<ResolvedAddress[]>;

export interface HttpTokenCheckOptions {
  lookup?: AddressLookup;
  /** Off by default: a domain that resolves to loopback, private or link-local space is not fetched. */
  allowPrivateAddresses?: boolean;
  /** The port plain-HTTP requests go to (80; tests use their server's). */
  httpPort?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  maxRedirects?: number;
}

/** Where the platform must never send a request on a tenant's behalf (RFC 6890 special-purpose space). */
const nonPublic = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['::ffff:0:0', 96],
  ['64:ff9b::', 96],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  nonPublic.addSubnet(net, prefix, 'ipv6');

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

const defaultLookup: AddressLookup = (host) => systemLookup(host, { all: true, verbatim: true });

class Finding extends Error {
  readonly finding: CheckFinding;
  constructor(finding: CheckFinding) {
    super(finding.result);
    this.finding = finding;
  }
}

/**
 * Proof by HTTP: `http://<domain>/.well-known/sourcefront-verification` answers 200 with the
 * tenant's token as its body. The connection goes to the address that was checked (no second
 * lookup a DNS rebinding could answer differently), redirects are followed only on the same
 * host (http → https is fine), the body is read up to a few hundred bytes, and the whole check
 * has one deadline. What the domain answered is never echoed back, only what kind of answer
 * it was: the check must not become a way to read other servers.
 */
export function httpTokenCheck(options: HttpTokenCheckOptions = {}): DomainCheck {
  const {
    lookup = defaultLookup,
    allowPrivateAddresses = false,
    httpPort = 80,
    timeoutMs = 5_000,
    maxBodyBytes = 512,
    maxRedirects = 3,
  } = options;

  async function pinnedAddress(host: string): Promise<ResolvedAddress> {
    let addresses: ResolvedAddress[];
    try {
      addresses = await lookup(host);
    } catch (error) {
      throw new Finding({
        result: 'lookup_failed',
        code: String((error as { code?: unknown }).code ?? 'EUNKNOWN'),
      });
    }
    if (addresses.length === 0) throw new Finding({ result: 'lookup_failed', code: 'ENODATA' });
    const usable = addresses.find((a) => allowPrivateAddresses || isPublicAddress(a.address));
    if (!usable) throw new Finding({ result: 'forbidden_address' });
    return usable;
  }

  function get(url: URL, address: ResolvedAddress, signal: AbortSignal): Promise<IncomingMessage> {
    const pinned: LookupFunction = (_hostname, opts, callback) => {
      if ((opts as { all?: boolean }).all) callback(null, [address]);
      else callback(null, address.address, address.family);
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : httpPort;
    return new Promise((resolve, reject) => {
      const req = send({
        protocol: url.protocol,
        hostname: url.hostname,
        port,
        path: `${url.pathname}${url.search}`,
        method: 'GET',
        headers: { host: url.host, accept: 'text/plain', 'user-agent': 'Sourcefront-Domain-Check/1' },
        lookup: pinned,
        agent: false,
        signal,
      });
      req.on('response', resolve);
      req.on('error', reject);
      req.end();
    });
  }

  async function readBody(res: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBodyBytes) {
        res.destroy();
        throw new Finding({ result: 'too_large', limitBytes: maxBodyBytes });
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async function attempt(host: string, token: string, signal: AbortSignal): Promise<CheckFinding> {
    let url = new URL(`http://${host}${HTTP_TOKEN_PATH}`);
    for (let hop = 0; ; hop++) {
      const res = await get(url, await pinnedAddress(url.hostname), signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        const next = new URL(res.headers.location, url);
        if (next.hostname !== url.hostname || !/^https?:$/.test(next.protocol))
          return { result: 'redirected_elsewhere' };
        if (hop >= maxRedirects) return { result: 'too_many_redirects' };
        url = next;
        continue;
      }
      if (status !== 200) {
        res.resume();
        return { result: 'http_status', status };
      }
      const body = await readBody(res);
      return body.trim() === token ? { result: 'matched' } : { result: 'wrong_value', found: 1 };
    }
  }

  return {
    async check(host, token) {
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        return await attempt(host, token, signal);
      } catch (error) {
        if (error instanceof Finding) return error.finding;
        if (signal.aborted) return { result: 'timeout', seconds: Math.ceil(timeoutMs / 1000) };
        return { result: 'unreachable', code: String((error as { code?: unknown }).code ?? 'EUNKNOWN') };
      }
    },
  };
}
