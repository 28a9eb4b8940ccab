import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

// Where evidence files live: one small interface, two stores. Keys are
// content addresses — an original's key is its sha256 in hex, a thumbnail's
// `<sha256>.thumb` — so a file is written once however often it is attached,
// and a key names what it holds.
//
// - Default: a folder under the portal's data folder (PORTAL_DATA_DIR, `.data`
//   as for the embedded PostgreSQL), `files/ab/<key>`; PORTAL_FILES_DIR moves it.
// - S3-compatible object store (MinIO, OSS, COS, S3) when S3_BUCKET is set:
//   S3_ENDPOINT, S3_REGION (default us-east-1), S3_ACCESS_KEY, S3_SECRET_KEY,
//   S3_FORCE_PATH_STYLE (default true: MinIO and most intranet stores), S3_PREFIX.

export type StoredObject = { key: string; modified: Date };

export interface FileStore {
  readonly kind: 'folder' | 's3';
  /** Writes bytes under key; done when they are durable. Writing a key again is harmless. */
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or null when there is no such key. */
  get(key: string): Promise<Buffer | null>;
  has(key: string): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Every key, with when it was written (the sweep spares recent ones). */
  list(): AsyncIterable<StoredObject>;
}

export const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');
export const thumbKey = (hash: string) => `${hash}.thumb`;
/** The original's hash a key belongs to (itself, or its thumbnail's). */
export const hashOfKey = (key: string) => key.slice(0, 64);
const KEY = /^[0-9a-f]{64}(\.thumb)?$/;

function checkKey(key: string) {
  if (!KEY.test(key)) throw new Error(`not a file key: ${key.slice(0, 80)}`);
}

export class FolderStore implements FileStore {
  readonly kind = 'folder';
  constructor(readonly root: string) {}

  private file(key: string) {
    checkKey(key);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, bytes: Buffer) {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside and renamed: a reader never sees half a file, and a crash leaves only a temp file.
    const temp = `${target}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      await writeFile(temp, bytes, { flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string) {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async has(key: string) {
    return stat(this.file(key)).then(() => true, () => false);
  }

  async delete(key: string) {
    await rm(this.file(key), { force: true });
  }

  async *list(): AsyncIterable<StoredObject> {
    const shards = await readdir(this.root).catch(() => [] as string[]);
    for (const shard of shards.sort()) {
      if (!/^[0-9a-f]{2}$/.test(shard)) continue;
      for (const name of (await readdir(path.join(this.root, shard))).sort()) {
        const info = await stat(path.join(this.root, shard, name)).catch(() => null);
        if (!info?.isFile()) continue;
        // A temp file left by a crash mid-write is listed under its own name, so the sweep removes it.
        yield { key: name, modified: info.mtime };
      }
    }
  }

  /** A temp file's name is not a key: the sweep removes it by name. */
  async deleteStray(name: string) {
    if (/^[0-9a-f]{64}(\.thumb)?\.tmp-[0-9a-f]{12}$/.test(name)) await rm(path.join(this.root, name.slice(0, 2), name), { force: true });
  }
}

export type S3Options = { endpoint?: string; region?: string; bucket: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle?: boolean; prefix?: string };

export class S3Store implements FileStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  constructor(private readonly options: S3Options) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle ?? true,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
      // Intranet stores (MinIO, older OSS/COS) do not all take the newer default checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private key(key: string) {
    checkKey(key);
    return `${this.options.prefix ?? ''}${key}`;
  }

  async put(key: string, bytes: Buffer) {
    await this.client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: this.key(key), Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }));
  }

  async get(key: string) {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return Buffer.from(await out.Body!.transformToByteArray());
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string) {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async delete(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(key) }));
  }

  async *list(): AsyncIterable<StoredObject> {
    const prefix = this.options.prefix ?? '';
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.options.bucket, Prefix: prefix || undefined, ContinuationToken: token }));
      for (const item of page.Contents ?? []) {
        const key = (item.Key ?? '').slice(prefix.length);
        if (KEY.test(key)) yield { key, modified: item.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

function isMissing(error: unknown) {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}

type Env = Record<string, string | undefined>;

/** The folder files live in when no object store is configured. */
export const filesDir = (env: Env = process.env) => path.resolve(env.PORTAL_FILES_DIR ?? path.join(env.PORTAL_DATA_DIR ?? '.data', 'files'));

/** The store the environment configures (read each call: tests and tools set it per run). */
export function configuredStore(env: Env = process.env): FileStore {
  if (env.S3_BUCKET) {
    return new S3Store({
      endpoint: env.S3_ENDPOINT || undefined,
      region: env.S3_REGION || undefined,
      bucket: env.S3_BUCKET,
      accessKeyId: env.S3_ACCESS_KEY,
      secretAccessKey: env.S3_SECRET_KEY,
      forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE !== 'false' : true,
      prefix: env.S3_PREFIX || undefined,
    });
  }
  return new FolderStore(filesDir(env));
}
