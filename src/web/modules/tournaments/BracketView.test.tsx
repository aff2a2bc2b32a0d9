// @vitest-environment jsdom
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { configure, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BracketView } from './BracketView.js';
import { buildMatch, confirmedResult, from, team } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const ko = { stage: 'knockout' as const, group: null };

describe('BracketView (对阵图)', () => {
  it('shows the sources of the sides until they are resolved', async () => {
    fakeApi(cadre(['tournament.read']), () => undefined);
    renderPage(
      <BracketView
        matches={[
          buildMatch({ ...ko, id: 101, round: 1, bracketNo: 1, home: from('rank:1:1'), away: from('bye') }),
          buildMatch({ ...ko, id: 102, round: 1, bracketNo: 2, home: from('rank:2:2'), away: from('rank:3:3') }),
          buildMatch({ ...ko, id: 103, round: 2, bracketNo: 3, home: from('winner:1'), away: from('winner:2') }),
        ]}
      />,
    );
    expect((await screen.findByTestId('bracket-home-1')).textContent).toBe('A组第1');
    expect(screen.getByTestId('bracket-away-1').textContent).toBe('轮空');
    expect(screen.getByTestId('bracket-away-2').textContent).toBe('C组第3');
    expect(screen.getByTestId('bracket-home-3').textContent).toBe('第1场胜者');
    expect(screen.getByTestId('bracket-round-2').textContent).toContain('决赛');
    expect(screen.getByTestId('bracket-round-1').textContent).toContain('半决赛');
  });

  it('shows the teams, the score with extra time and penalties, and the winner once decided', async () => {
    fakeApi(cadre(['tournament.read']), () => undefined);
    const decided = confirmedResult({ regular: { home: 1, away: 1 }, extraTime: { home: 0, away: 0 }, penalties: { home: 4, away: 3 } });
    renderPage(
      <BracketView
        matches={[
          buildMatch({
            ...ko,
            id: 102,
            round: 1,
            bracketNo: 2,
            home: team(21, '东城队'),
            away: team(22, '西城队'),
            result: decided,
            winnerTeamId: 21,
          }),
          buildMatch({
            ...ko,
            id: 103,
            round: 2,
            bracketNo: 3,
            home: from('winner:1'),
            away: { teamId: 21, name: '东城队', source: 'winner:2' },
          }),
        ]}
      />,
    );
    expect((await screen.findByTestId('bracket-score-2')).textContent).toContain('1:1 · 加时 0:0 · 点球 4:3');
    expect(screen.getByTestId('bracket-match-2').textContent).toContain('胜者');
    expect(screen.getByTestId('bracket-away-3').textContent).toBe('东城队');
    expect(screen.getByTestId('bracket-home-3').textContent).toBe('第1场胜者');
  });
});
