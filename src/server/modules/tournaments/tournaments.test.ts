import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, buildTree, createTestContext, login, type TestContext } from '../../testing/harness.js';
import type {
  Bracket,
  CreatedReferee,
  Match,
  PublicLink,
  RefereeAssignments,
  Schedule,
  Standings,
  TournamentDetail,
} from '../../../common/tournaments.js';
import { lotsKey } from './standings.js';

// The 通州 football league (issue #14): 40 teams in 3 groups by category (14/13/13), a single round-robin, the top 8
// of each group to a 24-team knockout with byes; results entered by a referee and confirmed by the organiser.
let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let cadre: string;
let referee: string;
let tournament: TournamentDetail;
let schedule: Schedule;
const SEED = 'tongzhou-2026-lots';
const categories = ['市直机关', '区直属机关事业单位', '乡镇街道企业'];

async function refereeFor(tournamentId: number, matchIds: number[] = []): Promise<string> {
  const username = `ref${Math.random().toString(36).slice(2, 8)}`;
  const created = await ctx.call(
    'POST',
    `/api/tournaments/${tournamentId}/referees`,
    { username, displayName: '裁判老李', matchIds },
    cadre,
  );
  expect(created.statusCode).toBe(201);
  const { firstPassword } = created.json<CreatedReferee>();
  const first = await login(ctx.app, username, firstPassword);
  const changed = await ctx.call(
    'POST',
    '/api/auth/password',
    { currentPassword: firstPassword, newPassword: 'Whistle-Blow-2026!' },
    first,
  );
  expect(changed.statusCode).toBe(200);
  return login(ctx.app, username, 'Whistle-Blow-2026!');
}

const enter = (matchId: number, body: object, cookie = referee) =>
  ctx.call('POST', `/api/tournaments/matches/${matchId}/result`, body, cookie);
const confirm = (matchId: number, cookie = cadre) => ctx.call('POST', `/api/tournaments/matches/${matchId}/confirm`, undefined, cookie);

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  const tongzhou = await buildOrg(ctx, 1, 'district_federation', { name: '通州区总工会' });
  cadre = (await actorWith(ctx, 'union_cadre', tongzhou.id)).cookie;
  const created = await ctx.call(
    'POST',
    '/api/tournaments',
    {
      orgId: tongzhou.id,
      name: '通州区职工足球联赛',
      kind: 'league_knockout',
      tieBreaks: ['points', 'headToHead', 'goalDifference', 'goalsFor', 'fairPlay', 'lots'],
      qualifiers: 8,
      lotsSeed: SEED,
    },
    cadre,
  );
  expect(created.statusCode).toBe(201);
  tournament = created.json<TournamentDetail>();
  const sizes = [14, 13, 13];
  const teams = sizes.flatMap((n, g) =>
    Array.from({ length: n }, (_, i) => ({ name: `${categories[g]}队${i + 1}`, category: categories[g] })),
  );
  const added = await ctx.call('POST', `/api/tournaments/${tournament.id}/teams`, { teams }, cadre);
  expect(added.statusCode).toBe(200);
  tournament = added.json<TournamentDetail>();
  referee = await refereeFor(tournament.id);
});
afterAll(async () => ctx?.close());

describe('the 通州 football league', () => {
  it('draws three groups by category, of unequal size, where every pair meets once', async () => {
    const drawn = await ctx.call('POST', `/api/tournaments/${tournament.id}/groups`, { categories }, cadre);
    expect(drawn.statusCode).toBe(200);
    schedule = drawn.json<Schedule>();
    expect(schedule.matches).toHaveLength(91 + 78 + 78);
    tournament = (await ctx.call('GET', `/api/tournaments/${tournament.id}`, undefined, cadre)).json<TournamentDetail>();
    for (const [g, size] of [14, 13, 13].entries()) {
      const ids = tournament.teams.filter((t) => t.group === g + 1).map((t) => t.id);
      expect(ids).toHaveLength(size);
      const pairs = schedule.matches
        .filter((m) => m.group === g + 1)
        .map((m) => [m.home.teamId!, m.away.teamId!].sort((a, b) => a - b).join('-'));
      expect(new Set(pairs).size).toBe((size * (size - 1)) / 2);
      expect(pairs).toHaveLength((size * (size - 1)) / 2);
    }
    const again = await ctx.call('POST', `/api/tournaments/${tournament.id}/teams`, { teams: [{ name: '迟到队' }] }, cadre);
    expect(again.json<{ code: string }>().code).toBe('TOURNAMENT_DRAWN');
  });

  it('lists the tournament among the referee’s assignments', async () => {
    const mine = (await ctx.call('GET', '/api/tournaments/referee/assignments', undefined, referee)).json<RefereeAssignments>();
    expect(mine.items.map((i) => i.tournamentId)).toEqual([tournament.id]);
    const none = (await ctx.call('GET', '/api/tournaments/referee/assignments', undefined, cadre)).json<RefereeAssignments>();
    expect(none.items).toEqual([]);
    // The referee reads the schedule of its own tournament (it must see the matches to enter them), nothing else of it.
    const own = await ctx.call('GET', `/api/tournaments/${tournament.id}/schedule`, undefined, referee);
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json<{ matches: unknown[] }>().matches.length).toBe(schedule.matches.length);
    expect((await ctx.call('GET', `/api/tournaments/${tournament.id}/standings`, undefined, referee)).statusCode).toBe(404);
  });

  it('counts a result in the standings only once the organiser confirms it', async () => {
    const m = schedule.matches[0]!;
    expect((await enter(m.id, { regular: { home: 2, away: 1 } })).statusCode).toBe(200);
    const table = async () =>
      (await ctx.call('GET', `/api/tournaments/${tournament.id}/standings`, undefined, cadre))
        .json<Standings>()
        .groups[0]!.rows.find((r) => r.teamId === m.home.teamId)!;
    expect((await table()).played).toBe(0);
    expect((await enter(m.id, { regular: { home: 0, away: 0 } })).statusCode).toBe(200);
    expect((await confirm(m.id)).json<Match>().result).toMatchObject({ status: 'confirmed', regular: { home: 0, away: 0 } });
    expect(await table()).toMatchObject({ played: 1, drawn: 1, points: 1 });
    const late = await enter(m.id, { regular: { home: 3, away: 0 } });
    expect(late.json<{ code: string }>().code).toBe('TOURNAMENT_RESULT_CONFIRMED');
  });

  it('refuses the knockout while the group stage is incomplete', async () => {
    const early = await ctx.call('POST', `/api/tournaments/${tournament.id}/knockout`, undefined, cadre);
    expect(early.statusCode).toBe(409);
    expect(early.json<{ code: string }>().code).toBe('TOURNAMENT_GROUP_STAGE_INCOMPLETE');
  });

  it('answers 404 to a referee of another tournament and to a cadre of another district', async () => {
    const other = (
      await ctx.call('POST', '/api/tournaments', { orgId: tournament.orgId, name: '通州区职工篮球赛', kind: 'league_knockout' }, cadre)
    ).json<TournamentDetail>();
    const otherReferee = await refereeFor(other.id);
    const m = schedule.matches[1]!;
    expect((await enter(m.id, { regular: { home: 1, away: 0 } }, otherReferee)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/tournaments/${tournament.id}/schedule`, undefined, otherReferee)).statusCode).toBe(404);
    const xicheng = (await actorWith(ctx, 'union_cadre', tree.xicheng.id)).cookie;
    expect((await ctx.call('GET', `/api/tournaments/${tournament.id}/standings`, undefined, xicheng)).statusCode).toBe(404);
    expect((await confirm(m.id, xicheng)).statusCode).toBe(404);
    const readOnly = (await actorWith(ctx, 'read_only', tournament.orgId)).cookie;
    expect((await confirm(m.id, readOnly)).statusCode).toBe(403);
  });

  it('decides a three-way tie by head-to-head, then by lots with the recorded seed', async () => {
    const g1 = tournament.teams.filter((t) => t.group === 1).map((t) => t.id);
    const [a, b, c, ...o] = g1 as [number, number, number, ...number[]];
    // A beats B and C; B and C draw; B and C each beat three others and lose to one: all three on 17 points.
    const wins = new Map<string, [number, number]>([
      [`${a}-${b}`, [a, b]],
      [`${a}-${c}`, [a, c]],
      ...[o[0]!, o[1]!, o[2]!].map((x): [string, [number, number]] => [[b, x].sort((p, q) => p - q).join('-'), [b, x]]),
      ...[o[4]!, o[5]!, o[6]!].map((x): [string, [number, number]] => [[c, x].sort((p, q) => p - q).join('-'), [c, x]]),
      [[o[3]!, b].sort((p, q) => p - q).join('-'), [o[3]!, b]],
      [[o[7]!, c].sort((p, q) => p - q).join('-'), [o[7]!, c]],
    ]);
    for (const m of schedule.matches.slice(1)) {
      const key = [m.home.teamId!, m.away.teamId!].sort((p, q) => p - q).join('-');
      const w = wins.get(key);
      const regular = w ? { home: w[0] === m.home.teamId ? 1 : 0, away: w[0] === m.away.teamId ? 1 : 0 } : { home: 0, away: 0 };
      expect((await enter(m.id, { regular })).statusCode).toBe(200);
      expect((await confirm(m.id)).statusCode).toBe(200);
    }
    const standings = (await ctx.call('GET', `/api/tournaments/${tournament.id}/standings`, undefined, cadre)).json<Standings>();
    expect(standings.groups.map((g) => g.complete)).toEqual([true, true, true]);
    const top = standings.groups[0]!.rows.slice(0, 3);
    expect(top.map((r) => r.points)).toEqual([17, 17, 17]);
    expect(top[0]).toMatchObject({ teamId: a, separatedFromNextBy: 'headToHead' });
    const byLots = [b, c].sort((p, q) => (lotsKey(SEED, String(p)) < lotsKey(SEED, String(q)) ? -1 : 1));
    expect(top.slice(1).map((r) => r.teamId)).toEqual(byLots);
    expect(top[1]).toMatchObject({ separatedFromNextBy: 'lots', lotsKey: lotsKey(SEED, String(byLots[0])) });
    const again = (await ctx.call('GET', `/api/tournaments/${tournament.id}/standings`, undefined, cadre)).json<Standings>();
    expect(again.groups[0]!.rows.map((r) => r.teamId)).toEqual(standings.groups[0]!.rows.map((r) => r.teamId));
  }, 600_000); // 246 results entered and confirmed through HTTP: a minute or more on a loaded PostgreSQL

  let bracket: Bracket;
  it('draws the top 8 of each group into a 24-team bracket with 8 byes', async () => {
    const drawn = await ctx.call('POST', `/api/tournaments/${tournament.id}/knockout`, undefined, cadre);
    expect(drawn.statusCode).toBe(200);
    bracket = drawn.json<Bracket>();
    expect(bracket.rounds).toBe(5);
    expect(bracket.matches).toHaveLength(31);
    const first = bracket.matches.filter((m) => m.round === 1);
    const byes = first.filter((m) => m.home.source === 'bye' || m.away.source === 'bye');
    expect(byes).toHaveLength(8);
    expect(byes.every((m) => m.winnerTeamId !== null)).toBe(true);
    const teams = first.flatMap((m) => [m.home.teamId, m.away.teamId]).filter((t) => t !== null);
    expect(new Set(teams).size).toBe(24);
    const standings = (await ctx.call('GET', `/api/tournaments/${tournament.id}/standings`, undefined, cadre)).json<Standings>();
    const winnersOfGroups = standings.groups.map((g) => g.rows[0]!.teamId);
    expect(byes.map((m) => m.winnerTeamId)).toEqual(expect.arrayContaining(winnersOfGroups));
  });

  it('records extra time and penalties, and guards corrections once a dependent match is played', async () => {
    // Round 2's first match: winner of match 1 (a bye) v winner of the round-1 match beside it.
    const second = bracket.matches.find((m) => m.round === 2 && m.home.source === 'winner:1')!;
    const feeder = bracket.matches.find((m) => `winner:${m.bracketNo}` === second.away.source)!;
    const level = { regular: { home: 1, away: 1 }, extraTime: { home: 0, away: 0 } };
    const undecided = await enter(feeder.id, level);
    expect(undecided.statusCode).toBe(400);
    expect(undecided.json<{ code: string }>().code).toBe('TOURNAMENT_KNOCKOUT_UNDECIDED');
    expect((await enter(feeder.id, { ...level, penalties: { home: 4, away: 3 } })).statusCode).toBe(200);
    const played = (await confirm(feeder.id)).json<Match>();
    expect(played.result).toMatchObject({ extraTime: { home: 0, away: 0 }, penalties: { home: 4, away: 3 } });
    expect(played.winnerTeamId).toBe(feeder.home.teamId);

    const ready = (await ctx.call('GET', `/api/tournaments/${tournament.id}/bracket`, undefined, cadre)).json<Bracket>();
    expect(ready.matches.find((m) => m.id === second.id)!.away.teamId).toBe(feeder.home.teamId);
    expect((await enter(second.id, { regular: { home: 2, away: 0 } })).statusCode).toBe(200);
    expect((await confirm(second.id)).statusCode).toBe(200);

    const reversed = { regular: { home: 0, away: 1 }, reason: '记分员录错比分', version: played.result!.version };
    const refused = await ctx.call('POST', `/api/tournaments/matches/${feeder.id}/correction`, reversed, cadre);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('TOURNAMENT_DEPENDENT_PLAYED');
    const groupMatch = (await ctx.call('GET', `/api/tournaments/${tournament.id}/schedule`, undefined, cadre)).json<Schedule>().matches[5]!;
    const groupRefused = await ctx.call(
      'POST',
      `/api/tournaments/matches/${groupMatch.id}/correction`,
      { regular: { home: 3, away: 0 }, reason: '更正', version: groupMatch.result!.version },
      cadre,
    );
    expect(groupRefused.json<{ code: string }>().code).toBe('TOURNAMENT_DEPENDENT_PLAYED');

    const overridden = await ctx.call('POST', `/api/tournaments/matches/${feeder.id}/correction`, { ...reversed, override: true }, cadre);
    expect(overridden.statusCode).toBe(200);
    expect(overridden.json<Match>().winnerTeamId).toBe(feeder.away.teamId);
    const after = (await ctx.call('GET', `/api/tournaments/${tournament.id}/bracket`, undefined, cadre)).json<Bracket>();
    const dependent = after.matches.find((m) => m.id === second.id)!;
    expect(dependent.away.teamId).toBe(feeder.away.teamId);
    expect(dependent.result?.status).toBe('voided');
    expect(dependent.winnerTeamId).toBeNull();
    const { rows } = await sql<{ action: string; detail: { reason: string } }>`
      SELECT action, detail FROM audit_log WHERE action = 'tournament.result.override'`.execute(ctx.database.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.detail.reason).toBe('记分员录错比分');
    expect((await enter(second.id, { regular: { home: 1, away: 0 } })).statusCode).toBe(200);
  });

  it('opens a public read-only link with team names and nothing personal', async () => {
    const link = (await ctx.call('POST', `/api/tournaments/${tournament.id}/public-link`, undefined, cadre)).json<PublicLink>();
    const page = await ctx.call('GET', `/api/public/tournaments/${link.token}`, undefined, '');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('市直机关队1');
    expect(page.body).not.toMatch(/(?<![0-9a-f])1[3-9]\d{9}(?![0-9a-f])/);
    expect(page.body).not.toMatch(/phone|username|ref[a-z0-9]{6}|userId|lotsSeed/);
    const body = page.json<{ standings: unknown[]; bracket: unknown[]; schedule: unknown[] }>();
    expect(body.standings).toHaveLength(3);
    expect(body.bracket).toHaveLength(31);
    const forged = await ctx.call('GET', `/api/public/tournaments/${link.token.slice(0, -2)}xx`, undefined, '');
    expect(forged.statusCode).toBe(404);
  });
});
