import { request as httpRequest } from 'node:http';

/**
 * fetch() for tests that need to choose the Host header: undici's fetch silently replaces
 * `host` with the URL's authority, so tenant resolution by Host could not be tested through
 * it. This sends the request with node:http, exactly as given, and answers a standard Response.
 */
export function fetchWithHost(url: string, init: RequestInit & { host: string }): Promise<Response> {
  const { host, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('host', host);
  const body =
    rest.body === undefined || rest.body === null
      ? undefined
      : typeof rest.body === 'string'
        ? rest.body
        : Buffer.from(rest.body as ArrayBuffer);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: rest.method ?? 'GET',
        headers: Object.fromEntries(headers),
        signal: rest.signal ?? undefined,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          const status = res.statusCode ?? 500;
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, headers: responseHeaders }));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
