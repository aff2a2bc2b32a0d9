// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as ReactRouter from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { TournamentPage } from './TournamentPage.js';
import { buildTournament } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

vi.mock('react-router-dom', async (original) => ({
  ...(await original<typeof ReactRouter>()),
  useParams: () => ({ id: '5' }),
}));

const league = buildTournament({ teams: [{ id: 1, name: '市直机关队1', orgId: null, category: '市直机关', seed: null, group: 1 }] });
const answers = (_method: string, path: string) => {
  if (path === '/api/tournaments/5') return { body: league };
  if (path === '/api/tournaments/5/public-link') return { body: { token: 'abc.def', url: '/public/tournaments/abc.def' } };
  return undefined;
};

describe('TournamentPage (赛事)', () => {
  it('shows the league’s tabs, its declared tie-breaks, and the public link to copy', async () => {
    fakeApi(cadre(['tournament.read', 'tournament.write']), answers);
    renderPage(<TournamentPage />);
    expect((await screen.findByTestId('tournament-title')).textContent).toBe('通州区职工足球联赛');
    for (const tab of ['参赛队', '赛程', '积分榜', '对阵图', '成绩确认']) expect(screen.getByRole('tab', { name: tab })).toBeTruthy();
    expect(screen.getByText('积分 → 抽签')).toBeTruthy();
    expect((await screen.findByTestId('teams-table')).textContent).toContain('市直机关队1');
    await userEvent.click(screen.getByTestId('public-link'));
    expect((await screen.findByTestId('public-link-url')).textContent).toContain('/public/tournaments/abc.def');
  });

  it('offers no referee account or public link to a reader', async () => {
    fakeApi(cadre(['tournament.read']), answers);
    renderPage(<TournamentPage />);
    await screen.findByTestId('tournament-title');
    expect(screen.queryByTestId('create-referee')).toBeNull();
    expect(screen.queryByTestId('public-link')).toBeNull();
    expect(screen.queryByTestId('add-teams')).toBeNull();
  });
});
