import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
  /** The current value. */
  get(name: string): Promise<string>;
  /**
   * The values a verifier accepts: the current one, then the previous one while a rotation is
   * under way (Secrets Manager's AWSPREVIOUS; locally the file `<name>.previous`).
   */
  versions(name: string): Promise<string[]>;
}

/** Keeps secrets in memory for `ttlMs`, so a warm function asks once per interval. */
export function cachedSecrets(source: SecretStore, ttlMs: number, now: () => number = Date.now): SecretStore {
  const cache = new Map<string, { value: Promise<unknown>; expires: number }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = cache.get(key);
    if (hit && hit.expires > now()) return hit.value as Promise<T>;
    const value = load();
    value.catch(() => cache.delete(key));
    cache.set(key, { value, expires: now() + ttlMs });
    return value;
  };
  return {
    get: (name) => cached(`current:${name}`, () => source.get(name)),
    versions: (name) => cached(`versions:${name}`, () => source.versions(name)),
  };
}

/**
 * Local secrets: one file per name under `dir`, created with 256 random bits (mode 0600) the
 * first time it is read. Concurrent first reads agree: creation is exclusive (`wx`), and a
 * loser reads the winner's file.
 */
export function localFileSecrets(dir: string): SecretStore {
  const fileOf = (name: string) => join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
  return {
    async versions(name) {
      const current = await this.get(name);
      try {
        const previous = (await readFile(`${fileOf(name)}.previous`, 'utf8')).trim();
        return previous && previous !== current ? [current, previous] : [current];
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return [current];
      }
    },
    async get(name) {
      const file = fileOf(name);
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
  type Reader = (secretId: string, stage: 'AWSCURRENT' | 'AWSPREVIOUS') => Promise<string | undefined>;
  let reader: Promise<Reader> | undefined;
  const load = async (): Promise<Reader> => {
    const { SecretsManagerClient, GetSecretValueCommand, ResourceNotFoundException } = await import(
      '@aws-sdk/client-secrets-manager'
    );
    const client = new SecretsManagerClient({ region, ...sdkRetryPolicy() });
    return async (secretId, stage) => {
      try {
        return (await client.send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage })))
          .SecretString;
      } catch (error) {
        // A secret that was never rotated has no AWSPREVIOUS version.
        if (stage === 'AWSPREVIOUS' && error instanceof ResourceNotFoundException) return undefined;
        throw error;
      }
    };
  };
  const read = async (name: string, stage: 'AWSCURRENT' | 'AWSPREVIOUS') => {
    reader ??= load();
    return (await (await reader)(secretIdOf(name), stage))?.trim();
  };
  return {
    async get(name) {
      const value = await read(name, 'AWSCURRENT');
      if (!value) throw new Error(`Secrets: ${name} has no SecretString`);
      return value;
    },
    async versions(name) {
      const [current, previous] = await Promise.all([this.get(name), read(name, 'AWSPREVIOUS')]);
      return previous && previous !== current ? [current, previous] : [current];
    },
  };
}

/**
 * Secrets a person sets and removes (a partner's own payment-provider key, from the console):
 * absent until set, never generated. Names are tenant-scoped (`tenantSecretName`); in AWS each
 * is a Secrets Manager secret under the region's tenant-secret prefix, which is all the IAM
 * grant covers (lib/constructs/functions.ts).
 */
export interface WritableSecrets {
  /** The value, or undefined when none is set. */
  find(name: string): Promise<string | undefined>;
  put(name: string, value: string): Promise<void>;
  remove(name: string): Promise<void>;
}

/** `th` + `toss-secret-key` → `tenants/th/toss-secret-key`. */
export function tenantSecretName(tenantId: string, name: string): string {
  return `tenants/${tenantId}/${name}`;
}

/** Reads kept for `ttlMs`; a write or a removal through this store forgets its name at once. */
export function cachedWritableSecrets(
  source: WritableSecrets,
  ttlMs: number,
  now: () => number = Date.now,
): WritableSecrets {
  const cache = new Map<string, { value: Promise<string | undefined>; expires: number }>();
  return {
    find(name) {
      const hit = cache.get(name);
      if (hit && hit.expires > now()) return hit.value;
      const value = source.find(name);
      value.catch(() => cache.delete(name));
      cache.set(name, { value, expires: now() + ttlMs });
      return value;
    },
    async put(name, value) {
      cache.delete(name);
      await source.put(name, value);
      cache.delete(name);
    },
    async remove(name) {
      cache.delete(name);
      await source.remove(name);
      cache.delete(name);
    },
  };
}

/** Local set-by-a-person secrets: one file per name under `dir` (mode 0600), written whole (rename). */
export function localWritableSecrets(dir: string): WritableSecrets {
  const fileOf = (name: string) => join(dir, name.replace(/[^A-Za-z0-9._-]/g, '_'));
  return {
    async find(name) {
      try {
        return (await readFile(fileOf(name), 'utf8')).trim() || undefined;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        return undefined;
      }
    },
    async put(name, value) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = fileOf(name);
      const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, `${value}\n`, { mode: 0o600 });
      await rename(temporary, file);
    },
    async remove(name) {
      await rm(fileOf(name), { force: true });
    },
  };
}

/**
 * Set-by-a-person secrets in Secrets Manager, named `<prefix>/<name>`: PutSecretValue (creating
 * the secret on its first value), DeleteSecret without a recovery window on removal, so a
 * removed key is gone rather than kept for 30 days.
 */
export function secretsManagerWritableSecrets(region: string, prefix: string): WritableSecrets {
  const idOf = (name: string) => `${prefix}/${name}`;
  type Sdk = typeof import('@aws-sdk/client-secrets-manager');
  let loaded: Promise<{ sdk: Sdk; client: InstanceType<Sdk['SecretsManagerClient']> }> | undefined;
  const load = () => {
    loaded ??= import('@aws-sdk/client-secrets-manager').then((sdk) => ({
      sdk,
      client: new sdk.SecretsManagerClient({ region, ...sdkRetryPolicy() }),
    }));
    return loaded;
  };
  return {
    async find(name) {
      const { sdk, client } = await load();
      try {
        const value = (await client.send(new sdk.GetSecretValueCommand({ SecretId: idOf(name) })))
          .SecretString;
        return value?.trim() || undefined;
      } catch (error) {
        if (error instanceof sdk.ResourceNotFoundException) return undefined;
        throw error;
      }
    },
    async put(name, value) {
      const { sdk, client } = await load();
      try {
        await client.send(new sdk.PutSecretValueCommand({ SecretId: idOf(name), SecretString: value }));
      } catch (error) {
        if (!(error instanceof sdk.ResourceNotFoundException)) throw error;
        await client.send(new sdk.CreateSecretCommand({ Name: idOf(name), SecretString: value }));
      }
    },
    async remove(name) {
      const { sdk, client } = await load();
      try {
        await client.send(
          new sdk.DeleteSecretCommand({ SecretId: idOf(name), ForceDeleteWithoutRecovery: true }),
        );
      } catch (error) {
        if (!(error instanceof sdk.ResourceNotFoundException)) throw error;
      }
    },
  };
}
