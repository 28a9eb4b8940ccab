import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { changeOwnPassword } from '../../lib/users/mutations';
import { postProjectUpdate } from '../../lib/projects/mutations';
import { reviewUpdate } from '../../lib/projects/review-mutations';
import { reviseUpdate } from '../../lib/projects/correction-mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, FIXTURE_PASSWORD, projectEdit, type World } from '../helpers/fixtures';
import { Browser, startPortalServer, TEST_SECRET, type PortalServer } from '../helpers/portal-server';

// Authorization through the real routes of a production build: pages, the
// sign-in endpoint, and a server action posted as the browser posts it.
let database: TestDatabase;
let world: World;
let server: PortalServer;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database.prisma);
  server = await startPortalServer(database.url);
}, 300_000);
afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

async function signedIn(username: string, password = FIXTURE_PASSWORD) {
  const browser = new Browser(server.url);
  expect(await browser.signIn(username, password)).toBeNull();
  return browser;
}

describe('pages refuse what the policy refuses', () => {
  it('sends a visitor without a session to sign in, keeping where they were going', async () => {
    const response = await new Browser(server.url).fetch('/projects/1');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('/login?callbackUrl=%2Fprojects%2F1');
    const api = await new Browser(server.url).fetch('/api/whatever');
    expect(api.status).toBe(401);
  });

  it('lands each role on its own home', async () => {
    for (const [username, home] of [['admin', '/dashboard'], ['liaison-a', '/projects'], ['village-b1', '/projects']]) {
      const browser = await signedIn(username!);
      const response = await browser.fetch('/');
      expect(response.status, username).toBe(307);
      expect(response.headers.get('location'), username).toBe(home);
    }
  });

  it('shows a liaison its own SOE project and answers 404 for another SOE project', async () => {
    const liaison = await signedIn('liaison-a');
    const own = await liaison.fetch(`/projects/${world.projectA.id}`);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('甲项目');
    const other = await liaison.fetch(`/projects/${world.projectB.id}`);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('乙项目');
    const list = await (await liaison.fetch('/projects')).text();
    expect(list).toContain('甲项目');
    expect(list).not.toContain('乙项目');
  });

  it('shows the correction loop on the project page to each role, and the counting rule on the dashboard', async () => {
    const { liaisonA, villageA1 } = world.users;
    const month = (offset: number) => {
      const d = new Date();
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
    };
    // Months long past, so project A stays stale for the dashboard test below.
    const figures = { projectId: world.projectA.id, jobsCreated: '5', incomeToVillages: '1000', narrative: '' };
    const first = await postProjectUpdate(liaisonA, { ...figures, period: month(-8), progressPct: '10', investmentToDate: '10000' });
    const second = await postProjectUpdate(liaisonA, { ...figures, period: month(-7), progressPct: '20', investmentToDate: '20000' });
    if (first.status !== 'ok' || second.status !== 'ok') throw new Error('posting failed');
    expect(await reviseUpdate(liaisonA, { updateId: first.data.id, version: 1, ...figures, progressPct: '12', investmentToDate: '10000', reason: '进度按监理报告更正' })).toMatchObject({ status: 'ok' });
    expect(await reviewUpdate(villageA1, { updateId: second.data.id, version: 1, decision: 'DISPUTED', reason: '投资金额偏高' })).toMatchObject({ status: 'ok' });

    // Every message is in each page's payload, so the forms are recognised by what only they render.
    const liaisonPage = await (await (await signedIn('liaison-a')).fetch(`/projects/${world.projectA.id}`)).text();
    expect(liaisonPage).toContain('进度按监理报告更正');
    expect(liaisonPage).toContain('进度（%）: 10 → 12');
    expect(liaisonPage).toContain(`id="field-reason-revise-${second.data.id}"`);
    expect(liaisonPage).toContain(`id="field-answer-answer-${second.data.id}"`);
    expect(liaisonPage).not.toContain('value="UPHOLD"');
    const adminPage = await (await (await signedIn('admin')).fetch(`/projects/${world.projectA.id}`)).text();
    expect(adminPage).toContain('value="UPHOLD"');
    expect(adminPage).toContain(`id="field-reason-return-${first.data.id}"`);
    expect(adminPage).not.toContain(`id="field-answer-answer-${second.data.id}"`);
    const villagePage = await (await (await signedIn('village-a1')).fetch(`/projects/${world.projectA.id}`)).text();
    expect(villagePage).not.toContain(`id="field-answer-answer-${second.data.id}"`);
    expect(villagePage).not.toContain('value="UPHOLD"');
    const dashboard = await (await (await signedIn('viewer')).fetch('/dashboard')).text();
    expect(dashboard).toContain('其中有异议 1 条');
  });

  it('keeps village committees off the citywide dashboard and everyone but admins off user management and the audit log', async () => {
    const village = await signedIn('village-b1');
    expect((await village.fetch('/dashboard')).status).toBe(404);
    expect((await village.fetch(`/projects/${world.projectA.id}`)).status).toBe(404);
    expect((await village.fetch(`/projects/${world.projectB.id}`)).status).toBe(200);
    const viewer = await signedIn('viewer');
    expect((await viewer.fetch('/dashboard')).status).toBe(200);
    expect((await viewer.fetch('/admin/users')).status).toBe(404);
    expect((await viewer.fetch('/admin/audit')).status).toBe(404);
    expect((await viewer.fetch('/admin/program')).status).toBe(404);
    const admin = await signedIn('admin');
    expect((await admin.fetch('/admin/users')).status).toBe(200);
    expect((await admin.fetch('/admin/audit')).status).toBe(200);
    expect((await admin.fetch('/admin/program')).status).toBe(200);
  });

  it('shows each user only their own notifications with the unread count, and deliveries only to administrators', async () => {
    const p = database.prisma;
    const period = new Date('2026-10-01');
    const base = { kind: 'UPDATE_DUE' as const, entity: 'project', entityId: world.projectA.id, period };
    const link = `/projects/${world.projectA.id}`;
    await p.notification.create({ data: { ...base, link, userId: world.users.liaisonA.id, title: '「甲项目」2026年10月进展待填报', body: '请于11月10日前填报' } });
    await p.notification.create({ data: { ...base, link, userId: world.users.liaisonB.id, title: '「乙项目」别人的提醒', body: '不应出现' } });
    await p.delivery.create({
      data: { ...base, dedupKey: 'http:1', channel: 'EMAIL', target: 'liaison-a@example.test', subject: '「甲项目」2026年10月进展待填报', body: '…', status: 'FAILED', attempts: 8, lastError: 'SMTP 550 mailbox unavailable' },
    });
    const liaison = await signedIn('liaison-a');
    const home = await (await liaison.fetch('/projects')).text();
    expect(home).toContain('通知，1 条未读');
    const inbox = await (await liaison.fetch('/notifications')).text();
    expect(inbox).toContain('「甲项目」2026年10月进展待填报');
    expect(inbox).not.toContain('别人的提醒');
    expect((await liaison.fetch('/admin/notifications')).status).toBe(404);
    expect((await (await signedIn('village-a1')).fetch('/admin/notifications')).status).toBe(404);
    const admin = await (await (await signedIn('admin')).fetch('/admin/notifications')).text();
    expect(admin).toContain('邮件和群机器人发送记录');
    expect(admin).toContain('liaison-a@example.test');
    expect(admin).toContain('SMTP 550 mailbox unavailable');
  });
});

describe('server actions refuse what the policy refuses', () => {
  it("will not let a liaison edit another SOE's project by id, and changes nothing", async () => {
    const liaison = await signedIn('liaison-a');
    const before = await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectB.id } });
    const denied = await liaison.postAction(`/projects/${world.projectA.id}`, 'updateProjectAction', await projectEdit(database.prisma, world.projectB.id, { name: 'hijacked' }));
    expect(denied.body).toContain('"status":"denied"');
    expect(await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectB.id } })).toEqual(before);

    const own = await database.prisma.project.findUniqueOrThrow({ where: { id: world.projectA.id } });
    const ok = await liaison.postAction(`/projects/${world.projectA.id}`, 'updateProjectAction', await projectEdit(database.prisma, own.id, { name: '甲项目（经浏览器修改）' }));
    expect(ok.body).toContain('"status":"ok"');
    expect((await database.prisma.project.findUniqueOrThrow({ where: { id: own.id } })).name).toBe('甲项目（经浏览器修改）');
  });

  it('refuses user management to a non-administrator', async () => {
    const viewer = await signedIn('viewer');
    const count = await database.prisma.user.count();
    const denied = await viewer.postAction('/admin/users', 'createUserAction', {
      username: 'intruder',
      displayName: 'x',
      role: 'ORG_ADMIN',
      password: 'Intruder-pass-1',
    });
    expect(denied.body).toContain('"status":"denied"');
    expect(await database.prisma.user.count()).toBe(count);
  });
});

describe('exports respect scope', () => {
  it("gives a liaison its own SOE's projects as CSV and XLSX, and nothing of the dashboard to a village", async () => {
    const liaison = await signedIn('liaison-a');
    const csv = await liaison.fetch('/api/exports/projects?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Chinese
    const text = bytes.toString('utf8');
    expect(text).toContain('甲项目');
    expect(text).not.toContain('乙项目');
    const xlsx = await liaison.fetch('/api/exports/projects?format=xlsx&status=PREPARING');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await liaison.fetch('/api/exports/soe-leaderboard?format=csv')).status).toBe(200);

    const meeting = await liaison.fetch('/api/exports/dashboard');
    expect(meeting.status).toBe(200);
    expect(meeting.headers.get('content-type')).toContain('spreadsheetml');

    const village = await signedIn('village-b1');
    expect((await village.fetch('/api/exports/soe-leaderboard?format=csv')).status).toBe(404);
    expect((await village.fetch('/api/exports/dashboard')).status).toBe(404);
    expect((await village.fetch('/api/exports/nonsense')).status).toBe(404);
    expect((await new Browser(server.url).fetch('/api/exports/projects')).status).toBe(401);
  });
});

describe('imports through the upload route', () => {
  it('checks a file for an administrator, and refuses a cross-site or unauthorised upload', async () => {
    const file = () => {
      const form = new FormData();
      form.set('file', new File(['区,片区,村,人口,户数,年份,村集体经济收入（元）\r\n测试区,甲片区,甲一村,,,2024,1000'], 'v.csv', { type: 'text/csv' }));
      form.set('mode', 'preview');
      return form;
    };
    const admin = await signedIn('admin');
    const ok = await admin.fetch('/api/imports/villages', { method: 'POST', body: file(), headers: { Origin: server.url } });
    const checked = await ok.json();
    expect(checked).toMatchObject({ status: 'preview', rows: 1, plan: { created: { VillageIncome: 1 } } });
    // The commit carries the check's token; without it, or with another, nothing is written.
    const commit = (token: string) => {
      const form = file();
      form.set('mode', 'commit');
      form.set('token', token);
      return admin.fetch('/api/imports/villages', { method: 'POST', body: form, headers: { Origin: server.url } });
    };
    expect((await commit('0'.repeat(64))).status).toBe(422);
    const committed = await (await commit(checked.token)).json();
    expect(committed).toMatchObject({ status: 'committed', rows: 1 });
    expect(await (await commit(checked.token)).json()).toMatchObject({ status: 'failed', importId: committed.importId });
    expect((await admin.fetch(`/imports/${committed.importId}`)).status).toBe(200);
    expect((await (await signedIn('liaison-a')).fetch(`/imports/${committed.importId}`)).status).toBe(404);
    expect((await (await signedIn('village-a1')).fetch('/imports')).status).toBe(404);
    expect((await admin.fetch('/api/imports/villages', { method: 'POST', body: file(), headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    const viewer = await signedIn('viewer');
    expect((await viewer.fetch('/api/imports/villages', { method: 'POST', body: file(), headers: { Origin: server.url } })).status).toBe(422);
    expect((await admin.fetch('/api/imports/villages/template?format=csv')).status).toBe(200);
    const template = await admin.fetch('/api/imports/villages/template?format=xlsx');
    expect(template.status).toBe(200);
    expect(Buffer.from(await template.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    expect((await viewer.fetch('/api/imports/villages/template?format=csv')).status).toBe(404);
  });
});

describe('sessions', () => {
  it('locks an account after repeated failures, through the sign-in endpoint', async () => {
    const browser = new Browser(server.url);
    const errors = [];
    for (let i = 0; i < 6; i++) errors.push(await browser.signIn('village-a2', 'wrong-password'));
    expect(errors.slice(0, 4)).toEqual(Array(4).fill('CredentialsSignin'));
    expect(errors.slice(4)).toEqual(['locked', 'locked']);
    expect(await browser.signIn('village-a2', FIXTURE_PASSWORD)).toBe('locked');
  }, 60_000);

  it('ends a session that has been idle too long', async () => {
    const browser = new Browser(server.url);
    const { admin } = world.users;
    const stale = await encode({ token: { uid: admin.id, epoch: 0, sub: String(admin.id) }, secret: TEST_SECRET, maxAge: -60 });
    browser.setCookie('next-auth.session-token', stale);
    const response = await browser.fetch('/dashboard');
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toContain('/login');
    const fresh = await encode({ token: { uid: admin.id, epoch: 0, sub: String(admin.id) }, secret: TEST_SECRET, maxAge: 3600 });
    browser.setCookie('next-auth.session-token', fresh);
    expect((await browser.fetch('/dashboard')).status).toBe(200);
  });

  it('ends existing sessions when the password changes', async () => {
    const browser = await signedIn('liaison-b');
    expect((await browser.fetch('/projects')).status).toBe(200);
    const changed = await changeOwnPassword(world.users.liaisonB, {
      currentPassword: FIXTURE_PASSWORD,
      newPassword: 'Changed-pass-2026',
      confirmPassword: 'Changed-pass-2026',
    });
    expect(changed.status).toBe('ok');
    const after = await browser.fetch('/projects');
    expect(after.status).toBe(307);
    expect(after.headers.get('location')).toContain('/login');
  });
});

describe('issue 14: the outside review, again', () => {
  const sameOrigin = (location: string | null) => new URL(location ?? '', server.url).origin === new URL(server.url).origin;

  it('never sends anyone off-site from a callbackUrl, signed in or not', async () => {
    const hostile = ['/\\evil.example/x', '/\t/evil.example/x', '/\t\\evil.example', '//evil.example', 'https://evil.example/', '/%5Cevil.example', '\\\\evil.example'];
    const admin = await signedIn('admin');
    for (const callback of hostile) {
      const response = await admin.fetch(`/login?callbackUrl=${encodeURIComponent(callback)}`);
      expect(response.status, callback).toBe(307);
      expect(sameOrigin(response.headers.get('location')), `${callback} → ${response.headers.get('location')}`).toBe(true);
      // Signed out: the form is given the return address it will assign after signing in (in the page's React payload); home, never a foreign one.
      const page = await (await new Browser(server.url).fetch(`/login?callbackUrl=${encodeURIComponent(callback)}`)).text();
      const given = [...page.matchAll(/callbackUrl\\?":\\?"(.*?)\\?"/g)].map((m) => m[1]);
      expect(given.length, callback).toBeGreaterThan(0);
      // A normalised same-origin path: no backslash, tab or second leading slash left for a browser to read as another host.
      expect(given.filter((v) => !(v!.startsWith('/') && !v!.startsWith('//') && !/[\\\s]/.test(v!) && sameOrigin(v!))), callback).toEqual([]);
    }
    const kept = await admin.fetch(`/login?callbackUrl=${encodeURIComponent('/projects?status=IN_PROGRESS')}`);
    expect(kept.headers.get('location')).toBe('/projects?status=IN_PROGRESS');
  });

  it("lists on a liaison's dashboard only its own SOE's projects and its paired zones' villages", async () => {
    const p = database.prisma;
    // Stale projects of both SOEs, villages of both zones without income, a beneficiary count above the population.
    await p.project.updateMany({ where: { id: { in: [world.projectA.id, world.projectB.id] } }, data: { status: 'IN_PROGRESS', startDate: new Date('2021-03-01') } });
    await p.beneficiary.create({ data: { projectId: world.projectB.id, villageId: world.villageB1.id, kind: 'FARMERS', people: 5000 } });
    await p.villageIncome.createMany({ data: [{ villageId: world.villageB1.id, year: 2022, amount: '100000' }, { villageId: world.villageB1.id, year: 2023, amount: '900000' }] });
    const admin = await (await (await signedIn('admin')).fetch('/dashboard')).text();
    expect({ project: admin.includes('乙项目'), village: admin.includes('乙一村') }).toEqual({ project: true, village: true });
    const liaison = await signedIn('liaison-a');
    const response = await liaison.fetch('/dashboard');
    expect(response.status).toBe(200);
    const html = await response.text();
    const shows = (text: string) => html.includes(text);
    expect({ own: shows('甲项目'), ownVillage: shows('甲一村') }).toEqual({ own: true, ownVillage: true });
    expect({ other: shows('乙项目'), otherVillage: shows('乙一村'), link: shows(`/projects/${world.projectB.id}"`) }).toEqual({ other: false, otherVillage: false, link: false });
    // Citywide aggregates stay citywide: the SOE board names both SOEs.
    expect(shows('乙集团')).toBe(true);
  });

  it('ends the session on the server at sign-out, everywhere, with an audit row', async () => {
    const browser = await signedIn('viewer');
    const captured = browser.cookie('next-auth.session-token')!;
    const elsewhere = await signedIn('viewer');
    expect((await browser.fetch('/dashboard')).status).toBe(200);
    const out = await browser.signOut();
    expect(out.status).toBe(200);
    expect(browser.cookie('next-auth.session-token')).toBeUndefined();
    const replay = new Browser(server.url);
    replay.setCookie('next-auth.session-token', captured);
    for (const b of [replay, elsewhere]) {
      const after = await b.fetch('/dashboard');
      expect(after.status).toBe(307);
      expect(after.headers.get('location')).toContain('/login');
    }
    expect(await database.prisma.auditLog.count({ where: { action: 'auth.signOut', actorId: world.users.viewer.id } })).toBe(1);
    expect(await new Browser(server.url).signIn('viewer', FIXTURE_PASSWORD)).toBeNull();
  });

  it('counts and slows wrong current passwords on the change-password form, then locks as sign-in does', async () => {
    await database.prisma.user.create({ data: { username: 'pw-probe', displayName: 'pw-probe', role: 'ORG_VIEWER', passwordHash: await hashPassword(FIXTURE_PASSWORD) } });
    const browser = await signedIn('pw-probe');
    const attempt = async (currentPassword: string) => {
      const started = Date.now();
      const { body } = await browser.postAction('/account/password', 'changeOwnPasswordAction', { currentPassword, newPassword: 'Probe-pass-2026', confirmPassword: 'Probe-pass-2026' });
      return { body, ms: Date.now() - started };
    };
    const timings: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const { body, ms } = await attempt(`wrong-${i}`);
      expect(body).toContain('"status":"invalid"');
      timings.push(ms);
      expect((await database.prisma.user.findUniqueOrThrow({ where: { username: 'pw-probe' } })).failedLogins).toBe(i);
    }
    expect(timings[3]).toBeGreaterThanOrEqual(900); // the 4th failure waits 1 s, as at sign-in
    await attempt('wrong-5');
    expect((await database.prisma.user.findUniqueOrThrow({ where: { username: 'pw-probe' } })).lockedUntil).not.toBeNull();
    // Locked: even the right password is refused, without being checked, and sign-in is locked too.
    expect((await attempt(FIXTURE_PASSWORD)).body).not.toContain('"status":"ok"');
    expect(await new Browser(server.url).signIn('pw-probe', FIXTURE_PASSWORD)).toBe('locked');
    expect(await database.prisma.auditLog.count({ where: { action: 'auth.passwordCheckFailed', actorName: 'pw-probe' } })).toBe(6);
  }, 60_000);

  it('never shows internal error text at sign-in: a NUL byte, or a database that fails', async () => {
    const nul = await new Browser(server.url).signIn('ad\u0000min', 'x');
    expect(nul).toBe('CredentialsSignin');
    await database.prisma.$executeRawUnsafe('ALTER TABLE "User" RENAME TO "UserHidden"');
    let failed: string | null;
    try {
      failed = await new Browser(server.url).signIn('admin', FIXTURE_PASSWORD);
    } finally {
      await database.prisma.$executeRawUnsafe('ALTER TABLE "UserHidden" RENAME TO "User"');
    }
    expect(failed).toMatch(/^unavailable-[0-9a-f]{8}$/);
  });

  it('answers malformed list parameters with the page, not a 500', async () => {
    const admin = await signedIn('admin');
    for (const path of ['/admin/audit?from=2025-13-45&to=0000-00-00', '/admin/audit?actor=a%00b&entity=%00', '/projects?q=a%00b', '/zones?q=%00', '/soes?q=%01%00', '/admin/master?zone=%00&soe=%00', '/api/exports/projects?format=csv&q=%00']) {
      expect((await admin.fetch(path)).status, path).toBe(200);
    }
  });
});
