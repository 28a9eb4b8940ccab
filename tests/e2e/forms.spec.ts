import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, shoot, signIn } from './helpers';

// Issue 16: forms keep what was typed and agree with themselves after an error; weighty acts
// ask once, naming the consequence; an administrator-chosen password is replaced first; a
// locked account can be unlocked. Runs before sessions.spec (which locks taoyuan) and uses
// only its own user and 桃园村 (village.spec works on 毛家冲村).
const USERNAME = 'forms.clerk';
const INITIAL = 'Initial-pass-2025';
const OWN = 'Own-choice-2026';

const newUserForm = (page: Page) => page.locator('section[aria-labelledby="new-user"] form');

test('the new-user form keeps role, scope and village together after an error, and resubmits', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  const form = newUserForm(page);
  await form.getByLabel('用户名').fill(USERNAME);
  await form.getByLabel('姓名').fill('表单测试村委会');
  await form.getByLabel('角色').selectOption('VILLAGE_COMMITTEE');
  await expect(form.getByLabel('所属国企')).toHaveCount(0);
  await form.getByLabel('所属村').selectOption({ index: 1 });
  const village = await form.getByLabel('所属村').inputValue();
  await form.getByLabel('初始密码').fill('short1');
  await form.getByRole('button', { name: '新建用户' }).click();

  await expect(form.getByText('密码至少 10 位。')).toBeVisible();
  await expect(form.getByLabel('初始密码')).toHaveAttribute('aria-invalid', 'true');
  // Everything as typed, and the scope field the one the shown role needs.
  await expect(form.getByLabel('用户名')).toHaveValue(USERNAME);
  await expect(form.getByLabel('角色')).toHaveValue('VILLAGE_COMMITTEE');
  await expect(form.getByLabel('所属村')).toHaveValue(village);
  await expect(form.getByLabel('所属国企')).toHaveCount(0);
  await expect(form.getByLabel('初始密码')).toHaveValue('short1');

  await form.getByLabel('初始密码').fill(INITIAL);
  await form.getByRole('button', { name: '新建用户' }).click();
  await expect(form.getByText('已创建用户。')).toBeVisible();
  // A fresh form whose role and scope field agree again.
  await expect(form.getByLabel('用户名')).toHaveValue('');
  await expect(form.getByLabel('角色')).toHaveValue('SOE_LIAISON');
  await expect(form.getByLabel('所属国企')).toBeVisible();
  await expect(form.getByLabel('所属村')).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: USERNAME });
  await expect(row.getByText('尚未修改初始密码')).toBeVisible();
  await expectAccessible(page);
});

test('an account with an initial password can do nothing before changing it', async ({ page }) => {
  await signIn(page, USERNAME, INITIAL);
  await expect(page).toHaveURL(/\/account\/password$/);
  await expect(page.getByRole('alert').filter({ hasText: '管理员为您设置了初始密码' })).toBeVisible();
  for (const path of ['/projects', '/dashboard', '/zones']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/account\/password$/);
  }
  // A download asks the same policy: refused, not served.
  expect((await page.request.get('/api/exports/projects')).ok()).toBe(false);

  await page.getByLabel('当前密码').fill(INITIAL);
  await page.getByLabel('新密码', { exact: true }).fill(OWN);
  await page.getByLabel('确认新密码').fill(OWN);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText(/密码已修改/)).toBeVisible();
  await page.waitForURL(/\/login/);
  await signIn(page, USERNAME, OWN);
  await expect(page).toHaveURL(/\/projects$/);
});

test('an administrator unlocks a locked account after confirming', async ({ page }) => {
  await page.goto('/login');
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('用户名').fill(USERNAME);
    await page.getByLabel('密码').fill(`wrong-${i}`);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByRole('status')).not.toBeEmpty();
  }
  await expect(page.getByText(/账号已暂时锁定/)).toBeVisible();

  await signIn(page, 'admin');
  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ hasText: USERNAME });
  await expect(row.getByText(/已锁定（至/)).toBeVisible();
  await row.getByRole('button', { name: '解除锁定' }).click();
  const dialog = page.getByRole('dialog', { name: `解除 ${USERNAME} 的锁定？` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('密码和已登录的会话不变');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await dialog.getByRole('button', { name: '解除锁定' }).click();
  await expect(row.getByText('已解除锁定。')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: USERNAME }).getByText(/已锁定/)).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, USERNAME, OWN);
  await expect(page).toHaveURL(/\/projects$/);
});

test('a village clerk on a phone: reports the income, corrects it with a reason after confirming, and confirms an update', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, 'taoyuan');
  const myVillage = await page.locator('a[href^="/villages/"]').filter({ hasText: '本村' }).first().getAttribute('href');
  await page.goto(myVillage!);

  const amount = page.getByLabel(/收入/);
  await amount.fill('420000');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await page.reload();

  // A correction: no reason, no question (the browser marks the field); with one, the question names the figures.
  await expect(page.getByRole('heading', { name: /更正 \d{4} 年村集体经济收入/ })).toBeVisible();
  await page.getByLabel(/收入/).fill('436000.50');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.getByLabel('更正原因').fill('补记年底分红收入');
  await page.getByRole('button', { name: '提交' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('由 42 万元 改为 43.6 万元');
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await shoot(page, 'income-correction-dialog-phone');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel('更正原因')).toHaveValue('补记年底分红收入');
  await page.getByRole('button', { name: '提交' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await page.reload();
  const history = page.getByRole('region', { name: '更正记录' });
  await expect(history).toContainText('42 万元 → 43.6 万元');
  await expect(history).toContainText('补记年底分红收入');
  await expectAccessible(page);

  // 确认属实 on the first update waiting for this village, if the sample data left one.
  await page.goto('/projects');
  const links = await page.locator('tbody a[href^="/projects/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  for (const href of links.slice(0, 12)) {
    await page.goto(href);
    const confirm = page.getByRole('button', { name: '确认属实' });
    if ((await confirm.count()) === 0) continue;
    await confirm.first().click();
    const question = page.getByRole('dialog', { name: '确认这条进展属实？' });
    await expect(question).toContainText('只能由组织部重新打开');
    await question.getByRole('button', { name: '确认属实' }).click();
    await expect(page.getByText('已保存').first()).toBeVisible();
    return;
  }
  test.info().annotations.push({ type: 'note', description: 'no update of 桃园村 waiting for confirmation in the sample data' });
});
