import { expect, test } from '@playwright/test';
import { expectAccessible, PASSWORD, shoot, signIn } from './helpers';

test('a wrong password and a locked account say so, in the user language', async ({ page }) => {
  await page.goto('/login');
  await expectAccessible(page);
  await shoot(page, 'login');
  await page.getByLabel('用户名').fill('viewer');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText('用户名或密码不正确。')).toBeVisible();

  for (let i = 0; i < 5; i++) {
    await page.getByLabel('用户名').fill('taoyuan');
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('status')).not.toBeEmpty();
  }
  await expect(page.getByText(/账号已暂时锁定/)).toBeVisible();
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(/账号已暂时锁定/)).toBeVisible();
});

test('an expired session goes to sign in and comes back to the page', async ({ page, context }) => {
  await signIn(page, 'viewer');
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === 'next-auth.session-token')!;
  await context.addCookies([{ ...session, value: 'expired-or-forged' }]);
  await page.goto('/zones?modelZone=accredited');
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await page.getByLabel('用户名').fill('viewer');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/zones\?modelZone=accredited$/);
});

test('English is one switch away and stays chosen', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill('viewer');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Citywide overview' })).toBeVisible();
  await expect(page.getByText(/Sample data/)).toBeVisible();
  await page.goto('/zones');
  await expect(page.getByRole('heading', { name: 'Zones' })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, 'dashboard-english');
});
