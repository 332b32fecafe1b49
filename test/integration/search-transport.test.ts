import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { searchHealth } from '../../adapters/opensearch/health.ts';
import { createSearchTransport } from '../../adapters/opensearch/transport.ts';
import { OPENSEARCH_VERSION } from '../../project.ts';

describe('the slim OpenSearch transport of the search functions', () => {
  it('talks to the real node', async () => {
    const transport = createSearchTransport({
      endpoint: inject('opensearchEndpoint'),
      region: 'local',
      auth: 'none',
    });
    expect(await searchHealth(transport)).toMatchObject({ version: OPENSEARCH_VERSION });
  });

  describe('with SigV4, as on an Amazon OpenSearch Service domain', () => {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ took: 1, hits: { total: { value: 0, relation: 'eq' }, hits: [] } }));
    });
    const saved = { ...process.env };
    beforeAll(async () => {
      Object.assign(process.env, {
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret-example',
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      process.env = saved;
      await new Promise((resolve) => server.close(resolve));
    });

    it('signs every request for the es service of its region', async () => {
      const { port } = server.address() as AddressInfo;
      const transport = createSearchTransport({
        endpoint: `http://127.0.0.1:${port}`,
        region: 'ap-southeast-1',
        auth: 'sigv4',
      });
      const res = await transport.request({ method: 'POST', path: '/offers/_search', body: { size: 0 } });
      expect(res.statusCode).toBe(200);
      const headers = seen.at(-1)!;
      expect(headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/ap-southeast-1\/es\/aws4_request, SignedHeaders=.*host.*, Signature=[0-9a-f]{64}$/,
      );
      expect(headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
      expect(headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
