/**
 * From a union-paper page to the work ledger (issue #15), in Debian's Chromium against the real server process: the
 * admin pastes seed page 003, corrects the first proposed entry (title and the date the page does not print) and
 * confirms it, confirms a second, discards a third; on the console's pages, as a cadre reads them, the corrected entry
 * is in 东城区总工会's ledger and both are counted in the roll-up of 北京市总工会 (东城's row among its sub-nodes).
 * Screenshot: e2e/artifacts/ledger-import.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { artifacts, hasChromium, json, root, signIn, useJourney } from './harness.js';

const DESKTOP = { width: 1440, height: 900 };
const SEEDS = path.join(root, 'src/server/modules/ledger/report/seeds');
const page003 = fs.readFileSync(
  path.join(
    SEEDS,
    fs.readdirSync(SEEDS).find((f) => f.startsWith('003_'))!,
  ),
  'utf8',
);

describe.skipIf(!hasChromium)('the ledger from a news report in a browser', () => {
  const journey = useJourney();

  it('pastes page 003, corrects and confirms proposals, and finds them in 东城’s ledger and the city’s roll-up', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const desk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    desk.on('page', (p) => {
      p.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      p.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
      });
    });
    const page: Page = await desk.newPage();
    try {
      await signIn(page, app.baseUrl);
      const q = encodeURIComponent('东城区总工会');
      const dongcheng = (
        await json<{ items: OrgSearchHit[] }>(page.request.get(`${app.baseUrl}/api/orgs/search?q=${q}&kind=district_federation&limit=1`))
      ).items[0]!;
      const year = new Date().getFullYear();

      // The roll-up of 北京市总工会 as its page shows it: the activities of the year, of 工作部署, and 东城's row.
      const rollupOnPage = async () => {
        await page.goto(`${app.baseUrl}/ledger?org=1`);
        await page.getByTestId('ledger-view').getByText('汇总').click();
        await page.getByTestId('rollup-activities-value').waitFor();
        const count = async (testId: string) => {
          const shown = page.getByTestId(testId);
          return (await shown.count()) === 0 ? 0 : Number((await shown.innerText()).replace(/,/g, ''));
        };
        return {
          total: await count('rollup-activities-value'),
          workplan: await count('rollup-kind-activities-workplan'),
          dongcheng: await count(`rollup-child-activities-${dongcheng.id}`),
        };
      };
      const before = await rollupOnPage();

      // 1. Paste the page: one proposed entry per news item, the source of each shown with its values highlighted.
      await page.goto(`${app.baseUrl}/ledger/import?org=${dongcheng.id}`);
      await page.getByTestId('ledger-import-page').waitFor();
      await page.getByTestId('ledger-import-text').fill(page003);
      await page.getByTestId('ledger-import-propose').click();
      const first = page.getByTestId('ledger-import-proposal-0');
      await first.waitFor();
      expect(await page.locator('[data-testid^="ledger-import-proposal-"]').count()).toBeGreaterThanOrEqual(5);
      expect(await first.innerText()).toContain('东城区总工会列出12项重点工作清单');
      expect(await first.getByTestId('ledger-import-organiser').innerText()).toBe('东城区总工会');
      const marks = await first.locator('mark[data-mark="figure"]').allInnerTexts();
      expect(marks.join(' ')).toContain('1793');
      expect(page.url()).toContain('draft=');

      // 2. Correct the first: a shorter title, and the date the page does not print; confirm it.
      const title = `东城区总工会12项重点工作清单（${year}）`;
      await page.getByTestId('ledger-import-title-0').fill(title);
      await page.getByTestId('ledger-import-date-0').click();
      await page.getByTestId('ledger-import-date-0').fill(`${year}-05-30`);
      await page.keyboard.press('Enter');
      await page.getByTestId('ledger-import-confirm-0').click();
      await first.getByTestId('ledger-import-open-0').waitFor();
      expect(await first.innerText()).toContain('已确认');

      // 3. Confirm the second (北京市总工会's event) with its date; discard the fifth.
      await page.getByTestId('ledger-import-date-1').click();
      await page.getByTestId('ledger-import-date-1').fill(`${year}-06-18`);
      await page.keyboard.press('Enter');
      await page.getByTestId('ledger-import-confirm-1').click();
      await page.getByTestId('ledger-import-open-1').waitFor();
      await page.getByTestId('ledger-import-discard-4').click();
      await page.getByTestId('ledger-import-proposal-4').getByText('已舍弃，不记入台账').waitFor();
      await page.screenshot({ path: path.join(artifacts, 'ledger-import.png'), fullPage: true });

      // 4. Reopened from its address, the draft remembers what was decided.
      await page.reload();
      await page.getByTestId('ledger-import-proposal-0').getByText('已确认').waitFor();
      expect(await page.getByTestId('ledger-import-proposal-4').innerText()).toContain('已舍弃');

      // 5. 东城区总工会's ledger page of the year lists the corrected entry under its title.
      await page.goto(`${app.baseUrl}/ledger?org=${dongcheng.id}`);
      await page.getByTestId('ledger-title').getByText('东城区总工会').waitFor();
      const row = page.getByTestId('ledger-entry-title').filter({ hasText: title });
      await row.waitFor();
      expect(await row.count()).toBe(1);

      // 6. 北京市总工会's roll-up counts both confirmed entries, the corrected one in 东城's row and under 工作部署.
      const after = await rollupOnPage();
      expect(after.total).toBe(before.total + 2);
      expect(after.workplan).toBe(before.workplan + 1);
      expect(after.dongcheng).toBe(before.dongcheng + 1);
      await page.screenshot({ path: path.join(artifacts, 'ledger-rollup.png'), fullPage: true });
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'ledger-failure.png') }).catch(() => undefined);
      console.error(`problems:\n${problems.join('\n')}\nserver output:\n${app.output()}`);
      throw error;
    } finally {
      await desk.close();
    }
  });
});
