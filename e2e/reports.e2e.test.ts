/**
 * Leaders' reports in Debian's Chromium against the real server process: the city admin opens the dashboard, sees the
 * map of the 16 districts and the monthly trend, switches the map's metric, clicks a district to open its dashboard
 * and downloads the 统计报表, whose 合计 is the roll-up's figure. Screenshots: e2e/artifacts/dashboard-map.png and
 * report.png (the report's first sheet rendered as a table).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '../src/common/coverage.js';
import { artifacts, hasChromium, signIn, useJourney, waitForDemo } from './harness.js';

const DESKTOP = { width: 1440, height: 1000 };

describe.skipIf(!hasChromium)('leaders’ reports in a browser', () => {
  const journey = useJourney();

  it('shows the map and the trend, drills into a district and downloads the report', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
    });
    // The figures, the map and the trend of the whole demo, not of a city still loading its members.
    await waitForDemo(app.baseUrl);
    await signIn(page, app.baseUrl);
    // This month's snapshot and two years reconstructed from join dates, as the month-end job does on a new install.
    const taken = await context.request.post(`${app.baseUrl}/api/coverage/snapshots`, { data: { reconstructMonths: 24 } });
    expect(taken.status()).toBe(200);

    await page.goto(`${app.baseUrl}/dashboard?org=1`);
    const count = page.getByTestId('district-map-count');
    await count.waitFor({ timeout: 30_000 });
    expect(await count.getAttribute('data-districts')).toBe('16');
    await page.getByTestId('chart-trend').waitFor();
    expect(await page.getByTestId('change-members-mom').innerText()).toContain('环比');
    expect(await page.getByTestId('change-membershipRate-yoy').innerText()).toContain('同比');
    await page.getByTestId('district-map').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    // Back at the top, so that the full-page picture has the header where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(artifacts, 'dashboard-map.png'), fullPage: true });
    await page.getByTestId('district-map').scrollIntoViewIfNeeded();

    await page.getByTestId('map-metric-members').click();
    await expect.poll(() => count.getAttribute('data-metric')).toBe('members');

    // A click in the map's middle lands on one of the districts and opens its dashboard.
    const box = (await page.getByTestId('district-map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL((url) => url.searchParams.get('org') !== '1', { timeout: 10_000 });
    const districtId = Number(new URL(page.url()).searchParams.get('org'));
    const district = (await (await context.request.get(`${app.baseUrl}/api/coverage/${districtId}`)).json()) as Coverage;
    expect(district.kind).toBe('district_federation');
    await page.getByTestId('dashboard-title').filter({ hasText: district.name }).waitFor();

    // The district's 统计报表 for this month: its 合计 is the roll-up of the district.
    // Opened again if it is not showing (once, in CI, the download button was never clicked or never answered).
    const form = page.getByTestId('report-form');
    for (let attempt = 0; attempt < 3 && !(await form.isVisible()); attempt++) {
      await page.getByTestId('report-button').click();
      await form.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
    }
    // The file, or the console's error message as the failure (not a silent wait for a download that never comes).
    const refused = page.locator('.ant-message-error');
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('report-download').click();
    const refusal = refused.waitFor({ timeout: 60_000 }).then(
      async () => {
        throw new Error(`the report was refused: ${await refused.innerText()}`);
      },
      () => new Promise<never>(() => undefined), // no message: the download decides
    );
    const download = await Promise.race([downloading, refusal]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${district.name}_覆盖情况统计表_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    const file = path.join(artifacts, 'report.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const rows: string[][] = [];
    const sheet0 = workbook.worksheets[0]!;
    sheet0.eachRow((row) => {
      // row.values is sparse (an empty cell is a hole): read every column so the table keeps its shape.
      const values = row.values as unknown[];
      rows.push(
        Array.from({ length: sheet0.columnCount }, (_, i) => {
          const v = values[i + 1];
          return typeof v === 'number' && (i === 4 || i === 9)
            ? `${(v * 100).toFixed(1)}%`
            : v === null || v === undefined
              ? '—'
              : String(v);
        }),
      );
    });
    const total = rows[rows.length - 1]!;
    expect(total[0]).toBe('合计');
    expect(Number(total[3])).toBe(district.members);
    expect(Number(total[1])).toBe(district.employees);

    // The title row is merged across the sheet: one cell; the first 40 lines and the 合计 make a readable picture.
    const shown = [...rows.slice(2, 42), ...(rows.length > 42 ? [['…'], total] : [])];
    const table = [
      `<tr><th colspan="${rows[1]!.length}" style="font-size:16px">${rows[0]![0]}</th></tr>`,
      `<tr>${rows[1]!.map((c) => `<th>${c}</th>`).join('')}</tr>`,
      ...shown.map(
        (r) =>
          `<tr${r[0] === '合计' || r[0]!.startsWith('小计') ? ' style="font-weight:bold;background:#f0f0f0"' : ''}>${r.map((c) => `<td>${c.replace(/^ {4}/, '&emsp;&emsp;')}</td>`).join('')}</tr>`,
      ),
    ].join('');
    const picture = await context.newPage();
    await picture.setContent(
      `<html><body style="font-family:sans-serif;font-size:13px"><table border="1" cellspacing="0" cellpadding="4" style="white-space:nowrap">${table}</table></body></html>`,
    );
    await picture.screenshot({ path: path.join(artifacts, 'report.png'), fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
