import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExif } from '../../lib/attachments/inspect';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { htmlAsJpeg, photoWithExif, scriptedSvg, smallPdf } from '../helpers/evidence-files';
import { buildWorld, FIXTURE_PASSWORD, type World } from '../helpers/fixtures';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// Evidence over HTTP against the production build: what the upload route answers (413 for a
// 30 MB file, 422 for a web page), how files are served (sandboxed, never sniffed), and 404 for
// anyone out of scope and for guessed ids.

let database: TestDatabase;
let world: World;
let server: PortalServer;
let dir: string;
let updateA: number;
const browsers: Record<string, Browser> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  updateA = (await database.prisma.projectUpdate.create({ data: { projectId: world.projectA.id, period: new Date('2025-03-01'), progressPct: 30, investmentToDate: '300000' } })).id;
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-evidence-http-'));
  process.env.PORTAL_FILES_DIR = dir;
  server = await startPortalServer(database.url);
  for (const username of ['liaison-a', 'liaison-b', 'village-a1']) {
    browsers[username] = new Browser(server.url);
    expect(await browsers[username]!.signIn(username, FIXTURE_PASSWORD)).toBeNull();
  }
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

function upload(as: string, file: Buffer, name: string, owner = { ownerKind: 'UPDATE', ownerId: String(updateA) }, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(owner)) form.set(k, v);
  form.set('file', new Blob([new Uint8Array(file)]), name);
  return browsers[as]!.fetch('/api/attachments', { method: 'POST', body: form, headers: { Origin: server.url, 'Accept-Language': 'zh-CN', ...headers } });
}

describe('uploading', () => {
  it('takes a photo and serves it sandboxed, its thumbnail without EXIF', async () => {
    const photo = await photoWithExif();
    const response = await upload('liaison-a', photo, 'IMG_1.JPG');
    expect(response.status).toBe(200);
    const { id } = (await response.json()) as { id: number };
    const original = await browsers['village-a1']!.fetch(`/api/attachments/${id}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('image/jpeg');
    expect(original.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    expect(original.headers.get('content-disposition')).toBe(`inline; filename="IMG_1.jpg"; filename*=UTF-8''IMG_1.jpg`);
    expect(Buffer.from(await original.arrayBuffer())).toEqual(photo);
    const thumb = await browsers['village-a1']!.fetch(`/api/attachments/${id}/thumb`);
    expect(thumb.status).toBe(200);
    expect(await readExif(Buffer.from(await thumb.arrayBuffer()))).toBeNull();
  });

  it('refuses a 30 MB file with 413 and the message, a web page and an SVG with 422', async () => {
    const big = Buffer.alloc(30 * 1024 * 1024, 1);
    const tooBig = await upload('liaison-a', big, 'big.jpg');
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { message: string }).message).toBe('文件超过单个文件上限 20 MB。请上传较小的文件（在门户中拍摄的照片会自动压缩）。');
    for (const [bytes, name] of [[htmlAsJpeg(), 'photo.jpg'], [scriptedSvg(), 'chart.svg']] as const) {
      const refused = await upload('liaison-a', bytes, name);
      expect(refused.status, name).toBe(422);
      expect(((await refused.json()) as { message: string }).message, name).toContain(`${name}：按文件内容判断，不是照片`);
    }
  });

  it('refuses a cross-site post', async () => {
    expect((await upload('liaison-a', smallPdf(), 'a.pdf', undefined, { Origin: 'http://evil.example' })).status).toBe(403);
  });
});

describe('out of scope', () => {
  it('answers 404 to another SOE’s liaison, on every address, as for a guessed id; and refuses its upload as absent', async () => {
    const response = await upload('liaison-a', smallPdf('scope'), 'scope.pdf');
    const { id } = (await response.json()) as { id: number };
    for (const address of [`/api/attachments/${id}`, `/api/attachments/${id}/thumb`, `/api/attachments/${id + 1000}`, '/api/attachments/abc']) {
      const answer = await browsers['liaison-b']!.fetch(address);
      expect(answer.status, address).toBe(404);
    }
    expect((await browsers['liaison-a']!.fetch(`/api/attachments/${id + 1000}`)).status).toBe(404);
    expect((await upload('liaison-b', smallPdf('theirs'), 'x.pdf')).status).toBe(404);
    // Signed out: the proxy answers 401 before anything is looked up.
    expect((await new Browser(server.url).fetch(`/api/attachments/${id}`)).status).toBe(401);
  });
});
