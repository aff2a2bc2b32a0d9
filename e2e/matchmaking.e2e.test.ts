/**
 * Matchmaking privacy (联谊, issue #14) in Debian's Chromium against the real server process, on two phones.
 * Two workers signed up for a 联谊 event with matchmaking opened by the cadre each read the privacy notice and save a
 * profile (小燕 gives her marital history with its own consent and shows it). 小燕 is interested in 阿明: 阿明 sees
 * nothing of it — her card still offers 有意向, his matches are empty, no "who likes you" anywhere — and the cadre's
 * counts show no mutual pair. 阿明 is interested back: both see the match; 小燕 confirms the contact exchange and
 * reads 等待对方确认 with no contact; once 阿明 confirms, both see the other's contact.
 * Screenshots: e2e/artifacts/matchmaking-*.png.
 */
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/common/identity.js';
import type { BulkSignUpResult, EventDetail } from '../src/common/events.js';
import type { MatchStats } from '../src/common/matchmaking.js';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { ADMIN_PASSWORD, admitMember, codeFromOutbox, hasChromium, json, signInApi, useJourney, SMALL_PHONE, shot } from './harness.js';

const WAIT = { timeout: 60_000 };
const WHO_LIKES_ME = /喜欢我|喜欢你|对你有意向|likes you/u;

type Worker = { name: string; idNumber: string; phone: string; memberId: number };

function idNumber(sequence: number): string {
  const first17 = `11010119900304${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function beijingDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

async function signInMember(member: APIRequestContext, admin: APIRequestContext, baseUrl: string, worker: Worker): Promise<void> {
  const { challengeId } = await json<{ challengeId: string }>(
    member.post(`${baseUrl}/api/public/member-codes`, { data: { idNumber: worker.idNumber, phone: worker.phone } }),
  );
  const code = await codeFromOutbox(admin, baseUrl, worker.phone.slice(-4));
  await json(member.post(`${baseUrl}/api/public/member-sessions`, { data: { challengeId, code } }));
}

/** Opens a tab of the matchmaking page. */
async function tab(page: Page, name: 'profile' | 'browse' | 'matches' | 'tasks'): Promise<void> {
  await page.getByTestId(`match-tab-${name}`).click();
}

describe.skipIf(!hasChromium)('matchmaking privacy on two phones', () => {
  const journey = useJourney();

  it('a one-sided interest is seen by nobody; a mutual one by both; contact only after both confirm', async () => {
    const { app, browser } = journey;
    const base = app.baseUrl;
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    try {
      const api = await browser.newContext();
      contexts.push(api);
      await signInApi(api.request, base, 'admin', ADMIN_PASSWORD);
      const hits = await json<{ items: OrgSearchHit[] }>(
        api.request.get(`${base}/api/orgs/search?q=${encodeURIComponent('工会')}&kind=grassroots_union&limit=1`),
      );
      const union = hits.items[0]!;
      const stamp = Date.now();
      const workers: Worker[] = [];
      for (const [i, name] of ['林小燕', '王明'].entries()) {
        const person = { name, idNumber: idNumber(stamp + i * 7), phone: `136${String(stamp + i).slice(-8)}` };
        workers.push({ ...person, memberId: await admitMember(api.request, base, union.id, person) });
      }
      const day = beijingDay(3);
      const event = await json<EventDetail>(
        api.request.post(`${base}/api/events`, {
          data: {
            orgId: union.id,
            kind: 'matchmaking',
            title: '燕缘际会·单身职工联谊',
            sessions: [
              {
                startsAt: `${day}T14:00:00+08:00`,
                endsAt: `${day}T17:00:00+08:00`,
                place: '工人文化宫',
                capacity: 50,
                opensAt: new Date(Date.now() - 3_600_000).toISOString(),
                closesAt: `${day}T12:00:00+08:00`,
              },
            ],
          },
        }),
      );
      const signed = await json<BulkSignUpResult>(
        api.request.post(`${base}/api/events/${event.id}/registrations/bulk`, {
          data: { sessionId: event.sessions[0]!.id, key: `e2e-match-${stamp}`, memberIds: workers.map((w) => w.memberId) },
        }),
      );
      expect(signed.items.map((x) => x.outcome)).toEqual(['confirmed', 'confirmed']);
      await json(
        api.request.put(`${base}/api/events/${event.id}/matchmaking/settings`, {
          data: { enabled: true, retentionDays: 30, dailyInterestLimit: 20 },
        }),
      );
      const stats = () => json<MatchStats>(api.request.get(`${base}/api/events/${event.id}/matchmaking/stats`));

      const phones: Page[] = [];
      for (const worker of workers) {
        const phone = await browser.newContext({ viewport: SMALL_PHONE, locale: 'zh-CN', isMobile: true, hasTouch: true });
        contexts.push(phone);
        await signInMember(phone.request, api.request, base, worker);
        const page = await phone.newPage();
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('response', (r) => {
          if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
        });
        phones.push(page);
      }
      const [yan, ming] = phones as [Page, Page];

      // 1. Each reads the privacy notice and saves a profile; 小燕 consents to her marital history and shows it.
      const save = async (page: Page, nickname: string, sensitive: boolean, n: number) => {
        await page.goto(`${base}/m/matchmaking/${event.id}`);
        await page.getByTestId('match-privacy-notice').waitFor(WAIT);
        if (n === 1) await shot(page, 'matchmaking-01-notice', true);
        await page.getByTestId('match-notice-accept').click();
        await page.getByTestId('match-field-nickname').fill(nickname);
        await page.getByTestId('match-field-hobbies').fill('跑步、摄影');
        await page.getByTestId('match-visible-hobbies').click();
        if (sensitive) {
          await page.getByTestId('match-consent-maritalHistory').click();
          await page.getByTestId('match-field-maritalHistory').click();
          await page.locator('.ant-select-item-option').getByText('未婚').click();
          await page.getByTestId('match-visible-maritalHistory').click();
          await shot(page, 'matchmaking-02-consent', true);
        }
        await page.getByTestId('match-save').click();
        await page.getByTestId('match-profile-saved').waitFor(WAIT);
      };
      await save(yan, '小燕', true, 1);
      await save(ming, '阿明', false, 2);

      // 2. 小燕 is interested in 阿明 (his card shows only what he shows).
      await tab(yan, 'browse');
      const mingCard = yan.locator('[data-testid^="match-card-"]').filter({ hasText: '阿明' });
      await mingCard.waitFor(WAIT);
      expect(await mingCard.innerText()).toContain('兴趣爱好：跑步、摄影');
      await mingCard.getByTestId('match-interest').click();
      await yan.getByTestId('match-interest-note').getByText('今天还可以表达 19 次意向').waitFor(WAIT);
      await shot(yan, 'matchmaking-03-interest', true);

      // 3. 阿明 sees nothing of it: her card still offers 有意向, no match, no "who likes you"; the cadre sees no pair.
      await tab(ming, 'browse');
      const yanCard = ming.locator('[data-testid^="match-card-"]').filter({ hasText: '小燕' });
      await yanCard.waitFor(WAIT);
      expect(await yanCard.innerText()).toContain('婚姻状况：未婚');
      await yanCard.getByTestId('match-interest').waitFor(WAIT);
      expect(await ming.locator('body').innerText()).not.toMatch(WHO_LIKES_ME);
      await tab(ming, 'matches');
      await ming.getByTestId('match-matches').getByText('还没有互相有意向的人').waitFor(WAIT);
      await shot(ming, 'matchmaking-04-one-sided-unseen', true);
      expect((await stats()).mutualMatches).toBe(0);

      // 4. 阿明 is interested back: mutual.
      await tab(ming, 'browse');
      await yanCard.getByTestId('match-interest').click();
      await ming.getByTestId('match-interest-note').getByText('你们互相有意向！去“配对”看看').waitFor(WAIT);
      expect((await stats()).mutualMatches).toBe(1);

      // 5. 小燕 confirms the contact exchange: 等待对方确认, no contact yet.
      await tab(yan, 'matches');
      const yanMatches = yan.getByTestId('match-matches');
      await yanMatches.getByText('阿明').waitFor(WAIT);
      await yanMatches.getByTestId('match-confirm-contact').click();
      await yanMatches.getByTestId('match-waiting').waitFor(WAIT);
      expect(await yanMatches.getByTestId('match-contact').count()).toBe(0);
      await shot(yan, 'matchmaking-05-waiting', true);

      // 6. 阿明 confirms: both see the other's contact.
      await tab(ming, 'matches');
      const mingMatches = ming.getByTestId('match-matches');
      await mingMatches.getByTestId('match-confirm-contact').click();
      const contact = mingMatches.getByTestId('match-contact');
      await contact.waitFor(WAIT);
      expect(await contact.innerText()).toContain('联系方式');
      await shot(ming, 'matchmaking-06-contact', true);
      await yan.reload();
      await tab(yan, 'matches');
      await yan.getByTestId('match-matches').getByTestId('match-contact').waitFor(WAIT);
      expect(problems).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
});
