/**
 * From a union-paper page to the work ledger (issue #15), in Debian's Chromium against the real server process: the
 * admin pastes seed page 003, corrects the first proposed entry (title and the date the page does not print) and
 * confirms it, confirms a second, discards a third; the entries are in 东城区总工会's ledger and in the roll-up of
 * 北京市总工会. Screenshot: e2e/artifacts/ledger-import.png.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import type { LedgerEntryPage, LedgerRollup } from '../src/common/ledger.js';
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

      // 4. The corrected entry is in 东城区总工会's ledger of the year, from the report, with its source text.
      const ledger = await json<LedgerEntryPage>(page.request.get(`${app.baseUrl}/api/ledger/entries?orgId=${dongcheng.id}&year=${year}`));
      const entry = ledger.items.find((e) => e.title === title);
      expect(entry).toMatchObject({ source: 'report', kind: 'workplan', dateFrom: `${year}-05-30`, hasSourceText: true });
      expect(entry!.figures.map((f) => f.value)).toEqual(expect.arrayContaining([1793, 8327]));

      // 5. Both confirmed entries are in the roll-up of 北京市总工会 (the root), by kind.
      const rollup = await json<LedgerRollup>(page.request.get(`${app.baseUrl}/api/ledger/rollup?orgId=1&year=${year}`));
      expect(rollup.orgName).toBe('北京市总工会');
      expect(rollup.byKind.find((k) => k.kind === 'workplan')?.activities ?? 0).toBeGreaterThanOrEqual(1);
      expect(rollup.byKind.find((k) => k.kind === 'event')?.activities ?? 0).toBeGreaterThanOrEqual(1);

      // 6. Reopened from its address, the draft remembers what was decided.
      await page.reload();
      await page.getByTestId('ledger-import-proposal-0').getByText('已确认').waitFor();
      expect(await page.getByTestId('ledger-import-proposal-4').innerText()).toContain('已舍弃');
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
