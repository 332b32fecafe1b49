import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Secrets by name (the quote signing key, the operator key). In AWS they live in Secrets
 * Manager: a function lists the names it reads in its route's `access.secrets`, and CDK
 * creates one secret per name and hands its ARN to the function (functions/secrets.ts names
 * the variable). Locally they are files in
 * `.local/secrets/` (git-ignored), generated on first use.
 */
export const OPERATOR_API_KEY = 'operator-api-key';
export const QUOTE_SIGNING_KEY = 'quote-signing-key';

export interface SecretStore {
  get(name: string): Promise<string>;
}

/** Keeps secrets in memory for `ttlMs`, so a warm function asks once per interval. */
export function cachedSecrets(source: SecretStore, ttlMs: number, now: () => number = Date.now): SecretStore {
  const cache = new Map<string, { value: Promise<string>; expires: number }>();
  return {
    get(name) {
      const hit = cache.get(name);
      if (hit && hit.expires > now()) return hit.value;
      const value = source.get(name);
      value.catch(() => cache.delete(name));
      cache.set(name, { value, expires: now() + ttlMs });
      return value;
    },
  };
}

/**
 * Local secrets: one file per name under `dir`, created with 256 random bits (mode 0600) the
 * first time it is read. Concurrent first reads agree: creation is exclusive (`wx`), and a
 * loser reads the winner's file.
 */
export function localFileSecrets(dir: string): SecretStore {
  return {
    async get(name) {
      const file = join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
      try {
        return (await readFile(file, 'utf8')).trim();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const value = randomBytes(32).toString('base64url');
      try {
        await writeFile(file, `${value}\n`, { flag: 'wx', mode: 0o600 });
        return value;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return (await readFile(file, 'utf8')).trim();
      }
    },
  };
}

/**
 * Secrets Manager through the AWS Parameters and Secrets Lambda Extension (a Lambda layer that
 * serves `GET localhost:2773/secretsmanager/get?secretId=…` with the function's own role and
 * caches for its TTL), so the bundle carries no Secrets Manager SDK. The function needs the
 * layer and `secretsmanager:GetSecretValue` on the named secrets.
 */
export function lambdaExtensionSecrets(
  secretIdOf: (name: string) => string,
  port = Number(process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? 2773),
): SecretStore {
  return {
    async get(name) {
      const secretId = secretIdOf(name);
      const token = process.env.AWS_SESSION_TOKEN;
      if (!token) throw new Error('Secrets: AWS_SESSION_TOKEN is not set (not running in Lambda?)');
      const res = await fetch(
        `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`,
        { headers: { 'X-Aws-Parameters-Secrets-Token': token }, signal: AbortSignal.timeout(3_000) },
      );
      if (!res.ok) throw new Error(`Secrets: the extension answered HTTP ${res.status} for ${name}`);
      const body = (await res.json()) as { SecretString?: string };
      if (!body.SecretString) throw new Error(`Secrets: ${name} has no SecretString`);
      return body.SecretString.trim();
    },
  };
}
