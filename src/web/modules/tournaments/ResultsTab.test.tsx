// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ResultsTab } from './ResultsTab.js';
import type { Match } from '../../../common/tournaments.js';
import { buildMatch, buildTournament, confirmedResult } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const tournament = buildTournament();
const entered = buildMatch({ id: 31, result: confirmedResult({ status: 'entered', regular: { home: 2, away: 0 } }) });
const confirmed = buildMatch({ id: 32, result: confirmedResult({ version: 2 }) });

/** The results route answering `entered` and `confirmed` pages (first page with its total). */
const resultsOf =
  (lists: { entered: Match[]; confirmed: Match[] }) =>
  (path: string, url: URL): { body: object } | undefined => {
    if (path !== '/api/tournaments/5/results') return undefined;
    const items = lists[url.searchParams.get('status') as 'entered' | 'confirmed'];
    return { body: { items, nextCursor: null, total: { count: items.length, kind: 'exact' } } };
  };

describe('ResultsTab (成绩确认)', () => {
  it('confirms an entered result and lists confirmed ones for correction', async () => {
    const results = resultsOf({ entered: [entered], confirmed: [confirmed] });
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path, url) => {
      if (method === 'GET') return results(path, url);
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
    expect(screen.getByTestId('results-confirmed-pager').textContent).toContain('1');
  });

  it('pages the confirmed results: the next page is asked for with the cursor of the first', async () => {
    const second = buildMatch({ id: 40, result: confirmedResult({ version: 2, regular: { home: 3, away: 1 } }) });
    const calls = fakeApi(cadre(['tournament.read']), (_method, path, url) => {
      if (path !== '/api/tournaments/5/results') return undefined;
      if (url.searchParams.get('status') === 'entered')
        return { body: { items: [], nextCursor: null, total: { count: 0, kind: 'exact' } } };
      return url.searchParams.get('cursor') === 'c32'
        ? { body: { items: [second], nextCursor: null } }
        : { body: { items: [confirmed], nextCursor: 'c32', total: { count: 2, kind: 'exact' } } };
    });
    renderPage(<ResultsTab tournament={tournament} version={0} canWrite={false} onChanged={() => undefined} />);
    await screen.findByTestId('result-32');
    expect(screen.queryByTestId('correct-32')).toBeNull();
    const pager = screen.getByTestId('results-confirmed-pager');
    await userEvent.click(within(pager).getByTestId('pager-next'));
    expect((await screen.findByTestId('result-40')).textContent).toContain('3:1');
    expect(screen.queryByTestId('result-32')).toBeNull();
    expect(calls.some((c) => c.url.searchParams.get('cursor') === 'c32' && c.url.searchParams.get('status') === 'confirmed')).toBe(true);
  });

  it('corrects with a required reason and shows the refusal when a dependent match was played', async () => {
    const results = resultsOf({ entered: [], confirmed: [confirmed] });
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path, url) => {
      if (method === 'GET') return results(path, url);
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
