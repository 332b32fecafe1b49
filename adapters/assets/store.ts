import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';

/**
 * The asset store port: bytes under a path (`/assets/<key>/<width>.<ext>`). Locally a directory
 * (`.local/assets`), served by the local gateway under `/assets/`; in AWS the S3 bucket that
 * CloudFront serves under `/assets/*` (lib/constructs/storefront.ts).
 */
export interface AssetStore {
  get(path: string): Promise<Buffer | undefined>;
  /** Whether something is stored at `path`, without reading it (a HEAD in S3). */
  has(path: string): Promise<boolean>;
  put(path: string, bytes: Buffer, contentType: string): Promise<void>;
}

/** The asset store as a directory. Writes go through a temporary file and a rename (atomic). */
export function directoryAssetStore(root: string): AssetStore {
  const base = resolve(root);
  const fileOf = (path: string) => {
    const file = resolve(base, `.${path.replace(/^\/assets/, '')}`);
    if (!file.startsWith(base + sep)) throw new Error(`asset path escapes the store: ${path}`);
    return file;
  };
  return {
    async get(path) {
      try {
        return await readFile(fileOf(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async has(path) {
      try {
        return (await stat(fileOf(path))).isFile();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    async put(path, bytes) {
      const file = fileOf(path);
      await mkdir(dirname(file), { recursive: true });
      const temporary = join(dirname(file), `.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`);
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
  };
}

/**
 * The asset store as the S3 bucket CloudFront serves under `/assets/*` (keys without the leading
 * slash: `assets/<key>/<width>.<ext>`), written with a year of immutable caching. The S3 SDK
 * is loaded on first use: every function's composition builds this store, few functions touch it,
 * and importing the SDK would cost each one's cold start.
 */
export function s3AssetStore(options: { region: string; bucket: string }): AssetStore {
  const { bucket } = options;
  const keyOf = (path: string) => path.replace(/^\//, '');
  let loaded: Promise<{
    sdk: typeof import('@aws-sdk/client-s3');
    client: import('@aws-sdk/client-s3').S3Client;
  }>;
  const s3 = () =>
    (loaded ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({ region: options.region }),
    })));
  return {
    async get(path) {
      const { sdk, client } = await s3();
      try {
        const object = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: keyOf(path) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async has(path) {
      const { sdk, client } = await s3();
      try {
        await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: keyOf(path) }));
        return true;
      } catch (error) {
        if ((error as { name?: string }).name === 'NotFound') return false;
        throw error;
      }
    },
    async put(path, bytes, contentType) {
      const { sdk, client } = await s3();
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(path),
          Body: bytes,
          ContentType: contentType,
          CacheControl: 'public, max-age=31536000, immutable',
        }),
      );
    },
  };
}
