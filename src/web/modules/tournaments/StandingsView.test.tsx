// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Standings } from '../../../common/tournaments.js';
import { StandingsView } from './StandingsView.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

type Row = Standings['groups'][number]['rows'][number];
const row = (position: number, teamId: number, over: Partial<Row> = {}): Row => ({
  position,
  teamId,
  name: `队${teamId}`,
  played: 13,
  won: 5,
  drawn: 2,
  lost: 6,
  goalsFor: 9,
  goalsAgainst: 8,
  goalDifference: 1,
  points: 17,
  fairPlay: 0,
  separatedFromNextBy: 'points',
  lotsKey: null,
  ...over,
});

describe('StandingsView (积分榜)', () => {
  it('states the declared tie-breaks in words, which one separated each row, and the seed where lots decided', async () => {
    fakeApi(cadre(['tournament.read']), () => undefined);
    const groups: Standings['groups'] = [
      {
        group: 1,
        complete: true,
        rows: [
          row(1, 1, { separatedFromNextBy: 'headToHead' }),
          row(2, 2, { separatedFromNextBy: 'lots', lotsKey: '3fa9c2d17b' }),
          row(3, 3, { separatedFromNextBy: 'points' }),
          row(4, 4, { points: 12, separatedFromNextBy: null }),
        ],
      },
    ];
    renderPage(
      <StandingsView
        standings={groups}
        tieBreaks={['points', 'headToHead', 'goalDifference', 'goalsFor', 'fairPlay', 'lots']}
        lotsSeed="tongzhou-2026"
      />,
    );
    expect((await screen.findByTestId('standings-rules')).textContent).toBe(
      '排名规则：积分 → 相互间比赛成绩 → 净胜球 → 进球数 → 公平竞赛分 → 抽签',
    );
    expect(screen.getByTestId('standing-why-1').textContent).toBe('以相互间比赛成绩排在下一名之前');
    expect(screen.getByTestId('standing-why-2').textContent).toBe('抽签决定（签号 3fa9c2d1）');
    expect(screen.getByTestId('standing-why-3').textContent).toBe('');
    expect(screen.getByTestId('standings-seed').textContent).toBe('抽签种子：tongzhou-2026');
    expect(screen.getByTestId('standing-row-1').textContent).toContain('队1');
    expect(screen.getByText('本组赛完')).toBeTruthy();
  });

  it('shows no seed when no lots were drawn', async () => {
    fakeApi(cadre(['tournament.read']), () => undefined);
    renderPage(
      <StandingsView
        standings={[{ group: 2, complete: false, rows: [row(1, 5, { separatedFromNextBy: null })] }]}
        tieBreaks={['points', 'lots']}
        lotsSeed="s"
      />,
    );
    expect((await screen.findByTestId('standings-rules')).textContent).toBe('排名规则：积分 → 抽签');
    expect(screen.queryByTestId('standings-seed')).toBeNull();
    expect(screen.getByText('B组')).toBeTruthy();
  });

  it('keeps the columns that fit a phone on the public page', async () => {
    fakeApi(cadre([]), () => undefined);
    renderPage(<StandingsView standings={[{ group: 1, complete: true, rows: [row(1, 5, { separatedFromNextBy: null })] }]} isCompact />);
    const headers = (await screen.findAllByRole('columnheader')).map((h) => h.textContent);
    expect(headers).toEqual(['名次', '队伍', '赛', '净胜', '积分', '区分依据']);
    expect(screen.queryByTestId('standings-rules')).toBeNull();
  });
});
