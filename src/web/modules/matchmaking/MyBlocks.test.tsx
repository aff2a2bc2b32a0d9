// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { MatchmakingHome } from './MatchmakingPhonePage.js';
import { myProfile, retention, seen } from './matchmaking.fixtures.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

const base = '/api/portal/matchmaking/events/5';

describe('lifting a block and the retention on the phone', () => {
  it('lists whom I blocked under the browse list, lifts a block after a confirmation, and shows them again', async () => {
    let blocked = true;
    const calls = fakeApi(cadre([]), (method, path) => {
      if (path === `${base}/profile`) return { body: { profile: myProfile, retention } };
      if (path === `${base}/profiles`) return { body: { items: blocked ? [] : [seen('1-12', '小林')], next: null } };
      if (method === 'GET' && path === `${base}/blocks`)
        return { body: { items: blocked ? [{ profileRef: '1-12', nickname: '小林' }] : [] } };
      if (method === 'POST' && path === `${base}/blocks/lift`) {
        blocked = false;
        return { body: { profileRef: '1-12', done: true } };
      }
      return undefined;
    });
    renderPage(<MatchmakingHome eventId={5} />);
    fireEvent.click(await screen.findByTestId('match-tab-browse'));
    const row = await screen.findByTestId('match-blocked-1-12');
    expect(row.textContent).toContain('小林');
    expect(screen.queryByTestId('match-card-1-12')).toBeNull();
    fireEvent.click(row.querySelector('[data-testid="match-unblock"]') as HTMLElement);
    expect((await screen.findByText(/以前的意向不会恢复/)).textContent).toContain('对方不会收到通知');
    fireEvent.click(await screen.findByTestId('match-unblock-yes'));
    await screen.findByTestId('match-card-1-12');
    await waitFor(() => expect(screen.queryByTestId('match-blocked-1-12')).toBeNull());
    expect(calls.find((c) => c.url.pathname === `${base}/blocks/lift`)?.body).toEqual({ profileRef: '1-12' });
    // The whole phone page with two tabs' worth of antd: slow on a shared machine.
  }, 150_000);

  it('states the event’s retention: days after the last session and the date of deletion, on the page and in the notice', async () => {
    fakeApi(cadre([]), (_method, path) => {
      if (path === `${base}/profile`) return { body: { profile: null, retention } };
      return undefined;
    });
    renderPage(<MatchmakingHome eventId={5} />);
    const kept = await screen.findByTestId('match-notice-retention');
    expect(kept.textContent).toContain('30 天');
    expect(kept.textContent).toContain('2027-01-18');
    expect(kept.textContent).toContain('2026/12/19 18:00');
    expect(screen.getByTestId('match-notice-unblock').textContent).toContain('重新表达意向');
    fireEvent.click(screen.getByTestId('match-notice-accept'));
    expect((await screen.findByTestId('match-retention')).textContent).toContain('将于 2027-01-18 自动删除');
  });
});
