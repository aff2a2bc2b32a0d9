/**
 * 双沟通 as a district cadre works it, in Debian's Chromium against the real server process: the meetings list opens a
 * meeting's page with its sign-ups and the employers contacted; the venue's QR link opens the join form on a phone with
 * the meeting filled in; the printable sign-in sheet. Screenshot: e2e/artifacts/meeting-sheet.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { OrgSearchHit, OrgWithAncestors } from '../src/common/orgs.js';
import { ADMIN_PASSWORD, artifacts, hasChromium, json, signIn, signInApi, useJourney, DESKTOP, PHONE } from './harness.js';

const CADRE = { username: 'dc.outreach', displayName: '东城双沟通干部', password: 'Dc-Outreach-Pass-2026' };

/** A valid resident ID number (check digit per GB 11643) of someone born in 1991, unique by `serial`. */
function idNumber(serial: number): string {
  const body = `11010119910101${String(600 + serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, c, i) => acc + Number(c) * weights[i]!, 0);
  return body + '10X98765432'.charAt(sum % 11);
}

describe.skipIf(!hasChromium)('outreach meetings in a browser', () => {
  const journey = useJourney();

  it('opens a meeting from the list, its sign-ups and employers, the QR link on a phone, and the print sheet', async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const desk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const phone = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
    for (const context of [desk, phone]) {
      context.on('page', (page) => {
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('response', (r) => {
          if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
        });
      });
    }
    const page: Page = await desk.newPage();
    try {
      // The admin creates a cadre of 东城区总工会; the cadre holds a worker meeting (two sign-ups) and an enterprise
      // meeting (one employer contacted) in the street of a 东城 union.
      const api = await browser.newContext();
      await signInApi(api.request, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const q = (s: string) => encodeURIComponent(s);
      const dongcheng = (
        await json<{ items: OrgSearchHit[] }>(
          api.request.get(`${app.baseUrl}/api/orgs/search?q=${q('东城区总工会')}&kind=district_federation&limit=1`),
        )
      ).items[0]!;
      await json(api.request.post(`${app.baseUrl}/api/users`, { data: { ...CADRE, orgId: dongcheng.id, role: 'union_cadre' } }));
      await api.close();
      const cadre = await browser.newContext();
      await signInApi(cadre.request, app.baseUrl, CADRE.username, CADRE.password);
      const union = (
        await json<{ items: OrgSearchHit[] }>(
          cadre.request.get(`${app.baseUrl}/api/orgs/search?q=${q('工会')}&kind=grassroots_union&limit=1`),
        )
      ).items[0]!;
      const street = (await json<OrgWithAncestors>(cadre.request.get(`${app.baseUrl}/api/orgs/${union.id}`))).ancestors.at(-1)!;
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
      const worker = await json<{ id: number }>(
        cadre.request.post(`${app.baseUrl}/api/meetings`, {
          data: { orgId: street.id, kind: 'worker', title: '骑手扫码沟通会', heldOn: today, venue: '街道党群服务中心' },
        }),
      );
      for (const [i, name] of ['孙扫码', '李扫码'].entries()) {
        await json(
          cadre.request.post(`${app.baseUrl}/api/public/applications`, {
            data: {
              name,
              idNumber: idNumber(i),
              phone: `1390001${String(7000 + i)}`,
              employmentForm: 'delivery_rider',
              orgId: union.id,
              meetingId: worker.id,
            },
          }),
        );
      }
      const enterprise = await json<{ id: number }>(
        cadre.request.post(`${app.baseUrl}/api/meetings`, {
          data: { orgId: street.id, kind: 'enterprise', title: '企业建会动员会', heldOn: today },
        }),
      );
      const employer = await json<{ id: number; name: string; version: number }>(
        cadre.request.post(`${app.baseUrl}/api/employers`, {
          data: { name: '北京扫码物流有限公司', headcount: 160, industry: 'G', streetOrgId: street.id },
        }),
      );
      await json(
        cadre.request.post(`${app.baseUrl}/api/employers/${employer.id}/unionisation`, {
          data: { version: employer.version, stage: 'contacted', meetingId: enterprise.id },
        }),
      );
      await cadre.close();

      // 1. The cadre signs in and opens the worker meeting from the list of the street's meetings (今年 by default).
      await signIn(page, app.baseUrl, CADRE.username, CADRE.password);
      await page.goto(`${app.baseUrl}/outreach?org=${street.id}`);
      await page.getByTestId('meetings-table').locator('tbody tr', { hasText: '骑手扫码沟通会' }).click();
      await page.getByTestId('meeting-page').waitFor();
      expect(new URL(page.url()).pathname).toBe(`/outreach/meetings/${worker.id}`);
      expect(await page.getByTestId('meeting-title').innerText()).toBe('骑手扫码沟通会');
      expect(await page.getByTestId('meeting-facts').innerText()).toContain('街道党群服务中心');
      const signups = page.getByTestId('meeting-signups-table');
      await signups.locator('tbody tr', { hasText: '孙扫码' }).waitFor();
      expect(await signups.locator('tbody tr[data-row-key]').count()).toBe(2);
      expect(await signups.innerText()).toContain('待审核');
      await page.getByTestId('meeting-qr').waitFor();
      const joinLink = await page.getByTestId('meeting-join-link').innerText();
      expect(joinLink).toBe(`${app.baseUrl}/join?meeting=${worker.id}`);

      // 2. The enterprise meeting lists the employer contacted at it, with its 建会 stage.
      await page.goto(`${app.baseUrl}/outreach?org=${street.id}`);
      await page.getByTestId('meetings-table').locator('tbody tr', { hasText: '企业建会动员会' }).click();
      const employers = page.getByTestId('meeting-employers');
      await employers.locator('tbody tr', { hasText: employer.name }).waitFor();
      expect(await employers.innerText()).toContain('已接触');

      // 3. The QR link on a phone: the join form shows the meeting.
      const phonePage = await phone.newPage();
      await phonePage.goto(joinLink);
      await phonePage.getByTestId('join-meeting').waitFor();
      expect(await phonePage.getByTestId('join-meeting').innerText()).toContain('报名：骑手扫码沟通会');
      await phonePage.screenshot({ path: path.join(artifacts, 'join-meeting.png') });

      // 4. The printable sign-in sheet of the worker meeting, as it prints.
      await page.goto(`${app.baseUrl}/outreach/meetings/${worker.id}`);
      await page.getByTestId('meeting-sheet').click();
      await page.getByTestId('meeting-sheet-page').waitFor();
      expect(await page.getByTestId('sheet-title').innerText()).toBe('骑手扫码沟通会');
      expect(await page.getByTestId('sheet-table').locator('tbody tr').count()).toBe(20);
      const head = await page.getByTestId('sheet-table').locator('thead').innerText();
      for (const column of ['姓名', '单位', '手机号', '签名']) expect(head).toContain(column);
      await page.getByTestId('sheet-qr').waitFor();
      await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(artifacts, 'meeting-sheet.png'), fullPage: true });
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'outreach-failure.png') }).catch(() => undefined);
      console.error(`problems:\n${problems.join('\n')}\nserver output:\n${app.output()}`);
      throw error;
    } finally {
      await desk.close();
      await phone.close();
    }
  });
});
