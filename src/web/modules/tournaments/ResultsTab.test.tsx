// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResultsTab } from './ResultsTab.js';
import { buildMatch, buildTournament, confirmedResult } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const tournament = buildTournament();
const entered = buildMatch({ id: 31, result: confirmedResult({ status: 'entered', regular: { home: 2, away: 0 } }) });
const confirmed = buildMatch({ id: 32, result: confirmedResult({ version: 2 }) });

describe('ResultsTab (成绩确认)', () => {
  it('confirms an entered result and lists confirmed ones for correction', async () => {
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
      if (path === '/api/tournaments/5/schedule')
        return { body: { tournamentId: 5, name: tournament.name, matches: [entered, confirmed] } };
      if (method === 'POST' && path === '/api/tournaments/matches/31/confirm')
        return { body: { ...entered, result: { ...entered.result, status: 'confirmed' } } };
      return undefined;
    });
    renderPage(<ResultsTab tournament={tournament} version={0} canWrite onChanged={() => undefined} />);
    expect((await screen.findByTestId('result-31')).textContent).toContain('2:0');
    await userEvent.click(screen.getByTestId('confirm-31'));
    await waitFor(() =>
      expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/tournaments/matches/31/confirm')).toBe(true),
    );
    expect(screen.getByTestId('correct-32')).toBeTruthy();
  });

  it('corrects with a required reason and shows the refusal when a dependent match was played', async () => {
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
      if (path === '/api/tournaments/5/schedule') return { body: { tournamentId: 5, name: tournament.name, matches: [confirmed] } };
      if (method === 'POST' && path === '/api/tournaments/matches/32/correction')
        return {
          status: 409,
          body: { code: 'TOURNAMENT_DEPENDENT_PLAYED', message: '后续比赛（第 3 场）已有结果，更正须以“强制更正”并说明理由' },
        };
      return undefined;
    });
    renderPage(<ResultsTab tournament={tournament} version={0} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('correct-32'));
    await userEvent.click(screen.getByTestId('correction-ok'));
    expect(calls.some((c) => c.url.pathname.endsWith('/correction'))).toBe(false);
    await userEvent.type(screen.getByTestId('correction-reason'), '记分员录错比分');
    await userEvent.click(screen.getByTestId('correction-ok'));
    expect((await screen.findByTestId('correction-error')).textContent).toContain('后续比赛（第 3 场）已有结果');
    expect(calls.find((c) => c.url.pathname.endsWith('/correction'))?.body).toMatchObject({
      reason: '记分员录错比分',
      override: false,
      version: 2,
    });
  });
});
