/**
 * The 工作台 as a district cadre sees it, in Debian's Chromium against the real server process: signing in lands on
 * the 工作台, whose 待审核 count is the review queue's and the menu badge's; its link opens the filtered queue. Then the
 * audit log reads in words and filters by action. Screenshots: e2e/artifacts/workbench.png and audit.png.
 */
import path from 'node:path';
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { ADMIN_PASSWORD, artifacts, hasChromium, useJourney, waitForDemo, DESKTOP, shot } from './harness.js';

const CADRE = { username: 'dc.workbench', displayName: '东城工作台干部', password: 'Dc-Workbench-Pass-2026' };

/** A valid resident ID number (check digit per GB 11643) of someone born in 1990, unique by `serial`. */
function idNumber(serial: number): string {
  const body = `11010119900101${String(500 + serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return body + '10X98765432'.charAt(sum % 11);
}

async function signIn(request: APIRequestContext, baseUrl: string, username: string, password: string): Promise<void> {
  const response = await request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!response.ok()) throw new Error(`sign-in of ${username} failed: ${response.status()} ${await response.text()}`);
}

/** The pending applications of the review queue of `orgId`, counted page by page as the console lists them. */
async function pendingInQueue(request: APIRequestContext, baseUrl: string, orgId: number): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const query: string = `orgId=${orgId}&status=pending&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = (await (await request.get(`${baseUrl}/api/applications?${query}`)).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

const badgeCount = async (page: Page, testId: string) => page.getByTestId(testId).locator('sup').first().getAttribute('title');

describe.skipIf(!hasChromium)('the 工作台 and the audit log in a browser', () => {
  const journey = useJourney({ fresh: true });

  it('lands a district cadre on the 工作台 with counts that match the queue, and reads the audit log in words', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const admin = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const desk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    for (const context of [admin, desk]) {
      context.on('page', (page) => {
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('response', (r) => {
          if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
        });
      });
    }
    const adminPage = await admin.newPage();
    const page = await desk.newPage();
    try {
      // 0. While the demo members load, the login page says so, with how far; the notice goes once they are in.
      await page.goto(`${app.baseUrl}/login`);
      const banner = page.getByTestId('demo-banner');
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.innerText()).toMatch(/演示数据加载中 … \d+%/);
      await shot(page, 'demo-banner');

      // The admin creates a cadre of 东城区总工会; two workers apply to a union in 东城 on their phones.
      await signIn(admin.request, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const districts = (await (
        await admin.request.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('东城区总工会')}&kind=district_federation&limit=1`)
      ).json()) as { items: OrgSearchHit[] };
      const dongcheng = districts.items[0]!;
      const created = await admin.request.post(`${app.baseUrl}/api/users`, {
        data: { ...CADRE, orgId: dongcheng.id, role: 'union_cadre' },
      });
      expect(created.status()).toBe(201);
      // The cadre's own API session (apart from the browser's sign-in below) finds a union of 东城 and counts the queue.
      const probe = await browser.newContext();
      await signIn(probe.request, app.baseUrl, CADRE.username, CADRE.password);
      const unions = (await (
        await probe.request.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('工会')}&kind=grassroots_union&limit=1`)
      ).json()) as { items: OrgSearchHit[] };
      // The demo goes on loading (its pending applications too) after the server answers: counts are read once it is done.
      await waitForDemo(app.baseUrl);
      const before = await pendingInQueue(probe.request, app.baseUrl, dongcheng.id);
      for (const [i, name] of ['赵工作', '钱工作'].entries()) {
        const applied = await probe.request.post(`${app.baseUrl}/api/public/applications`, {
          data: { name, idNumber: idNumber(i), phone: `1390000${String(7000 + i)}`, employmentForm: 'courier', orgId: unions.items[0]!.id },
        });
        expect(applied.status()).toBe(201);
      }
      const queued = await pendingInQueue(probe.request, app.baseUrl, dongcheng.id);
      await probe.close();
      expect(queued).toBe(before + 2);

      await banner.waitFor({ state: 'detached', timeout: 10_000 });

      // 1. Signing in lands on the 工作台: 东城's figures, 待审核 as many as the queue holds, the same on the menu badge.
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-username').fill(CADRE.username);
      await page.getByTestId('login-password').fill(CADRE.password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('workbench-page').waitFor();
      expect(new URL(page.url()).pathname).toBe('/workbench');
      const node = page.getByTestId(`workbench-node-${dongcheng.id}`);
      await node.waitFor();
      expect(await node.innerText()).toContain('入会率');
      expect(await node.innerText()).toContain('建会率');
      const todo = page.getByTestId('todo-count-applications.pending');
      await todo.waitFor();
      expect(await todo.locator('sup').first().getAttribute('title')).toBe(String(queued));
      await page.getByTestId('badge-nav-review').waitFor();
      expect(await badgeCount(page, 'badge-nav-review')).toBe(String(queued));
      expect(await page.getByTestId('todo-applications.pending').innerText()).toContain('待审核入会申请');
      await shot(page, 'workbench');

      // 2. Its link opens the review queue of 东城 (pending, the queue's default), with the same count on the tab.
      await page.getByTestId('todo-open-applications.pending').click();
      // (The queue lists oldest first: the demo's pending applications fill its first page.)
      await page.getByTestId('applications-table').locator('tbody tr[data-row-key]').first().waitFor();
      expect(page.url()).toContain(`/orgs/${dongcheng.id}?tab=applications`);
      await page.getByTestId('badge-tab-applications').waitFor();
      expect(await badgeCount(page, 'badge-tab-applications')).toBe(String(queued));

      // 3. The audit log in words: the admin filters by 新建用户 and reads who was created, by name and role.
      await adminPage.goto(`${app.baseUrl}/audit`);
      await adminPage.getByTestId('audit-page').waitFor();
      await adminPage.getByTestId('audit-action').click();
      await adminPage.keyboard.type('新建用户');
      await adminPage.keyboard.press('Enter');
      const line = adminPage.getByTestId('audit-what').filter({ hasText: `新建用户 ${CADRE.displayName}（工会干部）` });
      await line.first().waitFor();
      const lines = await adminPage.getByTestId('audit-what').allInnerTexts();
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((l) => l.startsWith('新建用户'))).toBe(true);
      await shot(adminPage, 'audit');

      // 4. The auditors' Excel file of what is filtered, named with the node and the day.
      const download = adminPage.waitForEvent('download');
      await adminPage.getByTestId('audit-export').click();
      expect((await download).suggestedFilename()).toMatch(/^操作日志_北京市总工会_\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'workbench-failure.png') }).catch(() => undefined);
      await adminPage.screenshot({ path: path.join(artifacts, 'audit-failure.png') }).catch(() => undefined);
      console.error(`problems:\n${problems.join('\n')}\nserver output:\n${app.output()}`);
      throw error;
    } finally {
      await admin.close();
      await desk.close();
    }
  });
});
