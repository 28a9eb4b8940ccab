import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from '../../lib/i18n/messages/zh-CN.json';
import { CLIENT_MESSAGES, clientMessages } from '../../lib/i18n/client-messages';

const namespaces = Object.keys(zhCN);

const sources = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f)).map((f) => join(dir, f));

/** What each client component translates: a namespace it asks for whole, or `namespace.key` (`namespace.*` when the key is built at run time). */
function clientUses(): { file: string; message: string }[] {
  const files = ['app', 'components', 'lib'].flatMap(sources).filter((f) => /^['"]use client['"]/.test(readFileSync(f, 'utf8')));
  expect(files.length).toBeGreaterThan(20);
  return files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const whole = [...text.matchAll(/useTranslations\(['"](\w+)['"]\)/g)].map((m) => `${m[1]}.*`);
    const keys = [...text.matchAll(/['"`](\w+)\.(\w+|\$\{)/g)]
      .filter((m) => namespaces.includes(m[1]!))
      .map((m) => `${m[1]}.${m[2] === '${' ? '*' : m[2]}`);
    return [...whole, ...keys].map((message) => ({ file, message }));
  });
}

function sent(message: string): boolean {
  const [namespace, key] = message.split('.') as [string, string];
  const keys = CLIENT_MESSAGES[namespace];
  return keys === true || (keys !== undefined && key !== '*' && keys.includes(key));
}

describe('messages sent to the browser', () => {
  it('include every message a client component translates', () => {
    const uses = clientUses();
    expect(uses.some((u) => u.message === 'dashboard.made')).toBe(true);
    expect(uses.filter((u) => !sent(u.message))).toEqual([]);
  });

  it('leave out what only the server translates', () => {
    const picked = clientMessages(zhCN);
    expect(picked).not.toHaveProperty('todo');
    expect(picked).not.toHaveProperty('map');
    expect(Object.keys(picked.dashboard as object).sort()).toEqual(['beneficiaries', 'incomeToVillages', 'jobs', 'made']);
    expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(zhCN).length * 0.75);
  });

  it('name only namespaces and keys that exist', () => {
    for (const [namespace, keys] of Object.entries(CLIENT_MESSAGES)) {
      expect(namespaces, namespace).toContain(namespace);
      if (keys !== true) for (const key of keys) expect(zhCN[namespace as keyof typeof zhCN], `${namespace}.${key}`).toHaveProperty(key);
    }
  });
});
