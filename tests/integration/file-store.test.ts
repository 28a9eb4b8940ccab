import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredStore, FolderStore, S3Store, sha256, thumbKey, type FileStore } from '../../lib/files/storage';

// One contract, two stores: the folder under the data folder, and an S3-compatible object store —
// here s3rver, a real S3 HTTP server on a local port (the AWS SDK speaks to it as to MinIO or OSS).

let dir: string;
let server: S3rver;
let endpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-files-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'evidence', configs: [] }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => FileStore][] = [
  ['folder', () => new FolderStore(path.join(dir, 'folder'))],
  ['s3', () => configuredStore({ S3_ENDPOINT: endpoint, S3_BUCKET: 'evidence', S3_ACCESS_KEY: 'S3RVER', S3_SECRET_KEY: 'S3RVER', S3_PREFIX: 'portal/' })],
];

describe.each(stores)('%s store', (kind, make) => {
  it('puts, gets, lists and deletes by content address', async () => {
    const store = make();
    expect(store.kind).toBe(kind);
    const bytes = Buffer.from(`evidence ${kind} ${'x'.repeat(70_000)}`);
    const key = sha256(bytes);
    expect(await store.get(key)).toBeNull();
    expect(await store.has(key)).toBe(false);
    await store.put(key, bytes);
    await store.put(key, bytes);
    await store.put(thumbKey(key), Buffer.from('thumb'));
    expect(await store.has(key)).toBe(true);
    expect(await store.get(key)).toEqual(bytes);
    const listed: string[] = [];
    for await (const object of store.list()) {
      listed.push(object.key);
      expect(Date.now() - object.modified.getTime()).toBeLessThan(60_000);
    }
    expect(listed.sort()).toEqual([key, thumbKey(key)].sort());
    await store.delete(key);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.put('../../etc/passwd', bytes)).rejects.toThrow(/not a file key/);
  });
});

it('chooses S3 only when S3_BUCKET is set, the folder under the data folder otherwise', () => {
  expect(configuredStore({ PORTAL_DATA_DIR: '/srv/portal' })).toMatchObject({ kind: 'folder', root: '/srv/portal/files' });
  expect(configuredStore({ PORTAL_FILES_DIR: '/mnt/evidence' })).toMatchObject({ kind: 'folder', root: '/mnt/evidence' });
  expect(configuredStore({ S3_BUCKET: 'b', S3_ENDPOINT: 'http://minio:9000' }).kind).toBe('s3');
  expect(new S3Store({ bucket: 'b' }).kind).toBe('s3');
});
