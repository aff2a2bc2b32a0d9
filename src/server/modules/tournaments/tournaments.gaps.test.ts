import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, createTestContext, type TestContext } from '../../testing/harness.js';
import type { HeatsView, Match, MatchPage, PublicLink, PublicTournament, Schedule, TournamentDetail } from '../../../common/tournaments.js';

// The gaps of issue #14: kickoff and venue, the results a page at a time, a revocable public link (a small league of
// four teams), a re-row's recorded order and the correction of a heat (a small dragon-boat race with a re-row rule).
let ctx: TestContext;
let cadre: string;
let outsider: string;
let league: TournamentDetail;
let schedule: Schedule;

const code = (r: { json: <T>() => T }) => r.json<{ code: string; message: string }>();

beforeAll(async () => {
  ctx = await createTestContext();
  const district = await buildOrg(ctx, 1, 'district_federation', { name: '缺口区总工会' });
  const other = await buildOrg(ctx, 1, 'district_federation', { name: '隔壁区总工会' });
  cadre = (await actorWith(ctx, 'union_cadre', district.id)).cookie;
  outsider = (await actorWith(ctx, 'union_cadre', other.id)).cookie;
  league = (
    await ctx.call('POST', '/api/tournaments', { orgId: district.id, name: '缺口区职工足球赛', kind: 'league_knockout' }, cadre)
  ).json<TournamentDetail>();
  const teams = ['甲', '乙', '丙', '丁'].map((n) => ({ name: `${n}队` }));
  expect((await ctx.call('POST', `/api/tournaments/${league.id}/teams`, { teams }, cadre)).statusCode).toBe(200);
  schedule = (await ctx.call('POST', `/api/tournaments/${league.id}/groups`, { groups: 1 }, cadre)).json<Schedule>();
  expect(schedule.matches).toHaveLength(6);
});
afterAll(async () => ctx?.close());

const slot = (matchId: number, body: object, cookie = cadre, lang?: string) =>
  ctx.call('POST', `/api/tournaments/matches/${matchId}/slot`, body, cookie, lang);
// Results are entered as the admin (a role that may referee); the district's cadre confirms them.
const play = async (matchId: number, confirm: boolean) => {
  expect((await ctx.call('POST', `/api/tournaments/matches/${matchId}/result`, { regular: { home: 1, away: 0 } })).statusCode).toBe(200);
  if (confirm) expect((await ctx.call('POST', `/api/tournaments/matches/${matchId}/confirm`, undefined, cadre)).statusCode).toBe(200);
};

describe('kickoff and venue', () => {
  it('sets them before the match is played, shows them in the schedule and on the public page, and refuses after', async () => {
    const m = schedule.matches[0]!;
    const set = await slot(m.id, { kickoff: '2026-05-01T09:30:00+08:00', venue: '区体育场 2 号场' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<Match>()).toMatchObject({ kickoff: '2026-05-01T01:30:00.000Z', venue: '区体育场 2 号场' });
    const read = (await ctx.call('GET', `/api/tournaments/${league.id}/schedule`, undefined, cadre)).json<Schedule>();
    expect(read.matches.find((x) => x.id === m.id)).toMatchObject({ kickoff: '2026-05-01T01:30:00.000Z', venue: '区体育场 2 号场' });
    const link = (await ctx.call('POST', `/api/tournaments/${league.id}/public-link`, undefined, cadre)).json<PublicLink>();
    const page = (await ctx.call('GET', `/api/public/tournaments/${link.token}`, undefined, '')).json<PublicTournament>();
    expect(page.schedule.find((x) => x.id === m.id)).toMatchObject({ venue: '区体育场 2 号场' });

    const bad = await slot(m.id, { kickoff: '五月一日', venue: null }, cadre, 'en');
    expect(bad.statusCode).toBe(400);
    expect(code(bad).message).not.toBe('');
    expect((await slot(m.id, { kickoff: null, venue: null }, outsider)).statusCode).toBe(404);

    await play(m.id, false);
    const late = await slot(m.id, { kickoff: null, venue: '另一块场地' });
    expect(late.statusCode).toBe(409);
    expect(code(late).code).toBe('TOURNAMENT_MATCH_PLAYED');
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'tournament.match.slot')
      .where('target_id', '=', String(m.id))
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe('the results a page at a time', () => {
  it('pages the confirmed results with a total, and lists the entered ones apart', async () => {
    // Match 0 is entered (above); confirm it and three more, enter a fifth.
    expect((await ctx.call('POST', `/api/tournaments/matches/${schedule.matches[0]!.id}/confirm`, undefined, cadre)).statusCode).toBe(200);
    for (const m of schedule.matches.slice(1, 4)) await play(m.id, true);
    await play(schedule.matches[4]!.id, false);
    const url = (q: string) => `/api/tournaments/${league.id}/results?${q}`;
    const first = (await ctx.call('GET', url('status=confirmed&limit=3'), undefined, cadre)).json<MatchPage>();
    expect(first.total).toEqual({ count: 4, kind: 'exact' });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const next = (
      await ctx.call('GET', url(`status=confirmed&limit=3&cursor=${encodeURIComponent(first.nextCursor!)}`), undefined, cadre)
    ).json<MatchPage>();
    expect(next.items).toHaveLength(1);
    expect(next.nextCursor).toBeNull();
    const ids = [...first.items, ...next.items].map((m) => m.id);
    expect(ids).toEqual(
      schedule.matches
        .slice(0, 4)
        .map((m) => m.id)
        .sort((a, b) => a - b),
    );
    expect([...first.items, ...next.items].every((m) => m.result?.status === 'confirmed')).toBe(true);
    const waiting = (await ctx.call('GET', url('status=entered'), undefined, cadre)).json<MatchPage>();
    expect(waiting.items.map((m) => m.id)).toEqual([schedule.matches[4]!.id]);
    expect(waiting.total).toEqual({ count: 1, kind: 'exact' });
    const bad = await ctx.call('GET', url('status=voided'), undefined, cadre);
    expect(bad.statusCode).toBe(400);
    expect((await ctx.call('GET', url('status=confirmed'), undefined, outsider)).statusCode).toBe(404);
  });
});

describe('the public link', () => {
  it('is revoked: every link given out answers 404 in words, and the next link asked for is a new one', async () => {
    const before = (await ctx.call('POST', `/api/tournaments/${league.id}/public-link`, undefined, cadre)).json<PublicLink>();
    expect((await ctx.call('POST', `/api/tournaments/${league.id}/public-link`, undefined, cadre)).json<PublicLink>().token).toBe(
      before.token,
    );
    expect((await ctx.call('GET', `/api/public/tournaments/${before.token}`, undefined, '')).statusCode).toBe(200);
    expect((await ctx.call('POST', `/api/tournaments/${league.id}/public-link/revoke`, undefined, outsider)).statusCode).toBe(404);
    expect((await ctx.call('POST', `/api/tournaments/${league.id}/public-link/revoke`, undefined, cadre)).statusCode).toBe(204);
    const gone = await ctx.call('GET', `/api/public/tournaments/${before.token}`, undefined, '', 'zh-CN');
    expect(gone.statusCode).toBe(404);
    expect(code(gone)).toMatchObject({ code: 'TOURNAMENT_LINK_REVOKED', message: '此链接已被主办方停用，请向主办方索取新的链接' });
    const fresh = (await ctx.call('POST', `/api/tournaments/${league.id}/public-link`, undefined, cadre)).json<PublicLink>();
    expect(fresh.token).not.toBe(before.token);
    expect((await ctx.call('GET', `/api/public/tournaments/${fresh.token}`, undefined, '')).statusCode).toBe(200);
    expect((await ctx.call('GET', `/api/public/tournaments/${before.token}`, undefined, '')).statusCode).toBe(404);
    const forged = await ctx.call('GET', `/api/public/tournaments/${fresh.token.slice(0, -2)}xx`, undefined, '');
    expect(code(forged).code).toBe('TOURNAMENT_LINK_INVALID');
  });
});

describe('a re-row and a heat correction', () => {
  let race: TournamentDetail;
  const [A, B, C, D] = [0, 1, 2, 3];
  let crew: number[];
  const heats = (path = '') => `/api/tournaments/${race.id}${path}`;
  const heatResults = (times: (number | null)[]) =>
    crew.map((teamId, i) => (times[i] === null ? { teamId, outcome: 'DNF' } : { teamId, outcome: 'finished', timeMs: times[i] }));
  const view = async () => (await ctx.call('GET', heats('/heats'), undefined, cadre)).json<HeatsView>();

  beforeAll(async () => {
    const orgId = league.orgId;
    race = (
      await ctx.call(
        'POST',
        '/api/tournaments',
        { orgId, name: '缺口区龙舟赛', kind: 'heats', lanes: 4, finalists: 2, heatTieRule: 'reRow', prizes: 1, merits: 1 },
        cadre,
      )
    ).json<TournamentDetail>();
    const teams = ['一', '二', '三', '四'].map((n, i) => ({ name: `${n}号艇`, seed: i + 1 }));
    crew = (await ctx.call('POST', heats('/teams'), { teams }, cadre)).json<TournamentDetail>().teams.map((t) => t.id);
    expect((await ctx.call('POST', heats('/heats'), undefined, cadre)).statusCode).toBe(200);
  });

  it('waits for the re-row at the cut, takes its recorded order, and then draws the final', async () => {
    // One heat, two places by place: 二号艇 and 三号艇 row equal times for the second place.
    expect(
      (await ctx.call('POST', heats('/heats/results'), { stage: 'heat', heat: 1, results: heatResults([60_000, 61_000, 61_000, null]) }))
        .statusCode,
    ).toBe(200);
    expect((await ctx.call('POST', heats('/rerows'), { teamIds: [crew[C], crew[B]] }, cadre)).json<{ code: string }>().code).toBe(
      'TOURNAMENT_HEATS_INCOMPLETE',
    );
    expect((await ctx.call('POST', heats('/heats/confirm'), { stage: 'heat', heat: 1 }, cadre)).statusCode).toBe(200);
    const pending = await view();
    expect(pending.progression!.reRows).toEqual([{ teamIds: [crew[B], crew[C]], cut: 'place', heat: 1 }]);
    expect(code(await ctx.call('POST', heats('/final'), undefined, cadre)).code).toBe('TOURNAMENT_RE_ROW_PENDING');

    const wrong = await ctx.call('POST', heats('/rerows'), { teamIds: [crew[B], crew[D]] }, cadre, 'en');
    expect(wrong.statusCode).toBe(400);
    expect(code(wrong)).toMatchObject({ code: 'TOURNAMENT_RE_ROW_UNKNOWN', message: expect.stringContaining('re-row') });
    expect((await ctx.call('POST', heats('/rerows'), { teamIds: [crew[C], crew[B]] }, outsider)).statusCode).toBe(404);

    const recorded = await ctx.call('POST', heats('/rerows'), { teamIds: [crew[C], crew[B]] }, cadre);
    expect(recorded.statusCode, recorded.body).toBe(200);
    const decided = recorded.json<HeatsView>().progression!;
    expect(decided.reRows).toEqual([]);
    expect(decided.finalists.map((f) => f.teamId)).toEqual([crew[A], crew[C]]);
    expect(code(await ctx.call('POST', heats('/rerows'), { teamIds: [crew[B], crew[C]] }, cadre)).code).toBe('TOURNAMENT_RE_ROW_UNKNOWN');
    const final = (await ctx.call('POST', heats('/final'), undefined, cadre)).json<HeatsView>().final!;
    expect(final.map((l) => l.teamId).sort()).toEqual([crew[A], crew[C]].sort());
    expect(code(await ctx.call('POST', heats('/rerows'), { teamIds: [crew[C], crew[B]] }, cadre)).code).toBe('TOURNAMENT_DRAWN');
  });

  it('corrects a heat: the unrowed final is drawn again; once rowed, only an audited override', async () => {
    const correction = (times: (number | null)[], override = false) => ({
      stage: 'heat',
      heat: 1,
      results: heatResults(times),
      reason: '终点录像复核',
      override,
    });
    // 二号艇's time was 60 500, not 61 000: it is second by itself; the final drawn for 三号艇 is withdrawn.
    const corrected = await ctx.call('POST', heats('/heats/correction'), correction([60_000, 60_500, 61_000, null]), cadre);
    expect(corrected.statusCode, corrected.body).toBe(200);
    const after = corrected.json<HeatsView>();
    expect(after.final).toBeNull();
    expect(after.progression!.finalists.map((f) => f.teamId)).toEqual([crew[A], crew[B]]);
    expect(after.heats[0]!.lanes.find((l) => l.teamId === crew[B])).toMatchObject({ timeMs: 60_500, status: 'confirmed' });

    const final = (await ctx.call('POST', heats('/final'), undefined, cadre)).json<HeatsView>().final!;
    expect(final.map((l) => l.teamId).sort()).toEqual([crew[A], crew[B]].sort());
    const finalResults = final.map((l, i) => ({ teamId: l.teamId, outcome: 'finished', timeMs: 58_000 + i }));
    expect((await ctx.call('POST', heats('/heats/results'), { stage: 'final', heat: 1, results: finalResults })).statusCode).toBe(200);
    expect(code(await ctx.call('POST', heats('/heats/correction'), { ...correction([1, 2, 3, 4]), stage: 'final' }, cadre)).code).toBe(
      'TOURNAMENT_RESULTS_MISMATCH',
    );
    const unconfirmed = await ctx.call(
      'POST',
      heats('/heats/correction'),
      { stage: 'final', heat: 1, results: finalResults, reason: '复核' },
      cadre,
    );
    expect(code(unconfirmed).code).toBe('TOURNAMENT_NOTHING_TO_CORRECT');

    // 二号艇 is disqualified after the final was rowed.
    const refused = await ctx.call('POST', heats('/heats/correction'), correction([60_000, null, 61_000, null]), cadre);
    expect(refused.statusCode).toBe(409);
    expect(code(refused).code).toBe('TOURNAMENT_FINAL_PLAYED');
    expect((await view()).final).not.toBeNull();
    expect((await ctx.call('POST', heats('/heats/correction'), correction([60_000, null, 61_000, null], true), outsider)).statusCode).toBe(
      404,
    );
    const overridden = await ctx.call('POST', heats('/heats/correction'), correction([60_000, null, 61_000, null], true), cadre);
    expect(overridden.statusCode, overridden.body).toBe(200);
    const now = overridden.json<HeatsView>();
    expect(now.final).toBeNull();
    expect(now.places).toBeNull();
    expect(now.progression!.finalists.map((f) => f.teamId)).toEqual([crew[A], crew[C]]);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('target_id', '=', String(race.id))
      .where('action', 'in', ['tournament.heat.correct', 'tournament.heat.override', 'tournament.rerow.record'])
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['tournament.rerow.record', 'tournament.heat.correct', 'tournament.heat.override']);
    const redrawn = (await ctx.call('POST', heats('/final'), undefined, cadre)).json<HeatsView>().final!;
    expect(redrawn.map((l) => l.teamId).sort()).toEqual([crew[A], crew[C]].sort());
    expect(redrawn.every((l) => l.status === null)).toBe(true);
  });
});
