import { describe, expect, it } from 'vitest';
import { probe, summarizeHealth } from '../../core/health/health.ts';

describe('health', () => {
  it('is ok only when every component is ok', () => {
    const ok = { status: 'ok' as const, latencyMs: 1 };
    expect(summarizeHealth({ a: ok, b: ok }).status).toBe('ok');
    expect(summarizeHealth({ a: ok, b: { status: 'down', reason: 'x', latencyMs: 1 } }).status).toBe(
      'degraded',
    );
  });

  it('reports a failing probe as down with its reason and error code', async () => {
    const error = Object.assign(new Error('connect failed'), { code: 'ECONNREFUSED' });
    const result = await probe(() => Promise.reject(error), 1000);
    expect(result).toMatchObject({ status: 'down', reason: 'connect failed (ECONNREFUSED)' });
  });

  it('reports a probe that hangs as down once its deadline passes', async () => {
    const result = await probe(() => new Promise(() => {}), 50);
    expect(result).toMatchObject({ status: 'down', reason: 'no answer within 50 ms' });
  });

  it('passes a healthy probe details through', async () => {
    const result = await probe(async () => ({ version: '2.19.6' }), 1000);
    expect(result).toMatchObject({ status: 'ok', version: '2.19.6' });
  });
});
