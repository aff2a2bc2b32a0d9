// @vitest-environment jsdom
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HeatsView } from '../../../common/tournaments.js';
import { cadre, fakeApi, renderPage } from '../../testing/dom.js';
import { HeatsTab } from './HeatsTab.js';
import { buildTournament } from './tournaments.fixtures.js';

// A loaded machine answers slowly: wait for the page as long as a test may run.
configure({ asyncUtilTimeout: 30_000 });

const teams = [1, 2, 3].map((id) => ({ id, name: `${id}号艇`, orgId: null, category: null, seed: id, group: null }));
const race = buildTournament({ kind: 'heats', lanes: 4, finalists: 2, heatTieRule: 'reRow', teams });
const lane = (n: number, timeMs: number) => ({
  lane: n,
  teamId: n,
  name: `${n}号艇`,
  outcome: 'finished' as const,
  timeMs,
  status: 'confirmed' as const,
});
const view: HeatsView = {
  tournamentId: 5,
  heats: [{ heat: 1, lanes: [lane(1, 60_000), lane(2, 61_000), lane(3, 61_000)] }],
  progression: { finalists: [], reRows: [{ teamIds: [2, 3], cut: 'place', heat: 1 }], lots: [], shortfall: 0 },
  final: null,
  places: null,
};

describe('HeatsTab: a re-row and a correction (重赛与更正)', () => {
  it('records the order of a pending re-row, as the crews are picked', async () => {
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
      if (method === 'GET' && path === '/api/tournaments/5/heats') return { body: view };
      if (method === 'POST' && path === '/api/tournaments/5/rerows') return { body: { ...view, progression: null } };
      return undefined;
    });
    renderPage(<HeatsTab tournament={race} version={0} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('rerow-0'));
    await userEvent.click(await screen.findByTestId('rerow-ok'));
    expect((await screen.findByTestId('rerow-error')).textContent).toContain('请按名次选齐');
    const select = screen.getByTestId('rerow-order');
    fireEvent.mouseDown(select.querySelector('.ant-select-selector') ?? select);
    await userEvent.click(await screen.findByTestId('rerow-option-3'));
    await userEvent.click(await screen.findByTestId('rerow-option-2'));
    expect(
      within(screen.getByTestId('rerow-picked'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['3号艇', '2号艇']);
    await userEvent.click(screen.getByTestId('rerow-ok'));
    await waitFor(() => expect(calls.find((c) => c.url.pathname.endsWith('/rerows'))?.body).toEqual({ teamIds: [3, 2] }));
  });

  it('corrects a confirmed heat with a reason, and shows the refusal once the final was rowed', async () => {
    const calls = fakeApi(cadre(['tournament.read', 'tournament.write']), (method, path) => {
      if (method === 'GET' && path === '/api/tournaments/5/heats') return { body: view };
      if (method === 'POST' && path === '/api/tournaments/5/heats/correction')
        return {
          status: 409,
          body: {
            code: 'TOURNAMENT_FINAL_PLAYED',
            message: '决赛已有成绩，更正预赛须以“强制更正”并说明理由（决赛成绩将作废，须重新编排）',
          },
        };
      return undefined;
    });
    renderPage(<HeatsTab tournament={race} version={0} canWrite onChanged={() => undefined} />);
    await userEvent.click(await screen.findByTestId('correct-heat-1'));
    const time = await screen.findByTestId('heat-time-2');
    await userEvent.clear(time);
    await userEvent.type(time, '1:00.50');
    await userEvent.click(screen.getByTestId('heat-submit'));
    expect((await screen.findByTestId('heat-error')).textContent).toContain('请填写更正理由');
    expect(calls.some((c) => c.url.pathname.endsWith('/correction'))).toBe(false);
    await userEvent.type(screen.getByTestId('heat-correction-reason'), '终点录像复核');
    await userEvent.click(screen.getByTestId('heat-submit'));
    expect((await screen.findByTestId('heat-error')).textContent).toContain('决赛已有成绩');
    expect(calls.find((c) => c.url.pathname.endsWith('/correction'))?.body).toEqual({
      stage: 'heat',
      heat: 1,
      results: [
        { teamId: 1, outcome: 'finished', timeMs: 60_000 },
        { teamId: 2, outcome: 'finished', timeMs: 60_500 },
        { teamId: 3, outcome: 'finished', timeMs: 61_000 },
      ],
      reason: '终点录像复核',
      override: false,
    });
  });

  it('offers neither to a reader', async () => {
    fakeApi(cadre(['tournament.read']), (_method, path) => (path === '/api/tournaments/5/heats' ? { body: view } : undefined));
    renderPage(<HeatsTab tournament={race} version={0} canWrite={false} onChanged={() => undefined} />);
    await screen.findByTestId('progression');
    expect(screen.queryByTestId('rerow-0')).toBeNull();
    expect(screen.queryByTestId('correct-heat-1')).toBeNull();
  });
});
