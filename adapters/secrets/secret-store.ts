import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sdkRetryPolicy } from '../sdk-retry.ts';

/**
 * Secrets by name (the quote signing key, the operator key). In AWS they live in Secrets
 * Manager: a function lists the names it reads in its route's `access.secrets`, and CDK
 * creates one secret per name and hands its ARN to the function (functions/secrets.ts names
 * the variable). Locally they are files in
 * `.local/secrets/` (git-ignored), generated on first use.
 */
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
 * Secrets Manager, read with the function's own role (CDK grants GetSecretValue on exactly
 * the secrets its route lists). `secretIdOf` maps a name to the ARN CDK handed the function.
 * An SDK client rather than the Parameters and Secrets extension layer: the layer is not
 * published for arm64 in every region Sourcefront deploys to. The SDK module is loaded on the
 * first read, so functions that read no secret do not pay for it at cold start.
 */
export function secretsManagerSecrets(region: string, secretIdOf: (name: string) => string): SecretStore {
  let reader: Promise<(secretId: string) => Promise<string | undefined>> | undefined;
  const load = async () => {
    const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
    const client = new SecretsManagerClient({ region, ...sdkRetryPolicy() });
    return async (secretId: string) =>
      (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
  };
  return {
    async get(name) {
      reader ??= load();
      const SecretString = await (await reader)(secretIdOf(name));
      if (!SecretString) throw new Error(`Secrets: ${name} has no SecretString`);
      return SecretString.trim();
    },
  };
}
