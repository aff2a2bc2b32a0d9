/**
 * Tournaments hammer (issue #14), on PostgreSQL (skipped without TEST_DATABASE_URL: the embedded engine serves one
 * connection at a time and cannot race): for each match of a group, two confirmations of the entered result race,
 * then two corrections of the confirmed result (naming the same version) race — exactly one of each wins, the other
 * is told the result changed, and the match holds exactly three result rows (entered, confirmed, corrected). The
 * match row lock and the version check are the guard; the unique (match, version) key is the database's last line.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Match, Schedule, TournamentDetail } from '../../../common/tournaments.js';

const pg = process.env.TEST_DATABASE_URL ? describe : describe.skip;
const TEAMS = 8;

let ctx: TestContext;
let schedule: Schedule;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) return;
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  const t = (
    await ctx.call('POST', '/api/tournaments', { orgId: tree.dcStreet.id, name: '压测联赛', kind: 'league_knockout' })
  ).json<TournamentDetail>();
  const teams = Array.from({ length: TEAMS }, (_, i) => ({ name: `压测队${i + 1}` }));
  await ctx.call('POST', `/api/tournaments/${t.id}/teams`, { teams });
  schedule = (await ctx.call('POST', `/api/tournaments/${t.id}/groups`, { groups: 1 })).json<Schedule>();
}, 120_000);
afterAll(async () => ctx?.close());

pg('tournaments hammer on PostgreSQL', () => {
  it('lets exactly one of two racing confirmations, and one of two racing corrections, win', async () => {
    expect(schedule.matches).toHaveLength((TEAMS * (TEAMS - 1)) / 2);
    await Promise.all(
      schedule.matches.map((m) => ctx.call('POST', `/api/tournaments/matches/${m.id}/result`, { regular: { home: 1, away: 0 } })),
    );
    const confirmations = await Promise.all(
      schedule.matches.flatMap((m) => [0, 1].map(() => ctx.call('POST', `/api/tournaments/matches/${m.id}/confirm`))),
    );
    expect(confirmations.filter((a) => a.statusCode === 200)).toHaveLength(schedule.matches.length);
    expect(confirmations.filter((a) => a.statusCode === 409)).toHaveLength(schedule.matches.length);
    const version = confirmations.find((a) => a.statusCode === 200)!.json<Match>().result!.version;
    const corrections = await Promise.all(
      schedule.matches.flatMap((m) =>
        [1, 2].map((goals) =>
          ctx.call('POST', `/api/tournaments/matches/${m.id}/correction`, {
            regular: { home: goals, away: 0 },
            reason: '并发更正',
            version,
          }),
        ),
      ),
    );
    expect(corrections.filter((a) => a.statusCode === 200)).toHaveLength(schedule.matches.length);
    expect(corrections.filter((a) => a.statusCode === 409).map((a) => a.json<{ code: string }>().code)).toEqual(
      Array.from({ length: schedule.matches.length }, () => 'TOURNAMENT_RESULT_CHANGED'),
    );
    const { rows } = await sql<{ match_id: number; n: number; confirmed: number }>`
      SELECT match_id, count(*)::int AS n, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed
        FROM tournament_result GROUP BY match_id`.execute(ctx.database.db);
    expect(rows).toHaveLength(schedule.matches.length);
    expect(rows.every((r) => r.n === 3 && r.confirmed === 2)).toBe(true);
  });
});
