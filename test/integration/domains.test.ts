import { createSocket, type Socket } from 'node:dgram';
import { Resolver } from 'node:dns/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dnsTxtCheck } from '../../adapters/domains/dns-txt-check.ts';
import { httpTokenCheck } from '../../adapters/domains/http-token-check.ts';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

// Every lookup reaches DynamoDB, so a decision shows on the very next request (the platform's
// tenant cache would otherwise hold a miss for a few seconds; that cache has its own tests).
process.env.TENANT_CACHE_TTL_MS = '0';

/** A web server on 127.0.0.1 that the tenant "publishes" its HTTP tokens on, per Host. */
const published = new Map<string, { status?: number; body?: string; location?: string }>();
let web: Server;
let webPort: number;

/** A DNS server on 127.0.0.1 (UDP) answering the TXT records the tenant "created". */
const txtRecords = new Map<string, string[]>();
let dns: Socket;
let dnsPort: number;

function startDns(): Promise<number> {
  dns = createSocket('udp4');
  dns.on('message', (message, peer) => {
    const query = dnsPacket.decode(message);
    const question = query.questions?.[0];
    const values = question ? txtRecords.get(question.name.toLowerCase()) : undefined;
    const answer = dnsPacket.encode({
      type: 'response',
      id: query.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | (values ? 0 : 3), // rcode 3: NXDOMAIN
      questions: query.questions,
      answers: (values ?? []).map((data) => ({
        type: 'TXT' as const,
        class: 'IN' as const,
        name: question!.name,
        ttl: 1,
        data,
      })),
    });
    dns.send(answer, peer.port, peer.address);
  });
  return new Promise((resolve) =>
    dns.bind(0, '127.0.0.1', () => resolve((dns.address() as AddressInfo).port)),
  );
}

function startWeb(): Promise<number> {
  web = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const page = req.url === '/.well-known/sourcefront-verification' ? published.get(host) : undefined;
    if (!page) return void res.writeHead(404).end('not here');
    if (page.location) return void res.writeHead(302, { location: page.location }).end();
    res.writeHead(page.status ?? 200, { 'content-type': 'text/plain' }).end(page.body ?? '');
  });
  return new Promise((resolve) =>
    web.listen(0, '127.0.0.1', () => resolve((web.address() as AddressInfo).port)),
  );
}

const resolverAt = (port: number) => {
  const resolver = new Resolver({ timeout: 500, tries: 1 });
  resolver.setServers([`127.0.0.1:${port}`]);
  return resolver;
};
/** Every name "resolves" to this machine, where the test's web server listens. */
const toLoopback = async () => [{ address: '127.0.0.1', family: 4 }];

let platform: TestPlatform;
let operatorKey: string;
let vnKey: string;

const auth = (key: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { authorization: `Bearer ${key}`, 'accept-language': 'en', ...init.headers },
});
const json = (key: string, method: string, body: unknown): RequestInit =>
  auth(key, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Which tenant a request with this Host reaches (undefined: none). */
async function siteOf(host: string): Promise<string | undefined> {
  const res = await platform.request('/api/v1/tenant', { host });
  if (res.status === 404) return undefined;
  expect(res.status).toBe(200);
  return (await res.json()).id;
}

async function domainsOf(tenantId: string, key: string) {
  const res = await platform.request(`/api/v1/admin/tenants/${tenantId}/domains`, auth(key));
  expect(res.status).toBe(200);
  const { domains } = await res.json();
  return Object.fromEntries(domains.map((d: { domain: string }) => [d.domain, d])) as Record<
    string,
    {
      domain: string;
      status: string;
      routes: boolean;
      verification?: { txt: { name: string; value: string }; http: { url: string; body: string } };
      approved?: { by: string };
      verified?: { method: string };
    }
  >;
}

/** A tenant's key adds domains to its own config, as the admin API allows. */
async function addDomains(tenantId: string, key: string, domains: string[]) {
  const current = await (await platform.request(`/api/v1/admin/tenants/${tenantId}`, auth(key))).json();
  const res = await platform.request(
    `/api/v1/admin/tenants/${tenantId}`,
    json(key, 'PUT', {
      expectedVersion: current.version,
      config: { ...current.config, domains: [...current.config.domains, ...domains] },
    }),
  );
  expect(res.status).toBe(200);
}

const verify = (tenantId: string, domain: string, key: string) =>
  platform.request(
    `/api/v1/admin/tenants/${tenantId}/domains/${domain}/verify`,
    auth(key, { method: 'POST' }),
  );
const approval = (tenantId: string, domain: string, key: string, body: unknown) =>
  platform.request(`/api/v1/admin/tenants/${tenantId}/domains/${domain}/approval`, json(key, 'PUT', body));

beforeAll(async () => {
  [webPort, dnsPort] = await Promise.all([startWeb(), startDns()]);
  platform = await startTestPlatform({
    domainChecks: {
      dns: dnsTxtCheck(resolverAt(dnsPort)),
      http: httpTokenCheck({ lookup: toLoopback, allowPrivateAddresses: true, httpPort: webPort }),
    },
  });
  operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
  const created = await platform.request(
    '/api/v1/admin/tenants/vn/keys',
    json(operatorKey, 'POST', { label: 'domains' }),
  );
  vnKey = (await created.json()).key;
  // A partner onboarded by the operator, with a custom domain and no localhost name in its config.
  const th = await platform.request('/api/v1/admin/tenants', {
    ...json(operatorKey, 'POST', {
      id: 'th',
      name: 'Thai Sourcing',
      domains: ['shop.example.co.th'],
      defaultLocale: 'en',
      locales: ['en'],
      currency: 'THB',
    }),
    headers: {
      authorization: `Bearer ${operatorKey}`,
      'content-type': 'application/json',
      'idempotency-key': 'create-th-domains-test',
    },
  });
  expect(th.status).toBe(201);
});

afterAll(async () => {
  await platform?.close();
  await new Promise((resolve) => web?.close(resolve));
  dns?.close();
});

describe('the demo sites on the local platform', () => {
  it('keep routing: <id>.localhost by the local rule, their own domains approved at seed', async () => {
    expect(await siteOf('vn.localhost:3000')).toBe('vn');
    expect(await siteOf('nguonhang.example.vn')).toBe('vn');
    expect(await siteOf('sourcing.example.kr')).toBe('kr');
    expect(await siteOf('pifa.example.my')).toBe('my');
    const domains = await domainsOf('vn', vnKey);
    expect(domains['vn.localhost']).toMatchObject({ status: 'local', routes: true });
    expect(domains['nguonhang.example.vn']).toMatchObject({
      status: 'approved',
      routes: true,
      approved: { by: 'operator (local seed)' },
    });
  });
});

describe('a tenant key adding domains it does not own', () => {
  it("does not get another tenant's <id>.localhost, nor a partner's domain before onboarding", async () => {
    await addDomains('vn', vnKey, ['th.localhost', 'zz.localhost', 'sourcing.partner-b.com']);
    expect(await siteOf('th.localhost')).toBe('th');
    expect(await siteOf('zz.localhost')).toBeUndefined();
    expect(await siteOf('sourcing.partner-b.com')).toBeUndefined();
    const res = await platform.request('/api/v1/tenant', {
      host: 'sourcing.partner-b.com',
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('TENANT_NOT_FOUND');

    const domains = await domainsOf('vn', vnKey);
    expect(domains['th.localhost']).toMatchObject({ status: 'reserved', routes: false });
    expect(domains['sourcing.partner-b.com']).toMatchObject({ status: 'pending', routes: false });
    expect(domains['sourcing.partner-b.com']!.verification).toMatchObject({
      txt: { name: '_sourcefront-verify.sourcing.partner-b.com' },
      http: { url: 'http://sourcing.partner-b.com/.well-known/sourcefront-verification' },
    });
    // Claiming th.localhost proves nothing, whoever asks.
    const reserved = await verify('vn', 'th.localhost', vnKey);
    expect(reserved.status).toBe(400);
    expect((await reserved.json()).error.code).toBe('DOMAIN_RESERVED');
    expect((await approval('vn', 'th.localhost', operatorKey, { approved: true })).status).toBe(400);
    expect(await siteOf('th.localhost')).toBe('th');
  });

  it('does not let a tenant key approve its own domain', async () => {
    const res = await approval('vn', 'sourcing.partner-b.com', vnKey, { approved: true });
    expect(res.status).toBe(403);
    expect(await siteOf('sourcing.partner-b.com')).toBeUndefined();
  });

  it('keeps each tenant to its own domains', async () => {
    expect((await platform.request('/api/v1/admin/tenants/kr/domains', auth(vnKey))).status).toBe(403);
    expect((await verify('kr', 'sourcing.example.kr', vnKey)).status).toBe(403);
    // A domain not in the tenant's config is not the tenant's to check.
    expect((await verify('vn', 'sourcing.example.kr', vnKey)).status).toBe(404);
  });
});

describe('verification by HTTP token', () => {
  const domain = 'www.nguonhang-shop.com';

  it('refuses while the token is not served, saying what the platform found, then routes once it is', async () => {
    await addDomains('vn', vnKey, [domain]);
    const { verification } = (await domainsOf('vn', vnKey))[domain]!;
    const token = verification!.http.body;
    expect(token).toMatch(/^sf-verify-[\w-]{32}$/);

    published.set(domain, { body: 'something else' });
    const refused = await verify('vn', domain, vnKey);
    expect(refused.status).toBe(422);
    const error = (await refused.json()).error;
    expect(error.code).toBe('DOMAIN_NOT_VERIFIED');
    expect(error.message).toBe(
      `${domain} is not verified yet, so it does not reach your storefront. ` +
        `DNS: there is no TXT record _sourcefront-verify.${domain}. ` +
        `HTTP: http://${domain}/.well-known/sourcefront-verification answers something other than the token.`,
    );
    expect(await siteOf(domain)).toBeUndefined();

    published.set(domain, { status: 500, body: token });
    const vi = await platform.request(`/api/v1/admin/tenants/vn/domains/${domain}/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${vnKey}`, 'accept-language': 'vi' },
    });
    expect(vi.status).toBe(422);
    expect((await vi.json()).error.message).toContain('trả về HTTP 500 thay vì 200');

    published.set(domain, { body: `${token}\n` });
    const verified = await verify('vn', domain, vnKey);
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      domain,
      status: 'verified',
      routes: true,
      verified: { method: 'http-token' },
    });
    expect(await siteOf(domain)).toBe('vn');
  });

  it('gives each tenant and domain its own token', async () => {
    const vn = await domainsOf('vn', vnKey);
    const tokens = Object.values(vn).flatMap((d) => (d.verification ? [d.verification.txt.value] : []));
    expect(new Set(tokens).size).toBe(tokens.length);
    const th = await domainsOf('th', operatorKey);
    expect(tokens).not.toContain(th['shop.example.co.th']!.verification!.txt.value);
  });
});

describe('verification by DNS TXT record', () => {
  it('routes once _sourcefront-verify.<domain> holds the token', async () => {
    const domain = 'shop.nguonhang-dns.com';
    await addDomains('vn', vnKey, [domain]);
    const { verification } = (await domainsOf('vn', vnKey))[domain]!;
    txtRecords.set(verification!.txt.name, ['v=other-service']);
    const wrong = await verify('vn', domain, vnKey);
    expect(wrong.status).toBe(422);
    expect((await wrong.json()).error.message).toContain(
      `DNS: _sourcefront-verify.${domain} has TXT records, but none holds this domain's token.`,
    );
    txtRecords.set(verification!.txt.name, ['v=other-service', verification!.txt.value]);
    const verified = await verify('vn', domain, vnKey);
    expect(await verified.json()).toMatchObject({ status: 'verified', verified: { method: 'dns-txt' } });
    expect(await siteOf(domain)).toBe('vn');
  });

  it('reports a DNS server that does not answer as a failed lookup, not as a missing record', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const check = dnsTxtCheck(resolverAt((silent.address() as AddressInfo).port));
    try {
      expect(await check.check('example.com', 'token')).toEqual({
        result: 'lookup_failed',
        code: 'ETIMEOUT',
      });
    } finally {
      silent.close();
    }
    expect(await dnsTxtCheck(resolverAt(dnsPort)).check('nothing.example.com', 'token')).toEqual({
      result: 'no_record',
    });
  });
});

describe('the HTTP token check', () => {
  // Built in each test: the web server's port is known only once beforeAll has run.
  const lazyCheck = () =>
    httpTokenCheck({ lookup: toLoopback, allowPrivateAddresses: true, httpPort: webPort });

  it('never contacts a domain that resolves to loopback or private space, unless allowed', async () => {
    published.set('internal.example.com', { body: 'token' });
    const strict = httpTokenCheck({ lookup: toLoopback, httpPort: webPort });
    expect(await strict.check('internal.example.com', 'token')).toEqual({ result: 'forbidden_address' });
    const metadata = httpTokenCheck({ lookup: async () => [{ address: '169.254.169.254', family: 4 }] });
    expect(await metadata.check('internal.example.com', 'token')).toEqual({ result: 'forbidden_address' });
    expect(await lazyCheck().check('internal.example.com', 'token')).toEqual({ result: 'matched' });
  });

  it('follows redirects on the same host only, and reads a bounded body', async () => {
    published.set('redirect.example.com', { location: 'http://elsewhere.example.net/token' });
    expect(await lazyCheck().check('redirect.example.com', 'token')).toEqual({
      result: 'redirected_elsewhere',
    });
    published.set('big.example.com', { body: 'x'.repeat(100_000) });
    expect(await lazyCheck().check('big.example.com', 'token')).toEqual({
      result: 'too_large',
      limitBytes: 512,
    });
    expect(await lazyCheck().check('missing.example.com', 'token')).toEqual({
      result: 'http_status',
      status: 404,
    });
  });

  it('gives up at its deadline', async () => {
    const hang = createServer(() => {});
    await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', resolve));
    try {
      const slow = httpTokenCheck({
        lookup: toLoopback,
        allowPrivateAddresses: true,
        httpPort: (hang.address() as AddressInfo).port,
        timeoutMs: 300,
      });
      expect(await slow.check('slow.example.com', 'token')).toEqual({ result: 'timeout', seconds: 1 });
    } finally {
      hang.closeAllConnections();
      await new Promise((resolve) => hang.close(resolve));
    }
  });
});

describe('operator approval', () => {
  const domain = 'shop.example.co.th';

  it('a tenant created with a custom domain does not route there until approved; revoking stops it', async () => {
    expect(await siteOf(domain)).toBeUndefined();
    const approved = await approval('th', domain, operatorKey, { approved: true });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({
      status: 'approved',
      routes: true,
      approved: { by: 'operator' },
    });
    expect(await siteOf(domain)).toBe('th');

    const revoked = await approval('th', domain, operatorKey, { approved: false, reason: 'not theirs' });
    expect(await revoked.json()).toMatchObject({
      status: 'revoked',
      routes: false,
      revoked: { by: 'operator' },
    });
    expect(await siteOf(domain)).toBeUndefined();
    const again = await verify('th', domain, operatorKey);
    expect(again.status).toBe(422);
    expect((await again.json()).error.message).toBe(
      `The operator revoked ${domain} for this storefront, so it cannot be verified again. Please contact the operator.`,
    );
    const events = await platform.services.domainVerifications.events('th', domain);
    expect(events.map((e) => `${e.action} by ${e.actor}`)).toEqual([
      'domain.revoked by operator',
      'domain.approved by operator',
    ]);
  });
});
