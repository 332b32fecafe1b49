import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR_API_KEY } from '../../functions/secrets.ts';
import { localDir } from '../../local/paths.ts';
import { pythonTool } from '../../local/tools/python-tools.ts';
import { fixtureCatalog, fixtureOffer, importLines } from '../kit/catalog.ts';
import { startTestPlatform, type TestPlatform } from '../kit/platform.ts';

/**
 * Fuzzing from the OpenAPI document: schemathesis (pinned, from the project's own Python tools)
 * generates requests for every operation — valid ones from the schemas and examples, and
 * boundary and invalid ones — and fails on any 5xx, any status the document does not list for
 * the operation, and any response body or content type that violates the document. Bounded in
 * examples and time; the seed makes a failure reproducible.
 */
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 12);
const MAX_SECONDS = Number(process.env.FUZZ_MAX_SECONDS ?? 240);

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
  await importLines(
    platform,
    fixtureCatalog.map((spec) => JSON.stringify(fixtureOffer(spec))),
  );
}, 600_000);
afterAll(async () => platform?.close());

/** Schemathesis keeps a cache (.schemathesis/) in its working folder: under .local, git-ignored. */
const workDir = join(localDir, 'schemathesis');

function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  mkdirSync(workDir, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: workDir, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the API against its own OpenAPI document', () => {
  it('answers no 5xx and nothing the document does not promise', async () => {
    const schemathesis = await pythonTool('schemathesis');
    const operatorKey = await platform.services.secrets.get(OPERATOR_API_KEY);
    const { code, output } = await run(schemathesis, [
      'run',
      `${platform.baseUrl}/api/v1/openapi.json`,
      '--url',
      platform.baseUrl,
      '--header',
      'Host: vn.localhost',
      '--header',
      `Authorization: Bearer ${operatorKey}`,
      '--checks',
      'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
      '--phases',
      'examples,coverage,fuzzing',
      '--max-examples',
      String(MAX_EXAMPLES),
      '--max-time',
      String(MAX_SECONDS),
      '--seed',
      '20261201',
      '--workers',
      '1',
      '--request-timeout',
      '60',
      // Health answers 503 when a store is down: that is its job, and the check would call it a bug.
      '--exclude-path-regex',
      '^/api/v1/health',
      '--suppress-health-check',
      'all',
    ]);
    // The failures come before the (long) warnings: show them, not only the tail.
    const failures = output.indexOf('FAILURES');
    expect(code, failures >= 0 ? output.slice(failures, failures + 8000) : output.slice(-6000)).toBe(0);
    expect(output).toMatch(/\d+ passed/);
  }, 900_000);
});
