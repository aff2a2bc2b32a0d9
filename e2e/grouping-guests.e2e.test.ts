/**
 * Random grouping and named non-members in Debian's Chromium against the real server process (issue #13: "random
 * grouping (48 people → 6 groups) as a tool on any session"; "an audience … optionally named non-members such as gig
 * workers not yet in a union").
 *
 * Six workers of a grassroots union are signed up for a session (set up through the API). The cadre opens the event,
 * groups the session's people at random into 3 groups from the 班次 tab — 3 groups of 2, the seed and the list's hash
 * shown; then names a delivery rider who is not in a union on the 非会员 tab (phone shown masked), signs him up for the
 * session, and finds him on the 报名名单 with the 非会员 tag. Screenshots: e2e/artifacts/grouping-*.png, guests-*.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/common/identity.js';
import type { BulkSignUpResult, EventDetail } from '../src/common/events.js';
import type { OrgSearchHit } from '../src/common/orgs.js';
import { ADMIN_PASSWORD, admitMember, hasChromium, json, signIn, signInApi, useJourney, DESKTOP, shot } from './harness.js';

const WAIT = { timeout: 60_000 };

/** Waits until a modal's opening motion ends (typing before that loses keystrokes). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter, .ant-zoom-leave'), undefined, WAIT);
}

/** A valid 18-character ID number (东城, born 1991-08-23) whose sequence differs per worker and run. */
function idNumber(sequence: number): string {
  const first17 = `11010119910823${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A Beijing wall-clock day `days` from now, as YYYY-MM-DD. */
function beijingDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(!hasChromium)('random grouping and named non-members in a browser', () => {
  const journey = useJourney();

  it('groups a session’s six people into 3 groups of 2, then names a rider not in a union and signs him up', async () => {
    const { app, browser } = journey;
    const base = app.baseUrl;
    const problems: string[] = [];
    const contexts: BrowserContext[] = [];
    let desk: Page | undefined;
    try {
      // Set-up through the API: six workers admitted to a union, an event of that union, all six signed up.
      const api = await browser.newContext();
      contexts.push(api);
      await signInApi(api.request, base, 'admin', ADMIN_PASSWORD);
      const union = (
        await json<{ items: OrgSearchHit[] }>(
          api.request.get(`${base}/api/orgs/search?q=${encodeURIComponent('工会')}&kind=grassroots_union&limit=1`),
        )
      ).items[0]!;
      const stamp = Date.now();
      const memberIds: number[] = [];
      for (const [i, name] of ['周一鸣', '吴二宝', '郑三立', '王四海', '冯五洲', '陈六合'].entries())
        memberIds.push(
          await admitMember(api.request, base, union.id, {
            name,
            idNumber: idNumber(stamp + i * 11),
            phone: `136${String(stamp + i).slice(-8)}`,
          }),
        );
      const day = beijingDay(3);
      const event = await json<EventDetail>(
        api.request.post(`${base}/api/events`, {
          data: {
            orgId: union.id,
            kind: 'care',
            title: '职工心理健康团体辅导（分组）',
            sessions: [
              {
                startsAt: `${day}T14:00:00+08:00`,
                endsAt: `${day}T17:00:00+08:00`,
                place: '职工心理驿站',
                capacity: 10,
                opensAt: new Date(Date.now() - 3_600_000).toISOString(),
                closesAt: `${day}T12:00:00+08:00`,
              },
            ],
          },
        }),
      );
      const session = event.sessions[0]!;
      const signed = await json<BulkSignUpResult>(
        api.request.post(`${base}/api/events/${event.id}/registrations/bulk`, {
          data: { sessionId: session.id, key: `e2e-grouping-${stamp}`, memberIds },
        }),
      );
      expect(signed.items.every((x) => x.outcome === 'confirmed')).toBe(true);

      // 1. The cadre opens the event; on the 班次 tab, 随机分组 into 3 groups with a random seed.
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'zh-CN' });
      contexts.push(context);
      desk = await context.newPage();
      desk.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      desk.on('response', (r) => {
        if (r.url().includes('/api/') && r.status() >= 500) problems.push(`${r.status()} ${r.url()}`);
      });
      await signIn(desk, base);
      await desk.goto(`${base}/events/${event.id}`);
      await desk.getByTestId('event-sessions-table').waitFor(WAIT);
      await desk.getByTestId(`grouping-run-${session.id}`).click();
      await desk.getByTestId('grouping-groups').waitFor(WAIT);
      await settled(desk);
      await desk.getByTestId('grouping-groups').fill('3');
      await desk.getByTestId('grouping-ok').click();
      await desk.getByTestId('grouping-groups-view').waitFor(WAIT);
      for (const n of [1, 2, 3]) expect(await desk.getByTestId(`group-${n}`).innerText()).toContain(`第${n}组（2人）`);
      expect((await desk.getByTestId('grouping-seed-shown').innerText()).trim()).toMatch(/^[0-9a-f]{64}$/u);
      // The names are masked (周**), never whole.
      const groups = await desk.getByTestId('grouping-groups-view').innerText();
      expect(groups).toContain('周**');
      expect(groups).not.toContain('周一鸣');
      await settled(desk);
      await shot(desk, 'grouping-01-groups', true);
      await desk.getByTestId('grouping-close').click();

      // 2. 非会员: a delivery rider not in a union, named with his phone (shown masked), signed up for the session.
      await desk.getByTestId('event-guests-tab').click();
      await desk.getByTestId('guest-add').click();
      await desk.getByTestId('guest-name').waitFor(WAIT);
      await settled(desk);
      const phone = `138${String(stamp).slice(-8)}`;
      await desk.getByTestId('guest-name').fill('牛骑手');
      await desk.getByTestId('guest-phone').fill(phone);
      await desk.getByTestId('guest-note').fill('外卖骑手');
      await desk.getByTestId('guest-ok').click();
      const list = desk.getByTestId('event-guests');
      await list.getByText('牛骑手').waitFor(WAIT);
      const listed = await list.innerText();
      expect(listed).toContain(`138****${phone.slice(-4)}`);
      expect(listed).not.toContain(phone);
      const guests = await json<{ items: { id: number; name: string }[] }>(api.request.get(`${base}/api/events/${event.id}/guests`));
      const guest = guests.items.find((g) => g.name === '牛骑手')!;
      await desk.getByTestId(`guest-signup-${guest.id}`).click();
      await desk.getByTestId('guest-signup-ok').waitFor(WAIT);
      await settled(desk);
      await desk.getByTestId('guest-signup-ok').click();
      await desk.getByTestId('guest-signup-ok').waitFor({ state: 'hidden', ...WAIT });
      await shot(desk, 'guests-01-named', true);

      // 3. The registrations list holds him with the 非会员 tag, beside the six members.
      await desk.getByRole('tab', { name: '报名名单' }).click();
      const tag = desk.locator('[data-testid^="reg-guest-"]');
      await tag.first().waitFor(WAIT);
      expect(await tag.count()).toBe(1);
      expect(await tag.first().innerText()).toBe('非会员');
      await shot(desk, 'guests-02-registrations', true);
      expect(problems).toEqual([]);
    } catch (error) {
      if (desk) await shot(desk, 'grouping-guests-failure', true).catch(() => undefined);
      throw error;
    } finally {
      for (const c of contexts) await c.close();
    }
  }, 600_000);
});
