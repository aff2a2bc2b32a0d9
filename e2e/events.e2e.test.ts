/**
 * Events end to end (issue #13), in Debian's Chromium against the real server process, in Chinese: the city
 * federation's admin opens 活动报名 from the menu, creates a line of 33 sessions (班次) with the sessions editor's
 * repeat helper (“科技+杏福”-like: one trip a day) and saves it — a new event is open for sign-up at once (报名中) —
 * and the event page lists 33 sessions. Three members sign in on their phones (a one-time code read from the outbox)
 * at /m/events: two take the two places of the first trip (已确认, with their ticket link), the third joins its
 * waitlist (候补中, 候补第 1 位). A lottery (抽签) of one place: the cadre publishes its rule (the seed source) on the
 * 抽签 tab, the three members enter on their phones (已报名，待抽签), sign-up closes, the cadre freezes the list and
 * enters the seed, and the results show one winner and two on the waitlist; the public page /draws/:eventId shows
 * them without signing in, its export downloads, and `npm run cli -- verify-draw <file>` reports 已验证 (and refuses
 * a tampered copy). Screenshots: e2e/artifacts/events-*.png.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { EventDetail } from '../src/common/events.js';
import { idCheckChar } from '../src/common/identity.js';
import type { OrgSearchHit } from '../src/common/orgs.js';
import {
  admitMember,
  clickUntilShown,
  ADMIN_PASSWORD,
  artifacts,
  codeFromOutbox,
  hasChromium,
  json,
  openFromMenu,
  root,
  signIn,
  signInApi,
  useJourney,
  waitForDemo,
  DESKTOP,
  SMALL_PHONE,
  shot,
} from './harness.js';

const WAIT = { timeout: 60_000 };
const LINE_TITLE = '“科技+杏福”职工走进科技企业（第二期）';
const LINE_PLACE = '中关村软件园（班车集合点：西门）';
const LOTTERY_TITLE = '新年音乐会门票抽签';
const SEED_SOURCE = '中国福利彩票双色球 2026-12-03 开奖号码（红球在前、蓝球在后，以空格分隔）';
const SEED = '03 07 12 19 25 31 09';
/** How long the lottery's sign-up stays open after its creation: the plan and three phone sign-ups fit inside. */
const LOTTERY_WINDOW_MS = 180_000;

type Member = { name: string; idNumber: string; phone: string };

/** Waits until a modal's opening motion ends (typing before that loses the input). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave'), undefined, WAIT);
}

function watch(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() >= 500) problems.push(`${response.status()} ${response.url()}`);
    // Refusals are part of the journey (a second sign-up, a closed window); printed so a failure shows what was refused.
    else if (response.url().includes('/api/') && response.status() >= 400)
      console.log(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
}

/** A valid 18-character ID number (东城, born 1990-03-0x) with a sequence that differs per run and per member. */
function idNumber(day: number, sequence: number): string {
  const first17 = `1101011990030${day}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** An ISO instant `ms` from now. */
const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

describe.skipIf(!hasChromium)('events: a line of 33 trips, sign-ups on phones, a lottery drawn in public', () => {
  const journey = useJourney();

  it('creates 33 sessions, members sign up and wait, a lottery is drawn and verified', { timeout: 900_000 }, async () => {
    const { app, browser } = journey;
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    const newContext = async (options: Parameters<typeof browser.newContext>[0]) => {
      const context = await browser.newContext(options);
      contexts.push(context);
      return context;
    };
    const phoneOptions = { viewport: SMALL_PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true };
    // The API set-up signs in in its own context: the desk's page signs in on the login page.
    const admin: APIRequestContext = (await newContext({})).request;
    const desk = await (await newContext({ viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    watch(desk, problems);
    const phones: Page[] = [];
    let publicPage: Page | undefined;
    try {
      // 0. Three members admitted to a 东城 union (through the API), whose phones will sign in.
      await waitForDemo(app.baseUrl);
      await signInApi(admin, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const dongcheng = (
        await json<{ items: OrgSearchHit[] }>(
          admin.get(`${app.baseUrl}/api/orgs/search?q=${encodeURIComponent('东城区总工会')}&kind=district_federation&limit=1`),
        )
      ).items[0]!;
      const someone = (await json<{ items: { orgId: number }[] }>(admin.get(`${app.baseUrl}/api/members?orgId=${dongcheng.id}&limit=1`)))
        .items[0]!;
      const stamp = String(Date.now() % 1_000_000).padStart(6, '0');
      const members: Member[] = ['赵工程师', '钱工程师', '孙工程师'].map((name, i) => ({
        name,
        idNumber: idNumber(i + 1, Date.now() + i),
        phone: `13${i + 5}${stamp}${i}${i}`,
      }));
      for (const m of members)
        await admitMember(admin, app.baseUrl, someone.orgId, {
          ...m,
          employerName: '北京某科技有限公司',
          employmentForm: 'delivery_rider',
        });

      // 1. The admin opens 活动报名 from the menu and creates the line: the first trip, repeated over 33 days.
      await signIn(desk, app.baseUrl);
      await openFromMenu(desk, 'activities', 'nav-events', '/events'); // 活动报名 is under 活动与福利
      await desk.getByTestId('events-page').waitFor(WAIT);
      await desk.getByTestId('create-event').click();
      await settled(desk);
      await desk.getByTestId('event-title').fill(LINE_TITLE);
      await desk.getByTestId('session-place-0').fill(LINE_PLACE);
      await desk.getByTestId('session-capacity-0').fill('2');
      await desk.getByTestId('session-repeat-count').fill('33');
      await desk.getByTestId('session-repeat').click();
      await desk.getByTestId('session-row-32').waitFor(WAIT);
      expect(await desk.locator('[data-testid^="session-row-"]').count()).toBe(33);
      await shot(desk, 'events-01-sessions-editor');
      await desk.getByTestId('event-ok').click();
      await desk.waitForURL((url) => /^\/events\/\d+$/u.test(url.pathname), WAIT);
      const lineId = Number(new URL(desk.url()).pathname.split('/').pop());
      await desk.getByTestId('event-page').waitFor(WAIT);
      // Created is published (a draft is only a copy's first state): 报名中, and the sessions tab lists the 33 trips.
      await desk.getByText('报名中', { exact: true }).waitFor(WAIT);
      expect(await desk.getByTestId('event-open').count()).toBe(0);
      const tripRows = desk.getByTestId('event-sessions-table').locator('tr.ant-table-row');
      await tripRows.nth(32).waitFor(WAIT);
      expect(await tripRows.count()).toBe(33);
      expect(await tripRows.filter({ hasText: LINE_PLACE }).count()).toBe(33);
      await shot(desk, 'events-02-line-published', true);
      const line = await json<EventDetail>(admin.get(`${app.baseUrl}/api/events/${lineId}`));
      expect(line.sessions).toHaveLength(33);
      const firstTrip = [...line.sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0]!;

      // 2. The lottery: one place, sign-up open for a few minutes; the cadre publishes its rule before any entry.
      const me = await json<{ grants: { orgId: number }[] }>(admin.get(`${app.baseUrl}/api/auth/me`));
      const concertDay = new Date(Date.now() + 8 * 3_600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
      const lottery = await json<EventDetail>(
        admin.post(`${app.baseUrl}/api/events`, {
          data: {
            orgId: me.grants[0]!.orgId,
            kind: 'culture',
            title: LOTTERY_TITLE,
            description: '北京音乐厅新年音乐会，门票一张，报名后公开抽签。',
            selection: 'lottery',
            sessions: [
              {
                startsAt: `${concertDay}T19:30:00+08:00`,
                endsAt: `${concertDay}T21:30:00+08:00`,
                place: '北京音乐厅',
                capacity: 1,
                opensAt: fromNow(-3_600_000),
                closesAt: fromNow(LOTTERY_WINDOW_MS),
              },
            ],
          },
        }),
      );
      expect(lottery.status).toBe('open');
      const concert = lottery.sessions[0]!;
      await desk.goto(`${app.baseUrl}/events/${lottery.id}`);
      await desk.getByTestId('event-draw-tab').click();
      await desk.getByTestId('draw-tab').waitFor(WAIT);
      await desk.getByTestId('draw-plan').click();
      await settled(desk);
      await desk.getByTestId('draw-seed-source').fill(SEED_SOURCE);
      await desk.getByTestId('draw-plan-ok').click();
      await desk.getByTestId('draw-plan-summary').getByText(SEED_SOURCE).waitFor(WAIT);
      await shot(desk, 'events-03-draw-plan');

      // 3. The members sign in on their phones: two take the first trip's two places, the third its waitlist; each
      // enters the lottery.
      for (const [i, m] of members.entries()) {
        const context = await newContext(phoneOptions);
        const phone = await context.newPage();
        phones.push(phone);
        watch(phone, problems);
        await phone.goto(`${app.baseUrl}/m/events`);
        await phone.getByTestId('member-sign-in').waitFor(WAIT);
        await phone.getByTestId('member-id').fill(m.idNumber);
        await phone.getByTestId('member-phone').fill(m.phone);
        await phone.getByTestId('member-ask-code').click();
        await phone.getByTestId('member-code').waitFor(WAIT);
        await phone.getByTestId('member-code').fill(await codeFromOutbox(admin, app.baseUrl, m.phone.slice(-4)));
        await phone.getByTestId('member-sign-in-submit').click();
        await phone.getByTestId('my-events').waitFor(WAIT);

        const trip = phone.getByTestId(`my-event-${lineId}`).getByTestId(`my-session-${firstTrip.id}`);
        const signUp = trip.getByTestId('my-session-sign-up');
        expect(await signUp.innerText()).toBe(i < 2 ? '报 名' : '报名候补');
        const mine = phone.getByTestId(/^my-registration-\d+$/u).filter({ hasText: LINE_TITLE });
        await clickUntilShown(signUp, mine.getByTestId('my-registration-status'));
        if (i < 2) {
          await mine.getByTestId('my-registration-status').getByText('已确认').waitFor(WAIT);
          expect(await mine.getByTestId('my-ticket-link').getAttribute('href')).toMatch(/^\/m\/events\/tickets\/\d+$/u);
        } else {
          await mine.getByTestId('my-registration-status').getByText('候补中').waitFor(WAIT);
          expect(await mine.getByTestId('my-waitlist-position').innerText()).toBe('候补第 1 位');
          expect(await mine.getByTestId('my-ticket-link').count()).toBe(0);
        }
        await trip.getByText('已报名').waitFor(WAIT);

        const entry = phone.getByTestId(/^my-registration-\d+$/u).filter({ hasText: LOTTERY_TITLE });
        await clickUntilShown(
          phone.getByTestId(`my-event-${lottery.id}`).getByTestId(`my-session-${concert.id}`).getByTestId('my-session-sign-up'),
          entry.getByTestId('my-registration-status'),
        );
        await entry.getByTestId('my-registration-status').getByText('已报名，待抽签').waitFor(WAIT);
        await shot(phone, `events-04-member-${i + 1}`);
      }

      // The first member's ticket opens from its link.
      await phones[0]!
        .getByTestId(/^my-registration-\d+$/u)
        .filter({ hasText: LINE_TITLE })
        .getByTestId('my-ticket-link')
        .click();
      await phones[0]!.getByTestId('ticket').waitFor(WAIT);
      await shot(phones[0]!, '05-ticket', true);

      // The cadre's sessions tab: the first trip full (2) with one on its waitlist.
      await desk.goto(`${app.baseUrl}/events/${lineId}`);
      const firstRow = desk.getByTestId('event-sessions-table').locator('tr.ant-table-row').first();
      await firstRow.waitFor(WAIT);
      const firstCells = await firstRow.locator('td').allInnerTexts();
      expect(firstCells).toContain('2');
      expect(firstCells).toContain('1');

      // 4. Sign-up closes (the server's clock says so); the cadre freezes the entries, enters the seed, sees results.
      const until = Date.now() + LOTTERY_WINDOW_MS + 120_000;
      for (;;) {
        const now = await json<EventDetail>(admin.get(`${app.baseUrl}/api/events/${lottery.id}`));
        if (!now.sessions[0]!.isOpenNow && Date.parse(now.sessions[0]!.closesAt) <= Date.now()) break;
        if (Date.now() > until) throw new Error('the lottery sign-up did not close');
        await desk.waitForTimeout(1000); // polling the window, not a timed assertion
      }
      await desk.goto(`${app.baseUrl}/events/${lottery.id}`);
      await desk.getByTestId('event-draw-tab').click();
      await desk.getByTestId('draw-tab').waitFor(WAIT);
      // The server also freezes a closed window within a minute: the button is there unless that already happened.
      const freeze = desk.getByTestId('draw-freeze');
      await freeze.waitFor(WAIT);
      if (await freeze.isEnabled()) await freeze.click();
      const frozen = desk.locator('[data-testid^="draw-frozen-"]');
      await frozen.first().waitFor(WAIT);
      expect(await frozen.first().innerText()).toMatch(/^3 人，冻结于 /u);
      await shot(desk, 'events-06-frozen');
      await desk.getByTestId('draw-seed').click();
      await settled(desk);
      await desk.getByTestId('draw-seed-input').fill(SEED);
      await desk.getByTestId('draw-seed-ok').click();
      const results = desk.getByTestId('draw-results');
      await results.getByText('中选名单（1 人）').waitFor(WAIT);
      await results.getByText('候补名单（2 人，按顺序递补）').waitFor(WAIT);
      const card = results.locator('[data-testid^="draw-result-"]').first();
      const drawId = Number((await card.getAttribute('data-testid'))!.replace('draw-result-', ''));
      expect(await desk.getByTestId(`draw-seed-${drawId}`).innerText()).toContain(SEED);
      expect(await desk.getByTestId(`draw-won-${drawId}`).locator('tr.ant-table-row').count()).toBe(1);
      expect(await desk.getByTestId(`draw-waiting-${drawId}`).locator('tr.ant-table-row').count()).toBe(2);
      await shot(desk, 'events-07-draw-results', true);

      // 5. The public page, without signing in: the same result; its export downloads and verifies.
      const visitor = await newContext({ viewport: DESKTOP, locale: 'zh-CN', acceptDownloads: true });
      publicPage = await visitor.newPage();
      watch(publicPage, problems);
      await publicPage.goto(`${app.baseUrl}/draws/${lottery.id}`);
      await publicPage.getByTestId('public-draw').waitFor(WAIT);
      expect(await publicPage.getByTestId('public-draw-event').innerText()).toBe(LOTTERY_TITLE);
      await publicPage.getByTestId('draw-results').getByText('中选名单（1 人）').waitFor(WAIT);
      await publicPage.getByTestId('draw-results').getByText('候补名单（2 人，按顺序递补）').waitFor(WAIT);
      expect(await publicPage.getByTestId(`draw-won-${drawId}`).locator('tr.ant-table-row').count()).toBe(1);
      // Names are masked in public: no member's full name appears.
      const publicText = await publicPage.getByTestId('public-draw').innerText();
      for (const m of members) expect(publicText).not.toContain(m.name);
      await shot(publicPage, 'events-08-public-draw', true);
      const [download] = await Promise.all([
        publicPage.waitForEvent('download', WAIT),
        publicPage.getByTestId(`draw-download-${drawId}`).click(),
      ]);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-draw-'));
      const file = path.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const verified = spawnSync('npm', ['run', '--silent', 'cli', '--', 'verify-draw', file], {
        cwd: root,
        env: { ...process.env, GONGHUI_DATA_DIR: dir, NODE_ENV: 'production' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(verified.stdout).toContain('已验证 / verified');
      expect(verified.status).toBe(0);
      // A tampered export is refused: the check is real.
      const tampered = path.join(dir, 'tampered.json');
      fs.writeFileSync(tampered, fs.readFileSync(file, 'utf8').replace(SEED, '01 02 03 04 05 06 07'));
      const refused = spawnSync('npm', ['run', '--silent', 'cli', '--', 'verify-draw', tampered], {
        cwd: root,
        env: { ...process.env, GONGHUI_DATA_DIR: dir, NODE_ENV: 'production' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(refused.stdout).toContain('验证失败');
      expect(refused.status).toBe(1);
      fs.rmSync(dir, { recursive: true, force: true });
      expect(problems).toEqual([]);
    } catch (error) {
      await desk.screenshot({ path: path.join(artifacts, 'events-failure.png') }).catch(() => undefined);
      for (const [i, phone] of phones.entries())
        await phone.screenshot({ path: path.join(artifacts, `events-failure-phone-${i + 1}.png`) }).catch(() => undefined);
      await publicPage?.screenshot({ path: path.join(artifacts, 'events-failure-public.png') }).catch(() => undefined);
      throw error;
    } finally {
      for (const context of contexts) await context.close();
    }
  });
});
