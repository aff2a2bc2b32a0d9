/**
 * 夏送清凉 from stock to hand-out to reconciliation, in Debian's Chromium against the real server process: the city
 * federation's admin opens the demo campaign, stocks watermelon and allocates some to 东城区总工会; a 东城 cadre confirms
 * receipt, hands out to a named outdoor worker, is refused a second hand-out to the same person (每人限领一次), and
 * the reconciliation shows the figures. The designated shop's cashier checks the worker's cold-drink voucher on a phone:
 * redeemed once, a second scan says 重复; offline, another voucher is checked against the cached public key, queued and
 * synced when the phone is back online. Screenshots: e2e/artifacts/welfare-*.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import type { Page as ListPage } from '../src/common/paging.js';
import type { Campaign, CampaignDetail, Handout, Reconciliation, StockMove } from '../src/common/welfare.js';
import {
  ADMIN_PASSWORD,
  artifacts,
  hasChromium,
  json,
  openFromMenu,
  signIn,
  signInApi,
  useJourney,
  DESKTOP,
  SMALL_PHONE,
  shot,
} from './harness.js';

const CADRE = { username: 'dc.welfare', displayName: '东城慰问干部', password: 'Dc-Welfare-Pass-2026' };
const WAIT = { timeout: 60_000 };
const STOCKED = 500;
const ALLOCATED = 237;
const HANDED = 7;

/** Waits until a modal's opening motion ends (typing before that loses the dropdown). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave'), undefined, WAIT);
}

async function pick(page: Page, selectTestId: string, optionTitle: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${optionTitle}"]`).click(WAIT);
}

describe.skipIf(!hasChromium)('a 夏送清凉 campaign in a browser', () => {
  const journey = useJourney();

  it('stocks, allocates, confirms receipt, hands out once per person, and reconciles', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
      });
    };
    const adminDesk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const cadreDesk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await adminDesk.newPage();
    watch(page);
    let cadrePage: Page | undefined;
    let counter: Page | undefined;
    try {
      // Set-up through the API: a cadre of 东城区总工会; the demo campaign and its reconciliation before the journey.
      const api = await browser.newContext();
      await signInApi(api.request, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const q = (s: string) => encodeURIComponent(s);
      const dongcheng = (
        await json<{ items: OrgSearchHit[] }>(
          api.request.get(`${app.baseUrl}/api/orgs/search?q=${q('东城区总工会')}&kind=district_federation&limit=1`),
        )
      ).items[0]!;
      await json(api.request.post(`${app.baseUrl}/api/users`, { data: { ...CADRE, orgId: dongcheng.id, role: 'union_cadre' } }));
      const me = await json<{ grants: { orgId: number }[] }>(api.request.get(`${app.baseUrl}/api/auth/me`));
      const campaigns = await json<ListPage<Campaign>>(
        api.request.get(`${app.baseUrl}/api/welfare/campaigns?orgId=${me.grants[0]!.orgId}`),
      );
      const demo = campaigns.items.find((c) => c.kind === 'summer')!;
      expect(demo.name).toContain('夏送清凉');
      const before = await json<Reconciliation>(api.request.get(`${app.baseUrl}/api/welfare/campaigns/${demo.id}/reconciliation`));
      // 10 cold-drink vouchers allocated to 东城 and received there (the watermelon goes through the pages below).
      const detail = await json<CampaignDetail>(api.request.get(`${app.baseUrl}/api/welfare/campaigns/${demo.id}`));
      const voucherItem = detail.items.find((i) => i.isVoucher)!;
      const sent = await json<StockMove>(
        api.request.post(`${app.baseUrl}/api/welfare/campaigns/${demo.id}/moves`, {
          data: {
            kind: 'allocate',
            key: 'e2e-vouchers',
            itemId: voucherItem.id,
            qty: 10,
            fromOrgId: me.grants[0]!.orgId,
            toOrgId: dongcheng.id,
          },
        }),
      );
      const merchantId = detail.merchants[0]!.merchantId;
      const cashier = await json<{ username: string; firstPassword: string }>(
        api.request.post(`${app.baseUrl}/api/points/merchants/${merchantId}/cashiers`, {
          data: { username: 'shop.cashier', displayName: '冷饮店收银员' },
        }),
      );
      await api.close();
      const cadreApi = await browser.newContext();
      await signInApi(cadreApi.request, app.baseUrl, CADRE.username, CADRE.password);
      await json(cadreApi.request.post(`${app.baseUrl}/api/welfare/campaigns/${demo.id}/receipts`, { data: { moveId: sent.id } }));
      const melonBefore = before.items.find((i) => i.itemName === '西瓜')!;
      const dcBefore = before.rows.find((r) => r.orgId === dongcheng.id && r.itemName === '西瓜')?.own ?? { received: 0, handedOut: 0 };

      // 1. The admin opens the campaign from the menu's list.
      await signIn(page, app.baseUrl);
      await openFromMenu(page, 'activities', 'nav-welfare', '/welfare'); // 慰问活动 is under 活动与福利
      await page.getByTestId('campaigns-table').locator('tbody tr', { hasText: '夏送清凉' }).first().click(WAIT);
      await page.getByTestId('campaign-page').waitFor(WAIT);
      expect(new URL(page.url()).pathname).toBe(`/welfare/campaigns/${demo.id}`);
      await page.getByTestId('campaign-items-table').getByText('西瓜', { exact: true }).waitFor(WAIT);
      await shot(page, 'welfare-01-campaign', true);

      // 2. Stock in 500 斤 of watermelon at the warehouse.
      await page.getByTestId('stock-in').click();
      await settled(page);
      await pick(page, 'move-item', '西瓜（斤）');
      await page.getByTestId('move-qty').fill(String(STOCKED));
      await page.getByTestId('move-ok').click();
      await page
        .getByTestId('move-form')
        .locator('.ant-modal')
        .waitFor({ state: 'hidden', ...WAIT });

      // 3. Allocate 237 斤 from the warehouse to 东城区总工会: in transit until 东城 confirms.
      await page.getByTestId('stock-allocate').click();
      await settled(page);
      await pick(page, 'move-item', '西瓜（斤）');
      await page.getByTestId('move-qty').fill(String(ALLOCATED));
      await page.getByTestId('move-from').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '仓库' }).first().click(WAIT);
      await page.getByTestId('move-to').locator('input').click();
      await page.getByTestId('move-to').locator('input').fill('东城区总工会');
      await page.getByTestId(`org-option-${dongcheng.id}`).click(WAIT);
      // The picker's list closes before 确定 is pressed: on a loaded machine a click during its closing was lost.
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden', ...WAIT });
      await shot(page, 'welfare-02-allocate', true);
      await page.getByTestId('move-ok').click();
      await page
        .getByTestId('move-form')
        .locator('.ant-modal')
        .waitFor({ state: 'hidden', ...WAIT });
      const pending = page.getByTestId('pending-receipts');
      await pending.locator('tbody tr', { hasText: String(ALLOCATED) }).waitFor(WAIT);

      // 4. The 东城 cadre confirms receipt.
      cadrePage = await cadreDesk.newPage();
      watch(cadrePage);
      await signIn(cadrePage, app.baseUrl, CADRE.username, CADRE.password);
      await cadrePage.goto(`${app.baseUrl}/welfare/campaigns/${demo.id}`);
      const row = cadrePage.getByTestId('pending-receipts').locator('tbody tr', { hasText: String(ALLOCATED) });
      await row.waitFor(WAIT);
      await row.locator('button').click();
      await cadrePage.getByTestId('pending-receipts').waitFor({ state: 'detached', ...WAIT });
      await shot(cadrePage, 'welfare-03-received', true);

      // 5. A hand-out to a named outdoor worker from 东城's stock.
      const phone = `139${String(Date.now()).slice(-8)}`;
      const handOut = async () => {
        await cadrePage!.getByTestId('handout-create').click();
        await settled(cadrePage!);
        await pick(cadrePage!, 'handout-from', '东城区总工会');
        await cadrePage!.getByTestId('handout-name').fill('张师傅');
        await cadrePage!.getByTestId('handout-phone').fill(phone);
        const melon = (await cadrePage!.locator('[data-testid^="handout-qty-"]').first().getAttribute('data-testid'))!;
        await cadrePage!.getByTestId(melon).fill(String(HANDED));
        await cadrePage!.getByTestId(`handout-qty-${voucherItem.id}`).fill('1');
        await cadrePage!.getByTestId('handout-ok').click();
      };
      await cadrePage.getByTestId('tab-handouts').click();
      await cadrePage.getByTestId('handouts-tab').waitFor(WAIT);
      const answered = cadrePage.waitForResponse(
        (r) => r.url().endsWith(`/campaigns/${demo.id}/handouts`) && r.request().method() === 'POST',
        WAIT,
      );
      await handOut();
      const voucherToken = ((await (await answered).json()) as Handout).vouchers[0]!.token;
      expect(voucherToken).toMatch(/^WV1\./u);
      // The voucher's QR code is shown once, for the worker to keep.
      await cadrePage.getByTestId('issued-vouchers').locator('canvas').waitFor(WAIT);
      await shot(cadrePage, 'welfare-04a-voucher-issued', true);
      // Closed by its own button: an Escape reaches the dialog only when the focus is inside it, and a dialog left
      // open covers the page's buttons.
      const issued = cadrePage.getByTestId('issued-vouchers');
      await issued.locator('.ant-modal-close').click(WAIT);
      await issued.waitFor({ state: 'detached', ...WAIT });
      await cadrePage.getByTestId('handouts-table').locator('tbody tr', { hasText: '张' }).first().waitFor(WAIT);
      expect(await cadrePage.getByTestId('handouts-table').innerText()).not.toContain(phone);

      // 6. A second hand-out to the same person is refused, in Chinese, naming when and where.
      await handOut();
      const refusal = cadrePage.getByTestId('handout-error');
      await refusal.waitFor(WAIT);
      expect(await refusal.innerText()).toContain('此人已在本活动中领取过');
      expect(await refusal.innerText()).toContain('每人限领一次');
      await shot(cadrePage, 'welfare-04-refused', true);
      await cadrePage.keyboard.press('Escape');

      // 7. The reconciliation: 东城 received the allocation and handed out 7 斤; one more person reached.
      await cadrePage.getByTestId('tab-reconciliation').click();
      const rows = cadrePage.getByTestId('rec-rows');
      const dcMelon = rows.locator('tbody tr', { hasText: '东城区总工会' }).filter({ hasText: '西瓜' }).first();
      await dcMelon.waitFor(WAIT);
      const cells = await dcMelon.locator('td').allInnerTexts();
      expect(cells.some((c) => c.startsWith(String(dcBefore.received + ALLOCATED)))).toBe(true);
      expect(cells.some((c) => c.startsWith(String(dcBefore.handedOut + HANDED)))).toBe(true);
      await shot(cadrePage, 'welfare-05-reconciliation-dongcheng', true);

      // The admin's reconciliation of the whole campaign: stocked in and handed out grew, the books balance.
      await page.getByTestId('tab-reconciliation').click();
      const items = page.getByTestId('rec-items');
      const melonRow = items.locator('tbody tr', { hasText: '西瓜' });
      await melonRow.waitFor(WAIT);
      const melonCells = await melonRow.locator('td').allInnerTexts();
      expect(melonCells).toContain(String(melonBefore.stockIn + STOCKED));
      expect(melonCells).toContain(String(melonBefore.handedOut + HANDED));
      expect(await melonRow.innerText()).toContain('账实相符');
      expect(Number((await page.getByTestId('rec-people').locator('.ant-statistic-content-value').innerText()).replace(/,/gu, ''))).toBe(
        before.peopleReached + 1,
      );
      await shot(page, 'welfare-06-reconciliation', true);

      // 8. The shop's cashier on a phone. The demo's voucher period is the summer, so two cold-drink vouchers of a
      // campaign running now, taken at the same shop, go to two workers (through the API).
      await cadreApi.close();
      const admin = await browser.newContext();
      await signInApi(admin.request, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      const drinks = await json<CampaignDetail>(
        admin.request.post(`${app.baseUrl}/api/welfare/campaigns`, {
          data: {
            orgId: me.grants[0]!.orgId,
            kind: 'summer',
            name: '冷饮兑换券（高温补发）',
            startsOn: today,
            endsOn: later,
            voucherFrom: today,
            voucherTo: later,
            merchantIds: [merchantId],
            items: [{ name: '冷饮兑换券', unit: '张', plannedQty: 10, isVoucher: true }],
          },
        }),
      );
      const drink = drinks.items[0]!;
      await json(
        admin.request.post(`${app.baseUrl}/api/welfare/campaigns/${drinks.id}/moves`, {
          data: { kind: 'stock_in', key: 'e2e-drinks', itemId: drink.id, qty: 10 },
        }),
      );
      const [first, second] = await Promise.all(
        ['王师傅', '李师傅'].map((name, i) =>
          json<Handout>(
            admin.request.post(`${app.baseUrl}/api/welfare/campaigns/${drinks.id}/handouts`, {
              data: {
                kind: 'person',
                key: `e2e-drink-${i}`,
                from: { orgId: me.grants[0]!.orgId },
                name,
                phone: `13${i + 6}${String(Date.now()).slice(-8)}`,
                items: [{ itemId: drink.id, qty: 1 }],
              },
            }),
          ),
        ),
      );
      await admin.close();
      const shop = await browser.newContext({ viewport: SMALL_PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
      await signInApi(shop.request, app.baseUrl, cashier.username, cashier.firstPassword);
      await json(
        shop.request.post(`${app.baseUrl}/api/auth/password`, {
          data: { currentPassword: cashier.firstPassword, newPassword: 'Shop-Cashier-Pass-2026' },
        }),
      );
      const shopPage = await shop.newPage();
      counter = shopPage;
      watch(shopPage);
      await shopPage.goto(`${app.baseUrl}/welfare/check`);
      await shopPage.getByTestId('voucher-check-page').waitFor(WAIT);
      // The page keeps the public key for offline checks once it has fetched it.
      await shopPage.waitForFunction(() => localStorage.getItem('gonghui.welfare.voucherKey') !== null, undefined, WAIT);
      const scan = async (token: string, expected: string) => {
        await shopPage.getByTestId('voucher-code').fill(token);
        await shopPage.getByTestId('voucher-redeem').click();
        await shopPage.getByTestId('voucher-outcome').getByText(expected).waitFor(WAIT);
      };
      await scan(first!.vouchers[0]!.token, '已核销');
      await shot(shopPage, 'welfare-08-voucher-redeemed', true);
      await scan(first!.vouchers[0]!.token, '重复：该券已核销过');
      await shot(shopPage, 'welfare-09-voucher-duplicate', true);

      // 9. Offline: the other worker's voucher is checked on the phone and queued; scanned again, 重复 at once; back
      // online, the queue syncs and the server counts it once.
      await shop.setOffline(true);
      await shopPage.evaluate(() => window.dispatchEvent(new Event('offline')));
      await scan(second!.vouchers[0]!.token, '已验证，待同步');
      await shopPage.getByTestId('voucher-queued').waitFor(WAIT);
      await scan(second!.vouchers[0]!.token, '重复：该券已核销过');
      await shot(shopPage, 'welfare-10-voucher-offline', true);
      await shop.setOffline(false);
      await shopPage.evaluate(() => window.dispatchEvent(new Event('online')));
      await shopPage.getByTestId('voucher-queued').waitFor({ state: 'detached', ...WAIT });
      const after = await json<Reconciliation>(shop.request.get(`${app.baseUrl}/api/welfare/campaigns/${demo.id}/reconciliation`)).catch(
        () => null,
      );
      expect(after).toBeNull(); // a cashier reads no reconciliation
      await page.goto(`${app.baseUrl}/welfare/campaigns/${drinks.id}?tab=reconciliation`);
      const voucherRow = page.getByTestId('rec-items').locator('tbody tr', { hasText: drink.name });
      await voucherRow.waitFor(WAIT);
      // planned, stocked in, handed out, redeemed (each voucher once), left, in transit
      expect((await voucherRow.locator('td').allInnerTexts()).slice(1, 7)).toEqual(['10', '10', '2', '2', '8', '0']);
      await shot(page, 'welfare-11-voucher-reconciliation', true);
      await shop.close();

      // The same campaign page at phone width (a cadre at the market gate).
      const phonePage = await cadreDesk.newPage();
      await phonePage.setViewportSize(SMALL_PHONE);
      await phonePage.goto(`${app.baseUrl}/welfare/campaigns/${demo.id}?tab=handouts`);
      await phonePage.getByTestId('handouts-tab').waitFor(WAIT);
      await shot(phonePage, 'welfare-07-phone', true);
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'welfare-failure.png') }).catch(() => undefined);
      await cadrePage?.screenshot({ path: path.join(artifacts, 'welfare-failure-cadre.png') }).catch(() => undefined);
      await counter?.screenshot({ path: path.join(artifacts, 'welfare-failure-counter.png') }).catch(() => undefined);
      throw error;
    } finally {
      await adminDesk.close();
      await cadreDesk.close();
    }
  });
});
