/**
 * Points end to end (issue #12), in Debian's Chromium against the real server process: a 东城 cadre opens 党心e家 in the
 * console and awards a delivery rider three verified volunteer hours; the rider signs in on the member pages of a
 * phone (a one-time code read from the outbox), goes from 会员服务 to 我的积分, sees the balance and when it expires,
 * and shows the spending code; the cadre adds a cashier to a food-court merchant, who signs in on a phone, changes
 * the generated first password, types the member's 8 digits at the counter (the camera cannot run headless: typing is
 * the fallback path) and charges 午餐套餐 15 分; the rider's page shows the charge; the cadre downloads the month's
 * statement and the journey finds the charge in the .xlsx. The counter and the member's page then switch to English.
 * Screenshots of every step go to e2e/artifacts/ (p01…).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext, BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/common/identity.js';
import type { OrgSearchHit } from '../src/common/orgs.js';
import {
  admitMember,
  ADMIN_PASSWORD,
  artifacts,
  codeFromOutbox,
  hasChromium,
  json,
  openFromMenu,
  signIn,
  signInApi,
  useJourney,
  waitForDemo,
  DESKTOP,
  SMALL_PHONE,
  shot,
} from './harness.js';

const CADRE = { username: 'dongcheng.points', password: 'Dongcheng-Points-2026', displayName: '东城积分专干' };
const CASHIER = { username: 'zhajiang.cashier', displayName: '收银员小李', password: 'Counter-Lunch-2026' };
const MERCHANT = '新世界美食广场·老北京炸酱面';

/** A valid 18-character ID number (东城, born 1992-06-15) with a sequence that differs per run. */
function idNumber(sequence: number): string {
  const first17 = `11010119920615${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
  });
}

/** Clicks until the outcome shows: on a busy machine a click can land while a dialog is still opening. */
async function clickUntil(button: Locator, outcome: Locator): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await button.isVisible()) await button.click();
    try {
      await outcome.waitFor({ timeout: 6000 });
      return;
    } catch {
      // not yet: click again
    }
  }
  await outcome.waitFor();
}

describe.skipIf(!hasChromium)('points: earn, see, spend, settle', () => {
  const journey = useJourney();

  it('a cadre awards volunteer hours, the member sees them, a cashier charges a lunch, the statement holds it', async () => {
    const { app, browser } = journey;
    const started = Date.now();
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    const newContext = async (options: Parameters<typeof browser.newContext>[0]) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    };
    const phoneOptions = { viewport: SMALL_PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
    const adminContext = await newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const deskContext = await newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const memberContext = await newContext(phoneOptions);
    const cashierContext = await newContext(phoneOptions);
    const admin: APIRequestContext = adminContext.request;
    const desk = await deskContext.newPage();
    const member = await memberContext.newPage();
    const cashier = await cashierContext.newPage();
    for (const page of [desk, member, cashier]) watch(page, problems);
    try {
      // 0. The federation's admin: the demo data in, a 东城 points cadre, and a delivery rider admitted to a 东城 union.
      await waitForDemo(app.baseUrl);
      await signInApi(admin, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const dongcheng = (
        await json<{ items: OrgSearchHit[] }>(
          admin.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('东城区总工会')}&kind=district_federation&limit=1`),
        )
      ).items[0]!;
      await json(
        admin.post(`${app.baseUrl}/api/users`, {
          data: { ...CADRE, orgId: dongcheng.id, role: 'union_cadre' },
        }),
      );
      const someone = (await json<{ items: { orgId: number }[] }>(admin.get(`${app.baseUrl}/api/members?orgId=${dongcheng.id}&limit=1`)))
        .items[0]!;
      const id = idNumber(Date.now());
      const phoneNumber = `1391234${String(Date.now() % 10_000).padStart(4, '0')}`;
      await admitMember(admin, app.baseUrl, someone.orgId, {
        name: '张骑手',
        idNumber: id,
        phone: phoneNumber,
        employerName: '美团外卖东城站',
        employmentForm: 'delivery_rider',
      });
      const rider = (
        await json<{ items: { id: number; name: string }[] }>(
          admin.get(`${app.baseUrl}/api/members?orgId=${dongcheng.id}&q=${phoneNumber}`),
        )
      ).items[0]!;
      expect(rider.name).toBe('张骑手');

      // 1. The 东城 cadre opens 党心e家 and awards three verified volunteer hours (10 points an hour).
      await signIn(desk, app.baseUrl, CADRE.username, CADRE.password);
      await openFromMenu(desk, 'activities', 'nav-points-programmes', '/points/programmes'); // 积分项目 is under 活动与福利
      await desk.getByText('党心e家').first().click();
      await desk.getByTestId('programme-page').waitFor();
      await shot(desk, 'p01-programme');
      await desk.getByTestId('award-points').click();
      await desk.locator('.ant-modal-content').getByText('志愿服务时长（已核实）').click();
      // 会员: searched by phone (an 11-digit phone matches exactly), picked by its masked phone among the hits.
      await desk.getByTestId('award-member').locator('input').fill(phoneNumber);
      await desk
        .locator('.ant-select-item-option')
        .filter({ hasText: phoneNumber.slice(-4) })
        .first()
        .click();
      await desk.getByTestId('award-hours').fill('3');
      await desk.getByTestId('award-reason').fill('崇外街道社区老人送餐 3 小时');
      await shot(desk, 'p02-award');
      await clickUntil(desk.getByTestId('award-ok'), desk.getByText('已奖励 30 分'));
      await desk.getByTestId('programme-transfers-table').getByText('崇外街道社区老人送餐 3 小时').waitFor();
      await shot(desk, 'p03-awarded');

      // 2. The rider signs in on the member pages, goes to 我的积分: 30 points, expiring at the end of next year.
      await member.goto(`${app.baseUrl}/join/member`);
      await member.getByTestId('member-sign-in').waitFor();
      await member.getByTestId('member-id').fill(id);
      await member.getByTestId('member-phone').fill(phoneNumber);
      await member.getByTestId('member-ask-code').click();
      await member.getByTestId('member-code').waitFor();
      await member.getByTestId('member-code').fill(await codeFromOutbox(admin, app.baseUrl, phoneNumber.slice(-4)));
      await member.getByTestId('member-sign-in-submit').click();
      await member.getByTestId('member-home').waitFor();
      await member.getByTestId('member-points-link').click();
      await member.waitForURL((url) => url.pathname === '/points/me');
      const balance = member.getByTestId('points-balance');
      await balance.waitFor();
      expect(await member.getByTestId('public-title').innerText()).toBe('我的积分');
      expect(await balance.innerText()).toBe('30');
      const nextYear = new Date().getFullYear() + 1;
      await member.getByText(`${nextYear}/12/31 到期 30 分`).waitFor();
      await member.getByTestId('points-history').getByText('+30').waitFor();
      await member.getByTestId('points-places').getByText(MERCHANT).first().waitFor();
      await shot(member, 'p04-member-points', true);
      await member.getByTestId('points-show-code').click();
      const shortCode = (await member.getByTestId('points-short-code').innerText()).replace(/\s/g, '');
      expect(shortCode).toMatch(/^\d{8}$/);
      await member.getByTestId('points-qr').waitFor();
      await shot(member, 'p05-member-code');

      // 3. The cadre adds a cashier to the food-court merchant; the first password is shown once.
      // 积分商户 sits in the menu's overflow (…) at this width: the page is opened by its address.
      await desk.goto(`${app.baseUrl}/points/merchants?org=${dongcheng.id}`);
      await desk.getByText(MERCHANT).click();
      const detail = desk.getByTestId('merchant-detail');
      await detail.getByTestId('merchant-programmes').getByText('党心e家', { exact: false }).waitFor();
      await detail.getByTestId('cashier-username').fill(CASHIER.username);
      await detail.getByTestId('cashier-display-name').fill(CASHIER.displayName);
      await detail.getByTestId('cashier-add').click();
      const message = detail.getByTestId('merchant-message');
      await message.getByText('初始密码').waitFor();
      const firstPassword = /：(\S+)$/.exec((await message.innerText()).trim())?.[1] ?? '';
      expect(firstPassword.length).toBeGreaterThanOrEqual(10);
      await detail.getByTestId('merchant-cashiers').getByText(CASHIER.displayName, { exact: false }).waitFor();
      await shot(desk, 'p06-cashier-added');

      // 4. The cashier signs in on a phone, must change the first password, then opens the counter.
      await cashier.goto(`${app.baseUrl}/login`);
      await cashier.getByTestId('login-username').fill(CASHIER.username);
      await cashier.getByTestId('login-password').fill(firstPassword);
      await cashier.getByTestId('login-submit').click();
      await cashier.getByTestId('forced-password-card').waitFor();
      await cashier.getByTestId('password-current').fill(firstPassword);
      await cashier.getByTestId('password-new').fill(CASHIER.password);
      await cashier.getByTestId('password-confirm').fill(CASHIER.password);
      await shot(cashier, 'p07-cashier-password');
      await cashier.getByTestId('password-submit').click();
      await cashier.getByTestId('user-menu').waitFor();
      await cashier.goto(`${app.baseUrl}/points/counter`);
      const counter = cashier.getByTestId('cashier-page');
      await counter.getByText(`积分收银 · ${MERCHANT}`).waitFor();
      await shot(cashier, 'p08-counter');

      // 5. The member's 8 digits typed in, 午餐套餐 chosen, charged: the counter says so.
      await cashier.getByTestId('cashier-code').fill(shortCode);
      await cashier.getByTestId('cashier-items').getByText('午餐套餐 · 15').click();
      await shot(cashier, 'p09-counter-filled', true);
      await cashier.getByTestId('cashier-charge').click();
      const result = cashier.getByTestId('cashier-result');
      await result.waitFor();
      expect(await result.innerText()).toContain('已收取 15 分（张**）');
      expect(await result.innerText()).toContain('已入账');
      await cashier.getByTestId('cashier-today').getByText('午餐套餐', { exact: false }).waitFor();
      // The day's total beside 今日核销 counts this charge: at least 1 笔 and 15 分.
      const dayTotal = (await cashier.getByTestId('cashier-today-total').innerText()).match(/(\d+) 笔 · 共 (\d+) 分/);
      expect(dayTotal).not.toBeNull();
      expect(Number(dayTotal![1])).toBeGreaterThanOrEqual(1);
      expect(Number(dayTotal![2])).toBeGreaterThanOrEqual(15);
      await shot(cashier, 'p10-counter-charged', true);

      // 6. The member's page, still showing the code, picks up the charge.
      await member.getByTestId('points-history').getByText('-15').waitFor({ timeout: 30_000 });
      expect(await balance.innerText()).toBe('15');
      await member.getByTestId('points-history').getByText(MERCHANT, { exact: false }).waitFor();
      await shot(member, 'p11-member-charged', true);

      // 7. The cadre downloads this month's statement of the merchant; the charge is a row of the .xlsx.
      await desk.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await desk.getByText(MERCHANT).click();
      const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
      await detail.getByTestId('statement-month').click();
      await desk.keyboard.type(month);
      await desk.keyboard.press('Enter');
      const [download] = await Promise.all([desk.waitForEvent('download'), detail.getByTestId('statement-download').click()]);
      const file = path.join(artifacts, 'p-statement.xlsx');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      const rows: string[] = [];
      workbook.eachSheet((sheet) =>
        sheet.eachRow((row) => rows.push((row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v))).join('|'))),
      );
      const charge = rows.find((r) => r.includes('午餐套餐') && r.includes('张**'));
      expect(charge, rows.join('\n')).toBeDefined();
      expect(charge).toContain('15');
      expect(rows.join('\n')).not.toContain(id); // no ID number in the file
      await shot(desk, 'p12-statement');

      // 8. The same pages in English: the member's page by its switch, the counter by the console's language.
      await member.getByTestId('public-lang').click();
      await member.getByTestId('public-title').getByText('My points').waitFor();
      await member.getByText('Show my code').first().waitFor();
      await shot(member, 'p13-member-english', true);
      await cashier.evaluate(() => localStorage.setItem('gonghui.lang', 'en'));
      await cashier.reload();
      await cashier.getByTestId('cashier-page').getByText(`Points counter · ${MERCHANT}`).waitFor();
      await cashier
        .getByTestId('cashier-charge')
        .getByText(/[A-Za-z]/)
        .waitFor();
      await shot(cashier, 'p14-counter-english', true);

      expect(problems).toEqual([]);
      console.log(`points journey: ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (error) {
      for (const [name, page] of [
        ['desktop', desk],
        ['member', member],
        ['cashier', cashier],
      ] as const)
        await page.screenshot({ path: path.join(artifacts, `p-failure-${name}.png`) }).catch(() => undefined);
      console.error(`problems: ${problems.join('\n')}\nserver output:\n${app.output()}`);
      throw error;
    } finally {
      for (const context of contexts) await context.close().catch(() => undefined);
    }
  }, 600_000);
});
