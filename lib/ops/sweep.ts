import pg from 'pg';
import { FolderStore, hashOfKey, type FileStore } from '../files/storage';

// Files are written before their Attachment row (lib/attachments/upload.ts):
// a refusal, a crash or a restore that failed after the write leaves a file
// with no row. The sweep removes those once they are older than the grace
// period (an upload in flight is younger). A soft-deleted attachment keeps
// its file: its row still names it.

/** An upload's file waits at most this long for its row. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;

export async function sweepFiles(url: string, store: FileStore, options: { graceMs?: number; now?: Date } = {}): Promise<{ kept: number; removed: string[] }> {
  const cutoff = (options.now ?? new Date()).getTime() - (options.graceMs ?? SWEEP_GRACE_MS);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const removed: string[] = [];
  let kept = 0;
  try {
    const candidates: string[] = [];
    for await (const object of store.list()) {
      if (object.modified.getTime() > cutoff) kept += 1;
      else candidates.push(object.key);
    }
    const hashes = [...new Set(candidates.filter((k) => /^[0-9a-f]{64}/.test(k)).map(hashOfKey))];
    const { rows } = await client.query<{ sha256: string }>('SELECT DISTINCT sha256 FROM "Attachment" WHERE sha256 = ANY($1::text[])', [hashes]);
    const used = new Set(rows.map((r) => r.sha256));
    for (const key of candidates) {
      if (/^[0-9a-f]{64}(\.thumb)?$/.test(key)) {
        if (used.has(hashOfKey(key))) {
          kept += 1;
          continue;
        }
        await store.delete(key);
      } else if (store instanceof FolderStore) {
        // Half-written temp files of a crash mid-write.
        await store.deleteStray(key);
      } else continue;
      removed.push(key);
    }
    return { kept, removed };
  } finally {
    await client.end().catch(() => {});
  }
}
