// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as ReactRouter from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import type { PublicTournament } from '../../../common/tournaments.js';
import { PublicTournamentPage } from './PublicTournamentPage.js';
import { buildMatch, confirmedResult, from } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

// The page reads the token from the route: /public/tournaments/tok.en
vi.mock('react-router-dom', async (original) => ({
  ...(await original<typeof ReactRouter>()),
  useParams: () => ({ token: 'tok.en' }),
}));

const page: PublicTournament = {
  name: '通州区职工足球联赛',
  kind: 'league_knockout',
  schedule: [buildMatch({ id: 1, result: confirmedResult({ regular: { home: 2, away: 1 } }) })],
  standings: [],
  bracket: [buildMatch({ id: 9, stage: 'knockout', group: null, bracketNo: 1, home: from('rank:1:1'), away: from('rank:2:2') })],
  heats: null,
};

describe('PublicTournamentPage (赛事公开页)', () => {
  it('shows the schedule and the bracket read-only, asking the public API only', async () => {
    const calls = fakeApi(cadre([]), (method, path) =>
      method === 'GET' && path === '/api/public/tournaments/tok.en' ? { body: page } : undefined,
    );
    renderPage(<PublicTournamentPage />);
    expect((await screen.findByTestId('public-title')).textContent).toBe('通州区职工足球联赛');
    expect((await screen.findByTestId('match-1')).textContent).toContain('2:1');
    await userEvent.click(screen.getByText('对阵图'));
    expect((await screen.findByTestId('bracket-home-1')).textContent).toBe('A组第1');
    expect(screen.queryByRole('button', { name: /确认|更正/ })).toBeNull();
    expect(calls.every((c) => c.url.pathname.startsWith('/api/public/'))).toBe(true);
  });

  it('says the link is not valid', async () => {
    fakeApi(cadre([]), () => ({ status: 404, body: { code: 'TOURNAMENT_LINK_INVALID', message: '链接无效' } }));
    renderPage(<PublicTournamentPage />);
    expect((await screen.findByTestId('public-tournament-unavailable')).textContent).toContain('链接无效');
  });
});
