import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * The asset store port: bytes under a path (`/assets/<key>/<width>.<ext>`). Locally a directory
 * (`.local/assets`), served by the local gateway under `/assets/`; in AWS the S3 bucket that
 * CloudFront serves under `/assets/*` (lib/constructs/storefront.ts).
 */
export interface AssetStore {
  get(path: string): Promise<Buffer | undefined>;
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
 * slash: `assets/<key>/<width>.<ext>`), written with a year of immutable caching.
 */
export function s3AssetStore(client: S3Client, bucket: string): AssetStore {
  const keyOf = (path: string) => path.replace(/^\//, '');
  return {
    async get(path) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(path) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async put(path, bytes, contentType) {
      await client.send(
        new PutObjectCommand({
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
