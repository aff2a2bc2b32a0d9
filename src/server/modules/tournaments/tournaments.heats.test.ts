import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, createTestContext, login, type TestContext } from '../../testing/harness.js';
import type { CreatedReferee, HeatsView, TournamentDetail } from '../../../common/tournaments.js';
import { heatLotsKey } from './heats.js';

// The 东城 dragon boats (issue #14): 17 crews in heats on 6 lanes, the heat winners and the 3 fastest of the rest to
// a final of 6, equal times at the cut decided by lots with the recorded seed, 3 prizes and 3 merit awards.
let ctx: TestContext;
let cadre: string;
let referee: string;
let tournament: TournamentDetail;
const SEED = 'dongcheng-dragon-2026';

beforeAll(async () => {
  ctx = await createTestContext();
  const dongcheng = await buildOrg(ctx, 1, 'district_federation', { name: '东城区总工会龙舟' });
  cadre = (await actorWith(ctx, 'union_cadre', dongcheng.id)).cookie;
  tournament = (
    await ctx.call(
      'POST',
      '/api/tournaments',
      {
        orgId: dongcheng.id,
        name: '东城区职工龙舟赛',
        kind: 'heats',
        lanes: 6,
        finalists: 6,
        byPlace: 1,
        prizes: 3,
        merits: 3,
        lotsSeed: SEED,
      },
      cadre,
    )
  ).json<TournamentDetail>();
  const teams = Array.from({ length: 17 }, (_, i) => ({ name: `龙舟队${i + 1}`, seed: i + 1 }));
  expect((await ctx.call('POST', `/api/tournaments/${tournament.id}/teams`, { teams }, cadre)).statusCode).toBe(200);
  const username = `boat${Math.random().toString(36).slice(2, 8)}`;
  const created = (
    await ctx.call('POST', `/api/tournaments/${tournament.id}/referees`, { username, displayName: '发令员' }, cadre)
  ).json<CreatedReferee>();
  const first = await login(ctx.app, username, created.firstPassword);
  await ctx.call('POST', '/api/auth/password', { currentPassword: created.firstPassword, newPassword: 'Paddle-Hard-2026!' }, first);
  referee = await login(ctx.app, username, 'Paddle-Hard-2026!');
});
afterAll(async () => ctx?.close());

const url = (path = '') => `/api/tournaments/${tournament.id}/heats${path}`;

describe('the 东城 dragon boats', () => {
  let heats: HeatsView;
  it('deals 17 crews to 3 heats with the best seeds in the centre lanes', async () => {
    const drawn = await ctx.call('POST', url(), undefined, cadre);
    expect(drawn.statusCode).toBe(200);
    heats = drawn.json<HeatsView>();
    expect(heats.heats.map((h) => h.lanes.length)).toEqual([5, 6, 6]);
    const top = (await ctx.call('GET', `/api/tournaments/${tournament.id}`, undefined, cadre)).json<TournamentDetail>();
    const seed1 = top.teams.find((t) => t.seed === 1)!.id;
    expect(heats.heats[0]!.lanes.find((l) => l.teamId === seed1)!.lane).toBe(3);
  });

  let tied: number[];
  it('takes the heat winners and the fastest times, with equal times at the cut decided by lots', async () => {
    // Heat h: winner 60 000 + h ms; the second of heats 2 and 3 61 000 / 61 050; their thirds both 61 100 (the cut);
    // heat 1 (five crews) has its second in 61 200, and one of its crews did not start.
    const times = [
      [60_002, 61_200, 62_600, 62_700, null],
      [60_000, 61_000, 61_100, 62_000, 62_100, 62_200],
      [60_001, 61_050, 61_100, 62_300, 62_400, 62_500],
    ];
    const byHeat = heats.heats.map((h, i) => {
      const lanes = [...h.lanes].sort((a, b) => Math.abs(a.lane - 3.5) - Math.abs(b.lane - 3.5) || a.lane - b.lane);
      return lanes.map((l, k) => ({ teamId: l.teamId, t: times[i]![k]! }));
    });
    tied = [byHeat[1]![2]!.teamId, byHeat[2]![2]!.teamId];
    const short = await ctx.call(
      'POST',
      url('/results'),
      { stage: 'heat', heat: 1, results: [{ teamId: byHeat[0]![0]!.teamId, outcome: 'finished', timeMs: 1 }] },
      referee,
    );
    expect(short.json<{ code: string }>().code).toBe('TOURNAMENT_RESULTS_MISMATCH');
    for (const [i, crews] of byHeat.entries()) {
      const results = crews.map((c) =>
        c.t === null ? { teamId: c.teamId, outcome: 'DNS' } : { teamId: c.teamId, outcome: 'finished', timeMs: c.t },
      );
      const entered = await ctx.call('POST', url('/results'), { stage: 'heat', heat: i + 1, results }, referee);
      expect(entered.statusCode, `heat ${i + 1}: ${entered.body}`).toBe(200);
      if (i === 0)
        expect((await ctx.call('POST', `/api/tournaments/${tournament.id}/final`, undefined, cadre)).json<{ code: string }>().code).toBe(
          'TOURNAMENT_HEATS_INCOMPLETE',
        );
      expect((await ctx.call('POST', url('/confirm'), { stage: 'heat', heat: i + 1 }, referee)).statusCode).toBe(404);
      expect((await ctx.call('POST', url('/confirm'), { stage: 'heat', heat: i + 1 }, cadre)).statusCode).toBe(200);
    }
    const view = (await ctx.call('GET', url(), undefined, cadre)).json<HeatsView>();
    const p = view.progression!;
    expect(p.finalists).toHaveLength(6);
    expect(p.finalists.filter((f) => f.via === 'place').map((f) => f.teamId)).toEqual(byHeat.map((h) => h[0]!.teamId));
    const luckier = [...tied].sort((a, b) => (heatLotsKey(SEED, String(a)) < heatLotsKey(SEED, String(b)) ? -1 : 1))[0]!;
    expect(p.finalists.filter((f) => f.via === 'time').map((f) => f.teamId)).toEqual([
      byHeat[1]![1]!.teamId,
      byHeat[2]![1]!.teamId,
      luckier,
    ]);
    expect(p.lots.map((l) => l.teamId).sort()).toEqual([...tied].sort());
    expect(p.shortfall).toBe(0);
    expect(view.heats[0]!.lanes.some((l) => l.outcome === 'DNS')).toBe(true);
  });

  it('draws the final by heat times and awards 3 prizes and 3 merits', async () => {
    const drawn = await ctx.call('POST', `/api/tournaments/${tournament.id}/final`, undefined, cadre);
    expect(drawn.statusCode).toBe(200);
    const final = drawn.json<HeatsView>().final!;
    expect(final).toHaveLength(6);
    const fastest = drawn.json<HeatsView>().progression!.finalists.sort((a, b) => a.timeMs - b.timeMs)[0]!;
    expect(final.find((l) => l.teamId === fastest.teamId)!.lane).toBe(3);
    const results = final.map((l, i) => ({ teamId: l.teamId, outcome: 'finished', timeMs: 55_000 + i * 100 }));
    expect((await ctx.call('POST', url('/results'), { stage: 'final', heat: 1, results }, referee)).statusCode).toBe(200);
    expect((await ctx.call('GET', url(), undefined, cadre)).json<HeatsView>().places).toBeNull();
    const confirmed = (await ctx.call('POST', url('/confirm'), { stage: 'final', heat: 1 }, cadre)).json<HeatsView>();
    expect(confirmed.places!.map((p) => p.award)).toEqual(['prize', 'prize', 'prize', 'merit', 'merit', 'merit']);
    expect(confirmed.places!.map((p) => p.place)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
