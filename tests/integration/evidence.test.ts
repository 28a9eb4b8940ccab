import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILES_PER_RECORD } from '../../lib/attachments/limits';
import { deleteAttachment } from '../../lib/attachments/mutations';
import { attachmentForDownload, attachmentsOfRound, attachmentsOfUpdates } from '../../lib/attachments/queries';
import { uploadAttachment } from '../../lib/attachments/upload';
import { FolderStore, sha256, thumbKey } from '../../lib/files/storage';
import { backup, restore } from '../../lib/ops/backup';
import { sweepFiles } from '../../lib/ops/sweep';
import { readExif } from '../../lib/attachments/inspect';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { htmlAsJpeg, photoWithExif, plainPng, scriptedSvg, smallPdf } from '../helpers/evidence-files';
import { buildWorld, type World } from '../helpers/fixtures';

// Evidence files against a real PostgreSQL and a real file store in a temp folder.

let database: TestDatabase;
let world: World;
let dir: string;
let store: FolderStore;
let updateA: number;
let roundA: number;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-evidence-'));
  store = new FolderStore(path.join(dir, 'files'));
  const p = database.prisma;
  updateA = (await p.projectUpdate.create({ data: { projectId: world.projectA.id, period: new Date('2025-03-01'), progressPct: 30, investmentToDate: '300000', authorId: world.users.liaisonA.id } })).id;
  roundA = (await p.accreditation.create({ data: { zoneId: world.zoneA.id, nominatedOn: new Date('2025-01-10') } })).id;
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

const onUpdate = () => ({ ownerKind: 'UPDATE', ownerId: String(updateA) });
const upload = (user: keyof World['users'], fields: Record<string, unknown>, bytes: Buffer, name: string, options: Parameters<typeof uploadAttachment>[3] = {}) =>
  uploadAttachment(world.users[user], fields as never, { bytes, name }, { store, ...options });

describe('what is accepted, by content', () => {
  it('takes a photo, a PNG and a PDF; reads the photo’s capture time and place; thumbnails carry no EXIF', async () => {
    const photo = await photoWithExif();
    const result = await upload('liaisonA', onUpdate(), photo, 'IMG_0001.JPG');
    expect(result.status).toBe('ok');
    const row = await database.prisma.attachment.findFirstOrThrow({ where: { sha256: sha256(photo) } });
    expect(row).toMatchObject({ mime: 'image/jpeg', name: 'IMG_0001.jpg', size: photo.length, width: 1600, height: 1200, latitude: 30.59, longitude: 114.3, uploaderId: world.users.liaisonA.id });
    // 10:20:30 on the phone in Wuhan is 02:20:30 UTC.
    expect(row.takenAt?.toISOString()).toBe('2025-03-01T02:20:30.000Z');
    expect(await store.get(row.sha256)).toEqual(photo);
    const thumb = (await store.get(thumbKey(row.sha256)))!;
    expect(thumb.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await readExif(thumb)).toBeNull();
    const audit = await database.prisma.auditLog.findFirstOrThrow({ where: { action: 'attachment.add', entityId: String(row.id) } });
    expect(audit.actorId).toBe(world.users.liaisonA.id);

    expect((await upload('liaisonA', onUpdate(), await plainPng(), 'site.png')).status).toBe('ok');
    expect((await upload('liaisonA', onUpdate(), smallPdf(), '签字说明.pdf')).status).toBe('ok');
    const pdf = await database.prisma.attachment.findFirstOrThrow({ where: { mime: 'application/pdf' } });
    expect(pdf.name).toBe('签字说明.pdf');
    expect(await store.has(thumbKey(pdf.sha256))).toBe(false);
  });

  it('refuses a renamed web page and an SVG with a message in each language, storing nothing', async () => {
    const before = await database.prisma.attachment.count();
    const html = await upload('liaisonA', onUpdate(), htmlAsJpeg(), 'photo.jpg', { locale: 'en' });
    expect(html).toMatchObject({ status: 'invalid' });
    expect(html.status === 'invalid' && html.message).toContain('photo.jpg');
    expect(html.status === 'invalid' && html.message).toContain('SVG');
    const svg = await upload('liaisonA', onUpdate(), scriptedSvg(), 'chart.svg', { locale: 'zh-CN' });
    expect(svg.status === 'invalid' && svg.message).toMatch(/chart\.svg：按文件内容判断/);
    expect(await database.prisma.attachment.count()).toBe(before);
    expect(await store.has(sha256(htmlAsJpeg()))).toBe(false);
  });

  it('refuses a 30 MB file with a message saying the limit', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 7);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const result = await upload('liaisonA', onUpdate(), big, 'huge.jpg', { locale: 'zh-CN' });
    expect(result.status).toBe('invalid');
    expect(result.status === 'invalid' && result.message).toBe('huge.jpg：超过单个文件上限 20 MB。请上传较小的文件（在门户中拍摄的照片会自动压缩）。');
    const en = await upload('liaisonA', onUpdate(), big, 'huge.jpg', { locale: 'en' });
    expect(en.status === 'invalid' && en.message).toContain('larger than 20 MB');
    expect(await store.has(sha256(big))).toBe(false);
  });

  it('refuses a file that claims to be a JPEG but does not decode', async () => {
    const broken = Buffer.concat([(await photoWithExif()).subarray(0, 400), Buffer.alloc(2000)]);
    const result = await upload('liaisonA', onUpdate(), broken, 'cut.jpg', { locale: 'en' });
    expect(result.status === 'invalid' && result.message).toContain('cannot be read');
  });

  it('holds at most the per-record number of files', async () => {
    const update = (await database.prisma.projectUpdate.create({ data: { projectId: world.projectA.id, period: new Date('2025-04-01'), progressPct: 35, investmentToDate: '310000' } })).id;
    const fields = { ownerKind: 'UPDATE', ownerId: String(update) };
    for (let i = 0; i < MAX_FILES_PER_RECORD; i++) expect((await upload('liaisonA', fields, smallPdf(`page ${i}`), `p${i}.pdf`)).status).toBe('ok');
    const over = await upload('liaisonA', fields, smallPdf('one too many'), 'over.pdf', { locale: 'en' });
    expect(over.status === 'invalid' && over.fieldErrors.file?.[0]).toContain(`already holds ${MAX_FILES_PER_RECORD} files`);
  });
});

describe('who may attach and see', () => {
  it('lets the village of the update add its own, the assessor add to a criterion; refuses others as if absent', async () => {
    expect((await upload('villageA1', onUpdate(), await plainPng(320, 240), 'village.png')).status).toBe('ok');
    expect((await upload('villageA2', onUpdate(), smallPdf('not theirs'), 'x.pdf')).status).toBe('denied');
    expect((await upload('liaisonB', onUpdate(), smallPdf('not theirs'), 'x.pdf')).status).toBe('denied');
    expect((await upload('liaisonA', { ownerKind: 'UPDATE', ownerId: '999999' }, smallPdf('nothing'), 'x.pdf')).status).toBe('denied');
    const criterion = { ownerKind: 'CRITERION', ownerId: String(roundA), criterion: 'GOVERNANCE' };
    expect((await upload('admin', criterion, smallPdf('minutes'), '会议纪要.pdf')).status).toBe('ok');
    expect((await upload('liaisonA', criterion, smallPdf('minutes 2'), 'm.pdf')).status).toBe('denied');
    expect((await attachmentsOfRound(world.users.villageA1, roundA)).get('GOVERNANCE')).toHaveLength(1);
    expect((await attachmentsOfRound(world.users.liaisonB, roundA)).size).toBe(0);
  });

  it('serves a file only to whoever may read its record: out of scope and guessed ids are alike', async () => {
    const [first] = (await attachmentsOfUpdates(world.users.liaisonA, [updateA])).get(updateA)!;
    expect(first!.takenAt).not.toBeNull();
    for (const key of ['admin', 'viewer', 'liaisonA', 'villageA1', 'villageA2'] as const) expect(await attachmentForDownload(world.users[key], first!.id), key).not.toBeNull();
    for (const key of ['liaisonB', 'villageB1'] as const) {
      expect(await attachmentForDownload(world.users[key], first!.id), key).toBeNull();
      expect((await attachmentsOfUpdates(world.users[key], [updateA])).size).toBe(0);
    }
    expect(await attachmentForDownload(world.users.admin, 987654)).toBeNull();
    expect(await attachmentForDownload(null, first!.id)).toBeNull();
  });

  it('removes softly, with a reason, audited; only the uploader or an administrator', async () => {
    const [first] = (await attachmentsOfUpdates(world.users.liaisonA, [updateA])).get(updateA)!;
    expect((await deleteAttachment(world.users.villageA1, { id: first!.id, reason: '拍错了照片' })).status).toBe('denied');
    expect((await deleteAttachment(world.users.liaisonA, { id: first!.id, reason: '' })).status).toBe('invalid');
    expect((await deleteAttachment(world.users.liaisonA, { id: first!.id, reason: '拍错了照片' })).status).toBe('ok');
    const row = await database.prisma.attachment.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row).toMatchObject({ deletedById: world.users.liaisonA.id, deleteReason: '拍错了照片' });
    expect(await attachmentForDownload(world.users.admin, first!.id)).toBeNull();
    expect(await database.prisma.auditLog.count({ where: { action: 'attachment.delete', entityId: String(first!.id) } })).toBe(1);
    // The file stays: its row still names it (the sweep keeps it).
    expect(await store.has(row.sha256)).toBe(true);
  });
});

describe('never half-stored', () => {
  it('a crash between the file and its row leaves no orphan after the sweep; files with rows stay', async () => {
    const photo = await photoWithExif(900, 600, { r: 1, g: 2, b: 3 });
    await expect(upload('liaisonA', onUpdate(), photo, 'crash.jpg', { afterStored: () => { throw new Error('power cut'); } })).rejects.toThrow('power cut');
    expect(await store.has(sha256(photo))).toBe(true);
    expect(await database.prisma.attachment.count({ where: { sha256: sha256(photo) } })).toBe(0);
    // A half-written temp file of a crash mid-write goes too.
    const stray = path.join(store.root, sha256(photo).slice(0, 2), `${sha256(photo)}.tmp-0123456789ab`);
    await writeFile(stray, 'half');
    // Within the grace period an upload may still be on its way: kept.
    expect((await sweepFiles(database.url, store)).removed).toEqual([]);
    const swept = await sweepFiles(database.url, store, { graceMs: 0 });
    // Also the files of uploads refused after they were stored (out of scope, a record full).
    expect(swept.removed).toEqual(expect.arrayContaining([sha256(photo), `${sha256(photo)}.tmp-0123456789ab`, thumbKey(sha256(photo))]));
    expect(await store.has(sha256(photo))).toBe(false);
    const named = new Set((await database.prisma.attachment.findMany({ select: { sha256: true } })).map((r) => r.sha256));
    for (const key of named) expect(await store.has(key)).toBe(true);
    for await (const object of store.list()) expect(named.has(object.key.slice(0, 64)), object.key).toBe(true);
  });
});

describe('backup and restore', () => {
  it('round-trips every evidence file by its hash, and refuses a backup whose file was changed', async () => {
    const file = path.join(dir, 'backup.jsonl.gz');
    const counts = await backup(database.url, file, { store });
    expect(counts.Attachment).toBeGreaterThan(20);
    const target = await createTestDatabase();
    const targetStore = new FolderStore(path.join(dir, 'restored-files'));
    try {
      await restore(target.url, file, { store: targetStore });
      const rows = await target.prisma.attachment.findMany({ select: { sha256: true } });
      expect(rows.length).toBe(counts.Attachment);
      for (const { sha256: key } of rows) {
        const bytes = (await targetStore.get(key))!;
        expect(sha256(bytes)).toBe(key);
        expect(bytes).toEqual(await store.get(key));
      }
      // A stored file damaged on disk: the backup refuses rather than copy it.
      const [victim] = rows;
      const shard = path.join(store.root, victim!.sha256.slice(0, 2));
      expect(await readdir(shard)).toContain(victim!.sha256);
      await writeFile(path.join(shard, victim!.sha256), 'damaged');
      await expect(backup(database.url, path.join(dir, 'second.jsonl.gz'), { store })).rejects.toThrow(/does not match its hash/);
    } finally {
      await target.drop();
    }
  });
});
