/**
 * Check-in and training in Debian's Chromium against the real server process (issue #13, "a scanner checks people in
 * offline and syncs; a training plan with a teacher clash refused").
 *
 * A. Three workers of a grassroots union, signed up for a session, open their tickets on the member pages. The cadre
 *    opens the session's scanner on a phone, downloads the list and goes offline; meanwhile a ticket is cancelled in
 *    the console. Offline the scanner takes two tickets by their typed code, refuses a second scan of one as 重复, and
 *    (not knowing of the cancellation) queues the cancelled one; back online it syncs: 签到 2, 重复 1, 离线期间已取消 1,
 *    and the event's 报名名单 shows the two as 已签到.
 * B. In the 送教培训 console the cadre makes a plan, a course and a teacher, adds a session at 9:00–11:00 with the
 *    teacher, then a second one with the same teacher at 10:00–12:00 the same day: the page shows the server's refusal
 *    in Chinese naming the teacher and the first session, and the first session stays the only one.
 * Screenshots: e2e/artifacts/checkin-*.png and training-*.png.
 */
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/common/identity.js';
import type { BulkSignUpResult, EventDetail } from '../src/common/events.js';
import type { Ticket } from '../src/common/events.checkin.js';
import type { OrgSearchHit } from '../src/common/orgs.js';
import type { Course, Session } from '../src/common/training.js';
import {
  ADMIN_PASSWORD,
  admitMember,
  artifacts,
  codeFromOutbox,
  hasChromium,
  json,
  signIn,
  signInApi,
  useJourney,
  DESKTOP,
  PHONE,
  shot,
} from './harness.js';

const WAIT = { timeout: 60_000 };

/** Waits until a modal's opening motion ends (typing before that loses the dropdown). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave'), undefined, WAIT);
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
  });
}

/** A valid 18-character ID number (东城, born 1988-05-12) whose sequence differs per worker and run. */
function idNumber(sequence: number): string {
  const first17 = `11010119880512${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A Beijing wall-clock day `days` from now, as YYYY-MM-DD. */
function beijingDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function unionOf(request: APIRequestContext, baseUrl: string): Promise<OrgSearchHit> {
  const hits = await json<{ items: OrgSearchHit[] }>(
    request.get(`${baseUrl}/api/orgs/search?q=${encodeURIComponent('工会')}&kind=grassroots_union&limit=1`),
  );
  return hits.items[0]!;
}

type Worker = { name: string; idNumber: string; phone: string; memberId: number };

/** Workers admitted to the union `orgId` (application and approval, as the console's review queue does). */
async function approvedWorkers(admin: APIRequestContext, baseUrl: string, orgId: number, names: string[]): Promise<Worker[]> {
  const stamp = Date.now();
  const workers: Worker[] = [];
  for (const [i, name] of names.entries()) {
    const person = { name, idNumber: idNumber(stamp + i * 7), phone: `137${String(stamp + i).slice(-8)}` };
    workers.push({ ...person, memberId: await admitMember(admin, baseUrl, orgId, person) });
  }
  return workers;
}

/** Signs a worker in on the member pages with the code the outbox shows (no SMS gateway here). */
async function signInMember(member: APIRequestContext, admin: APIRequestContext, baseUrl: string, worker: Worker): Promise<void> {
  const { challengeId } = await json<{ challengeId: string }>(
    member.post(`${baseUrl}/api/public/member-codes`, { data: { idNumber: worker.idNumber, phone: worker.phone } }),
  );
  const code = await codeFromOutbox(admin, baseUrl, worker.phone.slice(-4));
  await json(member.post(`${baseUrl}/api/public/member-sessions`, { data: { challengeId, code } }));
}

describe.skipIf(!hasChromium)('check-in offline and the training console in a browser', () => {
  const journey = useJourney();

  it('a scanner checks people in offline, refuses a second scan, flags a ticket cancelled meanwhile, and syncs', async () => {
    const { app, browser } = journey;
    const base = app.baseUrl;
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    let scanner: Page | undefined;
    let deskPage: Page | undefined;
    try {
      // Set-up through the API: three approved workers of a union, an event of that union with one session, all three
      // signed up (confirmed).
      const api = await browser.newContext();
      contexts.push(api);
      await signInApi(api.request, base, 'admin', ADMIN_PASSWORD);
      const union = await unionOf(api.request, base);
      const workers = await approvedWorkers(api.request, base, union.id, ['刘建国', '陈秀英', '赵文博']);
      const day = beijingDay(1);
      const event = await json<EventDetail>(
        api.request.post(`${base}/api/events`, {
          data: {
            orgId: union.id,
            kind: 'culture',
            title: '职工书法讲座（签到）',
            sessions: [
              {
                startsAt: `${day}T14:00:00+08:00`,
                endsAt: `${day}T16:00:00+08:00`,
                place: '职工之家二楼活动室',
                capacity: 10,
                opensAt: new Date(Date.now() - 3_600_000).toISOString(),
                closesAt: `${day}T12:00:00+08:00`,
              },
            ],
          },
        }),
      );
      expect(event.status).toBe('open');
      const session = event.sessions[0]!;
      const signed = await json<BulkSignUpResult>(
        api.request.post(`${base}/api/events/${event.id}/registrations/bulk`, {
          data: { sessionId: session.id, key: `e2e-checkin-${Date.now()}`, memberIds: workers.map((w) => w.memberId) },
        }),
      );
      expect(signed.items.map((x) => x.outcome)).toEqual(['confirmed', 'confirmed', 'confirmed']);
      const registrationIds = signed.items.map((x) => x.registrationId!);

      // 1. Each worker opens their ticket on the member pages (phone): the event and a QR code; its code is what the
      // scanner reads (here typed).
      const tokens: string[] = [];
      for (const [i, worker] of workers.entries()) {
        const phone = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
        contexts.push(phone);
        await signInMember(phone.request, api.request, base, worker);
        const page = await phone.newPage();
        watch(page, problems);
        const answered = page.waitForResponse((r) => r.url().endsWith(`/registrations/${registrationIds[i]}/ticket`), WAIT);
        await page.goto(`${base}/m/events/tickets/${registrationIds[i]}`);
        const ticket = (await (await answered).json()) as Ticket;
        await page.getByTestId('ticket').waitFor(WAIT);
        expect(await page.getByTestId('ticket').innerText()).toContain('职工书法讲座（签到）');
        await page.getByTestId('ticket-qr').waitFor(WAIT);
        if (i === 0) await shot(page, 'checkin-01-ticket', true);
        tokens.push(ticket.token);
        await page.close();
      }
      const [first, second, third] = tokens as [string, string, string];

      // 2. The cadre's scanner on a phone: the session's list downloaded while online.
      const cadre = await browser.newContext({ viewport: PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
      contexts.push(cadre);
      scanner = await cadre.newPage();
      watch(scanner, problems);
      await signIn(scanner, base);
      await scanner.goto(`${base}/events/${event.id}/sessions/${session.id}/check-in`);
      await scanner.getByTestId('checkin-scanner').waitFor(WAIT);
      await scanner.getByText('请先在有网络时下载签到名单').waitFor(WAIT);
      await scanner.getByTestId('checkin-download').click();
      await scanner.getByText('名单已下载：3 张有效凭证，0 张已取消').waitFor(WAIT);
      await shot(scanner, 'checkin-02-downloaded', true);

      // 3. Offline. Meanwhile the third worker's registration is cancelled in the console (the phone cannot know).
      await cadre.setOffline(true);
      await scanner.evaluate(() => window.dispatchEvent(new Event('offline')));
      await json(api.request.post(`${base}/api/events/${event.id}/registrations/${registrationIds[2]}/cancel`));

      const queued = scanner.getByTestId('checkin-queued');
      const take = async (token: string, verdict: string, title: string, count: number) => {
        await scanner!.getByTestId('checkin-code').fill(token);
        await scanner!.getByTestId('checkin-check').click();
        await scanner!.getByTestId(`checkin-verdict-${verdict}`).getByText(title).waitFor(WAIT);
        await queued.getByText(`待同步 ${count} 条`).waitFor(WAIT);
      };
      await take(first, 'ok', '可以入场', 1);
      await take(second, 'ok', '可以入场', 2);
      // The first ticket again: refused as a duplicate on the phone itself, queued only to be flagged on sync.
      await take(first, 'duplicate', '重复扫码，不重复计数', 3);
      expect(await scanner.getByTestId('checkin-code').inputValue()).toBe('');
      await shot(scanner, 'checkin-03-duplicate-offline', true);
      // The cancelled ticket still looks valid to the offline phone; the server flags it at sync.
      await take(third, 'ok', '可以入场', 4);
      await shot(scanner, 'checkin-04-queued-offline', true);

      // 4. Back online: the queue syncs, each ticket counted once, the duplicate and the cancelled ticket flagged.
      await cadre.setOffline(false);
      await scanner.evaluate(() => window.dispatchEvent(new Event('online')));
      const note = scanner.getByTestId('checkin-synced');
      await note.waitFor(WAIT);
      expect(await note.innerText()).toContain('已同步 4 条：签到 2，重复 1，离线期间已取消 1，无效 0');
      await queued.getByText('待同步 0 条').waitFor(WAIT);
      const outcomes = (await scanner.locator('.ant-list-item .ant-tag').allInnerTexts()).sort();
      expect(outcomes).toEqual(['已签到', '已签到', '离线期间已取消', '重复'].sort());
      await shot(scanner, 'checkin-05-synced', true);

      // 5. The event's 报名名单 in the console: the two are 已签到, the third 已取消.
      const desk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      contexts.push(desk);
      const page = await desk.newPage();
      deskPage = page;
      watch(page, problems);
      await signIn(page, base);
      await page.goto(`${base}/events/${event.id}`);
      await page.getByTestId('event-page').waitFor(WAIT);
      await page.getByRole('tab', { name: '报名名单' }).click();
      const list = page.getByTestId('event-registrations-table');
      const rowOf = (name: string) => list.locator('tbody tr', { hasText: name });
      for (const w of workers.slice(0, 2)) await rowOf(w.name).getByText('已签到', { exact: true }).waitFor(WAIT);
      await rowOf(workers[2]!.name).getByText('已取消', { exact: true }).waitFor(WAIT);
      await shot(page, 'checkin-06-registrations', true);

      // On the server too: exactly the two are attended (the duplicate scan counted nobody twice).
      const report = await json<{ items: { status: string }[] }>(
        api.request.get(`${base}/api/events/${event.id}/registrations?orgId=${union.id}&status=attended`),
      );
      expect(report.items).toHaveLength(2);
      expect(problems).toEqual([]);
    } catch (error) {
      await scanner?.screenshot({ path: path.join(artifacts, 'checkin-failure.png') }).catch(() => undefined);
      await deskPage?.screenshot({ path: path.join(artifacts, 'checkin-failure-console.png') }).catch(() => undefined);
      console.error(`problems: ${problems.join('\n')}\nserver output:\n${app.output().slice(-4000)}`);
      throw error;
    } finally {
      for (const c of contexts) await c.close().catch(() => undefined);
    }
  });

  it('refuses a second training session of a teacher already booked at that time, in Chinese', async () => {
    const { app, browser } = journey;
    const base = app.baseUrl;
    const problems: string[] = [];
    const api = await browser.newContext();
    const desk = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
    const page = await desk.newPage();
    watch(page, problems);
    try {
      await signInApi(api.request, base, 'admin', ADMIN_PASSWORD);
      const union = await unionOf(api.request, base);

      // 1. The cadre opens 送教培训 of a union and makes its annual plan, a course under it and a teacher of the
      // 劳模宣讲团, each in its dialog.
      await signIn(page, base);
      await page.goto(`${base}/training?org=${union.id}`);
      await page.getByTestId('training-page').waitFor(WAIT);
      const dialog = async (button: string, modal: string, fill: (m: Locator) => Promise<void>) => {
        await page.getByTestId(button).click(WAIT);
        const m = page.getByTestId(modal);
        await m.locator('.ant-modal').waitFor(WAIT);
        await settled(page);
        await fill(m);
        await m.getByTestId(modal.replace('-form', '-ok')).click();
        await m.locator('.ant-modal').waitFor({ state: 'hidden', ...WAIT });
      };
      await dialog('create-plan', 'plan-form', async (m) => {
        await m.getByTestId('plan-sessions').fill('30');
        await m.getByTestId('plan-people').fill('1500');
        await m.getByTestId('plan-topics').fill('工会经费使用与管理，劳动法律法规');
      });
      const planRow = page.getByTestId('training-plans').locator('tbody tr', { hasText: union.name });
      await planRow.getByText('0 / 30').waitFor(WAIT);
      await dialog('create-course', 'course-form', async (m) => {
        await m.getByTestId('course-title').fill('工会经费使用与管理');
        await m.getByTestId('course-topic').fill('财务');
        await m.getByTestId('course-audience').fill('工会财务人员');
      });
      await dialog('create-teacher', 'teacher-form', async (m) => {
        await m.getByTestId('teacher-name').fill('王秀兰');
      });
      await page.getByRole('tab', { name: '师资' }).click();
      await page.getByTestId('training-teachers').locator('tbody tr', { hasText: '王秀兰' }).getByText('劳模宣讲团').waitFor(WAIT);
      await shot(page, 'training-00-teacher', true);
      const courses = await json<{ items: Course[] }>(api.request.get(`${base}/api/training/courses?orgId=${union.id}&limit=200`));
      const course = courses.items.find((c) => c.title === '工会经费使用与管理' && c.orgId === union.id)!;
      expect(course.planId).not.toBeNull();
      const teacher = { name: '王秀兰' };
      await page.getByRole('tab', { name: '课程与场次' }).click();
      const sessionsTab = page.getByRole('tabpanel', { name: '课程与场次' });
      await sessionsTab.getByText(course.title, { exact: false }).first().waitFor(WAIT);

      // 2. A session at 9:00–11:00 with 王秀兰, then one at 10:00–12:00 the same day with her again.
      const day = beijingDay(14);
      const addSession = async (from: string, to: string, place: string) => {
        await page.getByTestId('create-session').click();
        const modal = page.getByTestId('session-form');
        await modal.getByTestId('session-starts').waitFor(WAIT);
        await settled(page);
        await modal.getByTestId('session-starts').fill(`${day}T${from}`);
        await modal.getByTestId('session-ends').fill(`${day}T${to}`);
        await modal.getByTestId('session-place').fill(place);
        await modal.getByTestId('session-teachers').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: teacher.name }).click(WAIT);
        await modal.locator('.ant-modal-title').click(); // closes the dropdown (Escape would close the dialog)
        await modal.getByTestId('session-ok').click();
      };
      await addSession('09:00', '11:00', '区职工服务中心第一教室');
      await page
        .getByTestId('session-form')
        .locator('.ant-modal')
        .waitFor({ state: 'hidden', ...WAIT });
      const rows = sessionsTab.locator('tbody tr.ant-table-row');
      await rows.filter({ hasText: `${day} 09:00` }).waitFor(WAIT);
      await shot(page, 'training-01-first-session', true);

      const refused = page.waitForResponse((r) => r.url().endsWith('/api/training/sessions') && r.request().method() === 'POST', WAIT);
      await addSession('10:00', '12:00', '区职工服务中心第二教室');
      expect((await refused).status()).toBe(409);
      const clash = page.getByTestId('session-clash');
      await clash.waitFor(WAIT);
      const said = await clash.innerText();
      expect(said).toContain('师资时间冲突');
      // The refusal names the teacher and the session that holds her, with its time on Beijing's clock.
      expect(said).toContain('师资“王秀兰”在该时段已安排在场次“工会经费使用与管理');
      expect(said).toContain(`（${day} 09:00 至 ${day} 11:00）`);
      expect(said).toContain('同一师资不能同时出现在两个场次');
      await shot(page, 'training-02-clash', true);

      // 3. Closed without saving: the first session is still the only one, on the page and on the server.
      await page
        .getByTestId('session-form')
        .getByRole('button', { name: /取\s*消/u })
        .click();
      await page
        .getByTestId('session-form')
        .locator('.ant-modal')
        .waitFor({ state: 'hidden', ...WAIT });
      await page.reload();
      await page.getByRole('tab', { name: '课程与场次' }).click();
      await rows.filter({ hasText: `${day} 09:00` }).waitFor(WAIT);
      expect(await rows.count()).toBe(1);
      expect(await rows.first().innerText()).toContain('王秀兰');
      const stored = await json<{ items: Session[] }>(api.request.get(`${base}/api/training/sessions?orgId=${union.id}&limit=200`));
      expect(stored.items.filter((s) => s.courseId === course.id).map((s) => s.place)).toEqual(['区职工服务中心第一教室']);
      await shot(page, 'training-03-one-session', true);
      expect(problems).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: path.join(artifacts, 'training-failure.png') }).catch(() => undefined);
      console.error(`problems: ${problems.join('\n')}\nserver output:\n${app.output().slice(-4000)}`);
      throw error;
    } finally {
      await api.close();
      await desk.close();
    }
  });
});
