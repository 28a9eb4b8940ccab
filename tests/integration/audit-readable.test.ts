import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeProjectStatus, updateProject } from '../../lib/projects/mutations';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { buildWorld, FIXTURE_PASSWORD, projectEdit, type World } from '../helpers/fixtures';
import { Browser, startPortalServer, type PortalServer } from '../helpers/portal-server';

// The audit page reads as a person would: the record by name with a link, each changed field by its
// form's label in the reader's language, enum values by name, money in 元, before → after — no JSON.
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

/** What the page shows: main's text, without the scripts and the markup (the RSC payload carries braces of its own). */
function visibleText(html: string) {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');
}

async function auditPage(locale: 'zh-CN' | 'en') {
  const admin = new Browser(server.url);
  expect(await admin.signIn('admin', FIXTURE_PASSWORD)).toBeNull();
  admin.setCookie('NEXT_LOCALE', locale);
  const response = await admin.fetch('/admin/audit?entity=Project');
  expect(response.status).toBe(200);
  const html = await response.text();
  return { html, text: visibleText(html) };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** "label: before → after" as the page shows it (the screen-reader words 修改前/修改后 or Before/After included). */
const change = (label: string, before: string, after: string, words: [string, string]) =>
  new RegExp(`${escape(label)}\\s*[：:]\\s*${words[0]}\\s*${escape(before)}\\s*→\\s*${words[1]}\\s*${escape(after)}`);

describe('the audit page of a project edit', () => {
  beforeAll(async () => {
    const { liaisonA } = world.users;
    const edit = await projectEdit(database.prisma, world.projectA.id, { mode: 'BUILD_FOR_FARMERS', plannedInvestment: '1500000', description: '甲村企合作社' });
    expect(await updateProject(liaisonA, edit)).toMatchObject({ status: 'ok' });
    expect(await changeProjectStatus(liaisonA, { projectId: String(world.projectA.id), version: '2', status: 'IN_PROGRESS' })).toMatchObject({ status: 'ok' });
  });

  it('shows the field labels and before → after, with no JSON braces, in Chinese', async () => {
    const { html, text } = await auditPage('zh-CN');
    // The record by name, linked to its page.
    expect(html).toMatch(new RegExp(`<a[^>]+href="/projects/${world.projectA.id}"[^>]*>甲项目</a>`));
    const zh: [string, string] = ['修改前', '修改后'];
    expect(text).toMatch(change('合作模式', '以农促农', '以建惠农', zh));
    expect(text).toMatch(change('计划投资', '100 万元', '150 万元', zh));
    expect(text).toMatch(change('项目简介', '—', '甲村企合作社', zh));
    expect(text).toMatch(change('状态', '筹备中', '实施中', zh));
    // Only what changed: the name stayed the same.
    expect(text).not.toMatch(/项目\s*：\s*修改前/);
    expect(text).not.toContain('{');
    expect(text).not.toContain('"status"');
    expect(text).not.toContain('PREPARING');
  });

  it('speaks the reader language: labels and enum values in English', async () => {
    const { text } = await auditPage('en');
    const en: [string, string] = ['Before', 'After'];
    expect(text).toMatch(change('Cooperation mode', 'Agriculture for agriculture', 'Construction benefits farmers', en));
    expect(text).toMatch(change('Status', 'Preparing', 'In progress', en));
    expect(text).toMatch(change('Planned investment', '1,000,000 yuan', '1,500,000 yuan', en));
    expect(text).not.toContain('{');
    expect(text).not.toContain('IN_PROGRESS');
  });
});
