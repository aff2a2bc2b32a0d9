/**
 * Importing a roster end to end, in Debian's Chromium against the real server process: a cadre opens a grassroots
 * union's 名册导入 tab, uploads the messy fixture roster, watches the job finish, downloads the rejected rows, and
 * reads the union's 数据质量 on the dashboard. Screenshots go to e2e/artifacts/ (r01…).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { artifacts, hasChromium, root, signIn, useJourney, DESKTOP, shot } from './harness.js';

const MESSY_ROSTER = path.resolve(root, '../shared/fixtures/roster-messy.xlsx');

describe.skipIf(!hasChromium || !fs.existsSync(MESSY_ROSTER))('importing a roster in a browser', () => {
  const journey = useJourney();

  it('uploads a messy roster, holds the rows of unknown employers and offers 新建企业, hands out the error file and scores the data quality', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    });
    try {
      await signIn(page, app.baseUrl);

      // A demo grassroots union, found the way the tree search finds one.
      const search = await page.request.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('工会')}&kind=grassroots_union&limit=1`);
      const [union] = ((await search.json()) as { items: OrgSearchHit[] }).items;
      if (!union) throw new Error('the demo data has no grassroots union');

      // 1. The 名册导入 tab: template button and the dragger.
      await page.goto(`${app.baseUrl}/orgs/${union.id}?tab=imports`);
      await page.getByTestId('imports-tab').waitFor();
      await page.getByTestId('download-template').waitFor();
      const templateDownload = page.waitForEvent('download');
      await page.getByTestId('download-template').click();
      expect((await templateDownload).suggestedFilename()).toMatch(/\.xlsx$/);
      await shot(page, 'r01-import-tab');

      // 2. Upload through the dragger's file input; the progress panel follows the job until it is done.
      await page.getByTestId('import-dragger').locator('input[type=file]').setInputFiles(MESSY_ROSTER);
      const progress = page.getByTestId('import-progress');
      await progress.waitFor();
      await shot(page, 'r02-import-running');
      await page.locator('[data-testid="import-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('import-rejected').innerText()).toContain('7');
      expect(await progress.innerText()).toContain('已处理 200 行');
      await page.getByTestId('imports-table').getByText('roster-messy.xlsx').waitFor();
      // The fixture's 所在单位 are none of the demo union's employers: its rows are held, not counted in its 入会率,
      // and the employers are listed, each with 新建企业.
      const unknown = page.getByTestId('unknown-employers-alert');
      await unknown.waitFor();
      expect(await unknown.innerText()).toContain('顺丰速运北京分公司');
      await shot(page, 'r03-import-done', true);

      // 2b. 新建企业 for the first of them: the form opens under this union with the roster's name.
      await unknown.getByTestId('unknown-employer-create').first().click();
      const form = page.getByTestId('employer-form-modal').locator('.ant-modal');
      await form.waitFor();
      const name = await form.getByTestId('employer-name').inputValue();
      expect(name.length).toBeGreaterThan(0);
      await form.getByTestId('employer-headcount').fill('30');
      // Typed, then picked by its title from the visible list: a list closed earlier can linger in the page (hidden or
      // still fading out), and a bare first option could be one of its. A pick the busy page dropped is tried again
      // (three times at most); the form itself must still be there for each try.
      const industry = form.getByTestId('employer-industry');
      for (let attempt = 1; ; attempt++) {
        await industry.locator('input').fill('制造业');
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="C 制造业"]').click({ timeout: 30_000 });
        const picked = await industry
          .locator('.ant-select-selection-item[title="C 制造业"]')
          .waitFor({ timeout: 10_000 })
          .then(() => true)
          .catch(() => false);
        if (picked) break;
        if (attempt === 3) throw new Error(`industry not picked: ${await industry.evaluate((e) => e.outerHTML)}`);
      }
      // A demo union need not sit under a street: the employer's street is picked if the form could not infer one.
      const streetInput = form.getByTestId('employer-street').locator('input');
      // The picked street's name stays in the box (keepName); a pick that did not take leaves it empty once the box is left.
      const isStreetPicked = async () => !['', '街道'].includes(await streetInput.inputValue());
      for (let attempt = 1; !(await isStreetPicked()); attempt++) {
        // On a busy machine the search's answer can replace the list under the click, and the pick is lost: again.
        if (attempt > 3) throw new Error(`street not picked: ${await streetInput.inputValue()}`);
        await streetInput.fill('街道');
        await page.locator('[data-testid^="org-option-"]').first().click();
        // A list still open would cover the form's buttons: as a person would, click the dialog's title to leave the
        // box (on a busy machine a list can still be open a moment after the pick).
        await form.locator('.ant-modal-title').click();
        await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached', timeout: 10_000 });
      }
      await page.getByTestId('employer-form-submit').click();
      await form.waitFor({ state: 'hidden', timeout: 10_000 }).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await form.innerText()}`);
      });
      await unknown.getByText('已新建').waitFor();
      await shot(page, 'r03b-employer-created');

      // 3. The rejected rows as a spreadsheet (a zip container: "PK").
      const errorsDownload = page.waitForEvent('download');
      await page.getByTestId('download-errors').click();
      const download = await errorsDownload;
      expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
      const saved = path.join(artifacts, 'r-errors.xlsx');
      await download.saveAs(saved);
      const bytes = fs.readFileSync(saved);
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

      // 4. The dashboard: the union's 数据质量 is a number, and its street lists it in the quality table.
      await page.goto(`${app.baseUrl}/dashboard?org=${union.id}`);
      const card = page.getByTestId('stat-qualityScore');
      await card.locator('.ant-statistic-content').waitFor();
      expect(await card.locator('.ant-statistic-content').innerText()).toMatch(/^\d{1,3}\.\d$/);
      await shot(page, 'r04-dashboard-union');
      const street = (await (await page.request.get(`${app.baseUrl}/api/orgs/${union.id}`)).json()) as { ancestors: { id: number }[] };
      const parent = street.ancestors.at(-1);
      if (parent) {
        await page.goto(`${app.baseUrl}/dashboard?org=${parent.id}`);
        const score = page.getByTestId(`quality-score-${union.id}`);
        await score.waitFor();
        expect(await score.innerText()).toMatch(/^\d{1,3}\.\d$/);
        await score.scrollIntoViewIfNeeded();
        await shot(page, 'r05-dashboard-quality-table');
      }

      // 5. The 双沟通 page opens for the street with this year's figures.
      if (parent) {
        await page.goto(`${app.baseUrl}/outreach?org=${parent.id}`);
        await page.getByTestId('outreach-stats').locator('.ant-statistic').first().waitFor();
        await shot(page, 'r06-outreach');
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
