// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Match } from '../../../common/matchmaking.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { BrowseProfiles } from './BrowseProfiles.js';
import { match, seen } from './matchmaking.fixtures.js';
import { MyMatches } from './MyMatches.js';

// antd's first render is slow on a busy machine: wait longer than the default second for what the page shows.
configure({ asyncUtilTimeout: 30_000 });

const base = '/api/portal/matchmaking/events/5';
/** Words that would tell someone who likes them, in either language. */
const whoLikesMe = /喜欢我|喜欢你|对你有意向|人对您|谁.*意向|likes? you|interested in you|admirer/i;

describe('browsing the others', () => {
  it('shows cards with only what they show, my own interest, and never a count of who likes me', async () => {
    const calls = fakeApi(cadre([]), (method, path, _url, body) => {
      if (path === `${base}/profiles`) return { body: { items: [seen('1-11', '阿明'), seen('1-12', '小林', true)], next: null } };
      if (method === 'POST' && path === `${base}/interests`)
        return { body: { profileRef: (body as { profileRef: string }).profileRef, interested: true, mutual: false, remainingToday: 19 } };
      if (method === 'POST' && path === `${base}/interests/withdraw`) return { body: { profileRef: '1-12', done: true } };
      return undefined;
    });
    renderPage(<BrowseProfiles eventId={5} />);
    const card = await screen.findByTestId('match-card-1-11');
    expect(card.textContent).toContain('阿明');
    expect(card.textContent).toContain('兴趣爱好：读书');
    expect(card.textContent).not.toContain('出生年份');
    expect(document.body.textContent).not.toMatch(whoLikesMe);

    fireEvent.click(card.querySelector('[data-testid="match-interest"]') as HTMLElement);
    expect((await screen.findByTestId('match-interest-note')).textContent).toBe('今天还可以表达 19 次意向');
    expect(calls.find((c) => c.url.pathname === `${base}/interests`)?.body).toEqual({ profileRef: '1-11' });
    const other = screen.getByTestId('match-card-1-12');
    fireEvent.click(other.querySelector('[data-testid="match-uninterest"]') as HTMLElement);
    await waitFor(() => expect(other.querySelector('[data-testid="match-interest"]')).not.toBeNull());
    expect(document.body.textContent).not.toMatch(whoLikesMe);
  });
});

describe('my mutual matches', () => {
  it('hides the contact until both confirmed: confirm, then 等待对方确认, and the contact only when the server gives it', async () => {
    const calls = fakeApi(cadre([]), (method, path) => {
      if (path === `${base}/matches`)
        return {
          body: {
            items: [match('1-11', '阿明'), match('1-13', '小周', { confirmedByMe: true, contact: { name: '周*', phone: '139****1111' } })],
          },
        };
      if (method === 'POST' && path === `${base}/matches/confirm`)
        return { body: match('1-11', '阿明', { confirmedByMe: true }) satisfies Match };
      return undefined;
    });
    renderPage(<MyMatches eventId={5} />);
    const pending = await screen.findByTestId('match-match-1-11');
    expect(pending.querySelector('[data-testid="match-contact"]')).toBeNull();
    expect(pending.textContent).not.toContain('139');
    fireEvent.click(pending.querySelector('[data-testid="match-confirm-contact"]') as HTMLElement);
    await waitFor(() => expect(pending.querySelector('[data-testid="match-waiting"]')?.textContent).toBe('等待对方确认'));
    expect(pending.querySelector('[data-testid="match-contact"]')).toBeNull();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ profileRef: '1-11' });
    const both = screen.getByTestId('match-match-1-13');
    expect(both.querySelector('[data-testid="match-contact"]')?.textContent).toBe('联系方式：周* 139****1111');
  });
});
