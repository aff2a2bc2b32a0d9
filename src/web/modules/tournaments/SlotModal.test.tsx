// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { ScheduleTab } from './LeagueTabs.js';
import { buildMatch, buildTournament, confirmedResult } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const tournament = buildTournament();
const unplayed = buildMatch({ id: 51, kickoff: '2026-05-01T01:30:00.000Z', venue: '区体育场' });
const played = buildMatch({ id: 52, result: confirmedResult() });
const schedule = { tournamentId: 5, name: tournament.name, matches: [unplayed, played] };

describe('kickoff and venue (开赛时间与场地)', () => {
  it('lets the organiser set them for a match not yet played, in Beijing time', async () => {
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
      if (path === '/api/tournaments/5/schedule') return { body: schedule };
      if (method === 'POST' && path === '/api/tournaments/matches/51/slot') return { body: { ...unplayed, venue: '二号场' } };
      return undefined;
    });
    renderPage(<ScheduleTab tournament={tournament} version={0} canWrite onChanged={() => undefined} />);
    expect((await screen.findByTestId('match-51')).textContent).toContain('区体育场');
    expect(screen.queryByTestId('slot-52')).toBeNull();
    await userEvent.click(screen.getByTestId('slot-51'));
    const kickoff = await screen.findByTestId<HTMLInputElement>('slot-kickoff');
    expect(kickoff.value).toBe('2026-05-01T09:30');
    fireEvent.change(kickoff, { target: { value: '2026-05-02T15:00' } });
    await userEvent.clear(screen.getByTestId('slot-venue'));
    await userEvent.type(screen.getByTestId('slot-venue'), '二号场');
    await userEvent.click(screen.getByTestId('slot-ok'));
    await waitFor(() =>
      expect(calls.find((c) => c.url.pathname.endsWith('/slot'))?.body).toEqual({ kickoff: '2026-05-02T15:00:00+08:00', venue: '二号场' }),
    );
  });

  it('shows the server’s refusal in words once the match has a result', async () => {
    fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
      if (path === '/api/tournaments/5/schedule') return { body: schedule };
      if (method === 'POST' && path === '/api/tournaments/matches/51/slot')
        return { status: 409, body: { code: 'TOURNAMENT_MATCH_PLAYED', message: '该场比赛已有结果，不能再改开赛时间和场地' } };
      return undefined;
    });
    renderPage(<ScheduleTab tournament={tournament} version={0} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('slot-51'));
    await userEvent.click(await screen.findByTestId('slot-ok'));
    expect((await screen.findByTestId('slot-error')).textContent).toContain('已有结果');
  });

  it('offers no editing to a reader', async () => {
    fakeApi(cadre(['tournament.read']), (_method, path) => (path === '/api/tournaments/5/schedule' ? { body: schedule } : undefined));
    renderPage(<ScheduleTab tournament={tournament} version={0} canWrite={false} onChanged={() => undefined} />);
    await screen.findByTestId('match-51');
    expect(screen.queryByTestId('slot-51')).toBeNull();
  });
});
