import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => platform?.close());

describe('GET /theme.css', () => {
  it("serves each site's own brand colours as CSS", async () => {
    const vn = await platform.request('/theme.css', { host: 'vn.localhost:3000' });
    const kr = await platform.request('/theme.css', { host: 'kr.localhost:3000' });
    expect(vn.status).toBe(200);
    expect(vn.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const [vnCss, krCss] = [await vn.text(), await kr.text()];
    const primary = (css: string) => /--sf-color-primary: (#[0-9a-f]+);/i.exec(css)?.[1];
    expect(primary(vnCss)).toMatch(/^#/);
    expect(primary(vnCss)).not.toBe(primary(krCss));
  });

  it('is 404 TENANT_NOT_FOUND on a host with no site', async () => {
    const res = await platform.request('/theme.css', { host: 'nowhere.localhost' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('TENANT_NOT_FOUND');
  });
});
