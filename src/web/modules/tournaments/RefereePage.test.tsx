// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HeatsView } from '../../../common/tournaments.js';
import { HeatEntryForm } from './HeatEntryForm.js';
import { RefereePage } from './RefereePage.js';
import { buildMatch, confirmedResult, from } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const referee = cadre(['tournament.referee']);

describe('RefereePage (裁判录分)', () => {
  it('lists only my matches whose sides are known and not yet confirmed, and opens the entry form', async () => {
    const matches = [
      buildMatch({ id: 1 }),
      buildMatch({ id: 2, result: confirmedResult() }),
      buildMatch({ id: 3, result: confirmedResult({ status: 'entered' }) }),
      buildMatch({ id: 4 }),
      buildMatch({ id: 5, stage: 'knockout', group: null, bracketNo: 2, home: from('winner:1') }),
    ];
    fakeApi(referee, (_m, path) => {
      if (path === '/api/tournaments/referee/assignments')
        return { body: { items: [{ tournamentId: 5, name: '通州区职工足球联赛', kind: 'league_knockout', matchIds: [1, 2, 3, 5] }] } };
      if (path === '/api/tournaments/5/schedule') return { body: { tournamentId: 5, name: '通州区职工足球联赛', matches } };
      return undefined;
    });
    renderPage(<RefereePage />);
    const list = await screen.findByTestId('ref-match-list');
    await waitFor(() => expect(screen.getByTestId('ref-match-1')).toBeTruthy());
    expect(list.querySelectorAll('[data-testid^="ref-match-"]')).toHaveLength(2);
    expect(screen.getByTestId('ref-match-3').textContent).toContain('待确认');
    await userEvent.click(screen.getByTestId('ref-enter-1'));
    expect(await screen.findByTestId('ref-regular-home')).toBeTruthy();
  });

  it('says so when it has nothing to referee', async () => {
    fakeApi(referee, (_m, path) => (path === '/api/tournaments/referee/assignments' ? { body: { items: [] } } : undefined));
    renderPage(<RefereePage />);
    expect((await screen.findByTestId('referee-page')).textContent).toContain('没有分配给您的比赛');
  });
});

describe('HeatEntryForm (龙舟成绩)', () => {
  const lanes: HeatsView['heats'][number]['lanes'] = [
    { lane: 3, teamId: 41, name: '龙舟队1', outcome: null, timeMs: null, status: null },
    { lane: 4, teamId: 42, name: '龙舟队2', outcome: null, timeMs: null, status: null },
  ];

  it('refuses a finished lane without a time, then sends each lane with its time and shows 待确认', async () => {
    const calls = fakeApi(referee, (method, path) =>
      method === 'POST' && path === '/api/tournaments/9/heats/results'
        ? { body: { tournamentId: 9, heats: [{ heat: 1, lanes }], progression: null, final: null, places: null } }
        : undefined,
    );
    renderPage(<HeatEntryForm tournamentId={9} stage="heat" heat={1} lanes={lanes} />);
    await userEvent.click(screen.getByTestId('heat-submit'));
    expect((await screen.findByTestId('heat-error')).textContent).toContain('请填写用时');
    await userEvent.type(screen.getByTestId('heat-time-41'), '1:02.35');
    await userEvent.type(screen.getByTestId('heat-time-42'), '61.5');
    await userEvent.click(screen.getByTestId('heat-submit'));
    expect(await screen.findByTestId('heat-pending')).toBeTruthy();
    expect(calls.at(-1)?.body).toEqual({
      stage: 'heat',
      heat: 1,
      results: [
        { teamId: 41, outcome: 'finished', timeMs: 62_350 },
        { teamId: 42, outcome: 'finished', timeMs: 61_500 },
      ],
    });
  });
});
