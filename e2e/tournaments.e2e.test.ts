/**
 * A referee enters a result on a phone, the organiser confirms it, the standings count it (issue #14, 赛事): the
 * organiser sets up a small league through the API — four teams in one group, the fixtures drawn, a referee account —
 * the referee signs in at 375 px, changes the first password, opens 裁判录分, enters 3 : 1 for the first match and
 * sees 待确认; on the laptop the organiser finds it on 成绩确认, confirms it, and 积分榜 shows the winner on 3 points
 * (the standings are computed from confirmed results only: before the confirmation nobody has a point).
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CreatedReferee, Schedule, Standings, TournamentDetail } from '../src/common/tournaments.js';
import {
  ADMIN_PASSWORD,
  hasChromium,
  json,
  signIn,
  signInApi,
  signInFirstTime,
  useJourney,
  DESKTOP,
  SMALL_PHONE,
  shot,
} from './harness.js';

const REFEREE_PASSWORD = 'Referee-League-2026';

describe.skipIf(!hasChromium)('tournaments: a referee enters a result on a phone', () => {
  const journey = useJourney();

  it('enters 3 : 1 on the phone, waits for the organiser, and the confirmed result counts in the standings', async () => {
    const { app, browser } = journey;
    const contexts: BrowserContext[] = [];
    const problems: string[] = [];
    try {
      const admin = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      contexts.push(admin);
      await signInApi(admin.request, app.baseUrl, 'admin', ADMIN_PASSWORD);
      const api = admin.request;
      const base = app.baseUrl;
      const root = (await json<{ items: { id: number }[] }>(api.get(`${base}/api/orgs/roots`))).items[0]!.id;
      const tournament = await json<TournamentDetail>(
        api.post(`${base}/api/tournaments`, { data: { orgId: root, name: '职工足球友谊赛', kind: 'league_knockout', qualifiers: 2 } }),
      );
      await json(
        api.post(`${base}/api/tournaments/${tournament.id}/teams`, {
          data: { teams: ['市财政局', '通州区教委', '北苑街道', '潞城镇'].map((name) => ({ name })) },
        }),
      );
      await json(api.post(`${base}/api/tournaments/${tournament.id}/groups`, { data: { groups: 1 } }));
      const schedule = await json<Schedule>(api.get(`${base}/api/tournaments/${tournament.id}/schedule`));
      const match = schedule.matches[0]!;
      const referee = await json<CreatedReferee>(
        api.post(`${base}/api/tournaments/${tournament.id}/referees`, { data: { username: 'referee.league', displayName: '李裁判' } }),
      );

      // 1. The referee on a phone: first password changed, then 裁判录分 with the open matches.
      const phoneContext = await browser.newContext({
        viewport: SMALL_PHONE,
        locale: 'zh-CN',
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 2,
      });
      contexts.push(phoneContext);
      const phone = await phoneContext.newPage();
      phone.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await signInFirstTime(phone, base, referee.username, referee.firstPassword, REFEREE_PASSWORD);
      await phone.goto(`${base}/tournaments/referee`);
      await phone.getByTestId(`ref-tournament-${tournament.id}`).getByTestId('ref-match-list').waitFor();
      await phone.getByTestId(`ref-match-${match.id}`).waitFor();
      await shot(phone, 't01-referee-matches', true);
      await phone.getByTestId(`ref-enter-${match.id}`).click();
      await phone.getByTestId('ref-regular-home').fill('3');
      await phone.getByTestId('ref-regular-away').fill('1');
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(SMALL_PHONE.width);
      await phone.getByTestId('ref-submit').click();
      await phone.getByTestId('ref-pending').waitFor();
      await shot(phone, 't02-referee-entered', true);
      // Entered, not confirmed: it counts for nobody yet.
      const before = await json<Standings>(api.get(`${base}/api/tournaments/${tournament.id}/standings`));
      expect(before.groups[0]!.rows.every((r) => r.points === 0 && r.played === 0)).toBe(true);

      // 2. The organiser on the laptop confirms it on 成绩确认; 积分榜 counts it.
      const deskContext = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      contexts.push(deskContext);
      const desk = await deskContext.newPage();
      desk.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await signIn(desk, base);
      await desk.goto(`${base}/tournaments/${tournament.id}`);
      await desk.getByRole('tab', { name: '成绩确认' }).click();
      await desk.getByTestId(`confirm-${match.id}`).click();
      await desk.getByTestId(`correct-${match.id}`).waitFor();
      await desk.getByRole('tab', { name: '积分榜' }).click();
      const winner = desk.getByTestId(`standing-row-${match.home.teamId}`);
      await winner.waitFor();
      expect(await winner.innerText()).toContain(match.home.name!);
      const after = await json<Standings>(api.get(`${base}/api/tournaments/${tournament.id}/standings`));
      const home = after.groups[0]!.rows.find((r) => r.teamId === match.home.teamId)!;
      expect([home.position, home.points, home.goalsFor, home.goalsAgainst]).toEqual([1, 3, 3, 1]);
      await shot(desk, 't03-standings', true);
      expect(problems).toEqual([]);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
});
