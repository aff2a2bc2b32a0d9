/**
 * The zh-CN console has no stray English: in Debian's Chromium against the real server process, the city
 * federation's admin opens every page of the menu, every tab of 东城's page and the dialogs cadres use most, and each
 * page's visible text and accessible names (placeholder, title, aria-label) are scanned for Latin words. Data the
 * people typed (user names, codes with digits) is not the console's wording and is left out; what remains must be
 * Chinese. Then the same pages in English show the English menu. Screenshot: e2e/artifacts/language.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { artifacts, hasChromium, signIn, useJourney, waitForDemo, DESKTOP } from './harness.js';

/**
 * Latin words the zh-CN console may show: product and format names a Chinese cadre reads as they are, the language
 * switch's own "English", and the demo's user names (data, not wording).
 */
const ALLOWED = new Set(['Excel', 'WPS', 'QR', 'CSV', 'IP', 'Alt', 'Ctrl', 'Shift', 'Enter', 'English', 'xlsx', 'csv', 'admin']);

/** The visible text and the accessible names of the page, without antd's icons (their names are the icon's). */
function pageWording(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.body.innerText];
    for (const element of document.querySelectorAll('[placeholder], [title], [aria-label]')) {
      if (element.closest('.anticon, [role="img"], canvas, svg')) continue;
      for (const name of ['placeholder', 'title', 'aria-label']) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

/**
 * The Latin words of `texts` that are neither allowed nor data: a word with a digit is a code (USCC, ID, phone), a
 * single capital a category code (行业门类 C 制造业) or an ID's check letter, and the route a refused request tried
 * (`GET /api/auth/me`, kept verbatim in the audit log for the auditor) is a fact, not wording; so is 党心e家 (a
 * programme's name).
 */
function strayEnglish(texts: string[]): string[] {
  const words =
    texts
      .join('\n')
      .replace(/\b(GET|POST|PUT|PATCH|DELETE) \/\S*/g, '')
      .replace(/党心e家/g, '') // the demo programme's name: data, not wording
      .match(/[A-Za-z][A-Za-z0-9]*(?:[._'’-][A-Za-z0-9]+)*/g) ?? [];
  return [
    ...new Set(words.filter((word) => !/\d/.test(word) && !/^[A-Z]$/.test(word) && !ALLOWED.has(word) && !/^[a-z]+\.[a-z.]+$/.test(word))),
  ];
}

const OPEN_DIALOG = '.ant-modal-content:visible';

/** Closes the open dialog by its close button, whose accessible name is Chinese too. */
async function closeDialog(page: Page): Promise<void> {
  await page.locator(OPEN_DIALOG).getByRole('button', { name: '关闭' }).click();
  await page.locator(OPEN_DIALOG).waitFor({ state: 'detached' });
}

describe.skipIf(!hasChromium)('the console in Chinese', () => {
  const journey = useJourney();

  it('shows no English on any page, tab or dialog in zh-CN, and the menu in English after switching', async () => {
    const { app, browser } = journey;
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const found: string[] = [];
    const scan = async (where: string) => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300); // antd's motion and lazy charts settle
      const stray = strayEnglish(await pageWording(page));
      if (stray.length > 0) found.push(`${where}: ${stray.join(', ')}`);
    };
    try {
      // The demo loads in the background: pages re-render under the clicks while it does (a button detached mid-click).
      await waitForDemo(app.baseUrl);
      await signIn(page, app.baseUrl);
      const districts = (await (
        await context.request.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('东城区总工会')}&kind=district_federation&limit=1`)
      ).json()) as { items: OrgSearchHit[] };
      const dongcheng = districts.items[0]!;

      for (const route of ['/workbench', '/dashboard', '/orgs/1', '/outreach', '/intake', '/messages', '/users', '/audit']) {
        await page.goto(`${app.baseUrl}${route}`);
        await page.getByTestId('user-menu').waitFor();
        await scan(route);
      }

      // Every tab of 东城's page, and the dialogs opened from them.
      await page.goto(`${app.baseUrl}/orgs/${dongcheng.id}`);
      await page.getByTestId('node-title').waitFor();
      const tabs = page.locator('span[data-testid^="tab-"]');
      expect(await tabs.count()).toBeGreaterThan(3);
      for (let i = 0; i < (await tabs.count()); i++) {
        const tab = (await tabs.nth(i).getAttribute('data-testid')) ?? `tab ${i}`;
        await tabs.nth(i).click();
        // The tab is shown once it is the selected one and the pane it left has finished hiding.
        await page.locator(`.ant-tabs-tab-active [data-testid="${tab}"]`).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('.ant-tabs-tabpane-active').length === 1);
        await scan(`东城 ${tab}`);
        for (const dialog of ['create-employer', 'export-members']) {
          // In the active tab only: the pane a click leaves can still show its button while it hides (clicked, then gone).
          const opener = page.locator('.ant-tabs-tabpane-active').getByTestId(dialog);
          if (!(await opener.isVisible())) continue;
          await opener.click();
          await page.locator(OPEN_DIALOG).getByRole('button', { name: '关闭' }).waitFor();
          await scan(`东城 ${tab} ${dialog}`);
          await closeDialog(page);
        }
        const stage = page.locator('[data-testid^="stage-employer-"]').first();
        if (await stage.isVisible()) {
          await stage.click();
          await page.locator(OPEN_DIALOG).waitFor();
          await scan(`东城 ${tab} stage-employer`);
          await closeDialog(page);
        }
      }

      // 积分: 东城's programmes and 党心e家's page with its award dialog, the merchants and one merchant's dialog.
      for (const route of [`/points/programmes?org=${dongcheng.id}`, `/points/merchants?org=${dongcheng.id}`]) {
        await page.goto(`${app.baseUrl}${route}`);
        await page.getByTestId('user-menu').waitFor();
        await scan(route);
      }
      await page.goto(`${app.baseUrl}/points/programmes?org=${dongcheng.id}`);
      await page.getByText('党心e家').first().click();
      await page.getByTestId('programme-page').waitFor();
      await scan('党心e家');
      await page.getByTestId('award-points').click();
      await page.locator(OPEN_DIALOG).waitFor();
      await scan('党心e家 award-points');
      await closeDialog(page);
      await page.goto(`${app.baseUrl}/points/merchants?org=${dongcheng.id}`);
      await page.locator('.ant-table-row').first().click();
      await page.locator(OPEN_DIALOG).waitFor();
      await scan('/points/merchants merchant-detail');
      await closeDialog(page);

      await page.goto(`${app.baseUrl}/outreach`);
      await page.getByTestId('create-meeting').click();
      await page.locator(OPEN_DIALOG).waitFor();
      await scan('/outreach create-meeting');
      await page.screenshot({ path: path.join(artifacts, 'language.png') });
      await closeDialog(page);

      if (found.length > 0) console.log(`stray English:\n${found.join('\n')}`);
      expect(found).toEqual([]);

      // The same console in English: the menu and antd's own strings follow.
      await page.evaluate(() => localStorage.setItem('gonghui.lang', 'en'));
      await page.goto(`${app.baseUrl}/workbench`);
      await page.getByTestId('user-menu').waitFor();
      expect(await page.getByTestId('nav-orgs').innerText()).toMatch(/[A-Za-z]/);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'language-failure.png') });
      throw error;
    } finally {
      await context.close();
    }
  }, 300_000);
});
