/**
 * The console's top menu at 1440 px, in Debian's Chromium against the real server process: the federation admin,
 * who sees every entry, finds none folded into antd's "…" in Chinese, and reaches the grouped entries through their
 * submenu (活动与福利 → 积分项目). Screenshots: e2e/artifacts/menu*.png.
 */
import path from 'node:path';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifacts, ensureWebBuilt, hasChromium, launchChromium, signIn, startApp, type RunningApp, DESKTOP } from './harness.js';

/** The header entries the federation admin sees, a group as its submenu's title. */
const TOP_LEVEL = [
  'nav-workbench',
  'nav-orgs',
  'nav-dashboard',
  'nav-members',
  'nav-review',
  'nav-entry',
  'nav-outreach',
  'nav-activities',
  'nav-admin',
];

/**
 * What antd's horizontal menu folded away: the "…" item when shown, and the entries it hides to make room (they keep
 * their place with no opacity, so Playwright still calls them visible).
 */
function folded(page: Page): Promise<{ isRestShown: boolean; hidden: string[]; overlapsRight: boolean }> {
  // A string, so that no bundler helper of this file ends up in the page.
  return page.evaluate(`(() => {
    const nav = document.querySelector('.shell-nav');
    const isShown = (el) => el.getBoundingClientRect().width > 0 && getComputedStyle(el).opacity !== '0';
    const rest = nav.querySelector(':scope > .ant-menu-overflow-item-rest');
    const items = Array.from(nav.querySelectorAll(':scope > .ant-menu-overflow-item:not(.ant-menu-overflow-item-rest)'));
    const right = document.querySelector('.shell-right').getBoundingClientRect().left;
    return {
      isRestShown: rest !== null && isShown(rest),
      hidden: items.filter((el) => !isShown(el)).map((el) => el.textContent),
      overlapsRight: items.some((el) => el.getBoundingClientRect().right > right + 1),
    };
  })()`);
}

describe.skipIf(!hasChromium)('the top menu at 1440 px', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    ensureWebBuilt();
    app = await startApp();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('folds no entry into "…" for the federation admin, and opens 积分项目 from 活动与福利', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await signIn(page, app.baseUrl);
      await page.waitForTimeout(500); // the menu measures its items once the fonts have settled
      for (const testId of TOP_LEVEL) expect(await page.getByTestId(testId).isVisible(), testId).toBe(true);
      expect(await folded(page)).toEqual({ isRestShown: false, hidden: [], overlapsRight: false });
      await page.screenshot({ path: path.join(artifacts, 'menu.png') });

      await page.getByTestId('nav-activities').hover();
      for (const testId of ['nav-points-programmes', 'nav-points-merchants', 'nav-welfare']) await page.getByTestId(testId).waitFor();
      await page.screenshot({ path: path.join(artifacts, 'menu-activities.png') });
      await page.getByTestId('nav-points-programmes').click();
      await page.getByTestId('programmes-page').waitFor();
      expect(new URL(page.url()).pathname).toBe('/points/programmes');
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'menu-failure.png') });
      throw error;
    } finally {
      await context.close();
    }
  });
});
