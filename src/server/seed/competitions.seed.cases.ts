import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import type { SeededDemo } from '../testing/seeded-demo.js';
import type { Actor } from '../auth/scope.js';
import { getResult, rollup } from '../modules/contests/contests.results.service.js';
import { listEntries } from '../modules/contests/contests.service.js';
import { getSchedule, getStandings, getTournament } from '../modules/tournaments/tournaments.service.js';
import { getHeats } from '../modules/tournaments/tournaments.heats.js';
import { FOOTBALL_ROUNDS_PLAYED, seedCompetitions } from './competitions.js';
import { POETRY_CONTEST, POETRY_CONTEST_TITLE } from './contests.data.js';
import { DRAGON_BOAT, DRAGON_BOAT_CREWS, DRAGON_BOAT_TITLE, FOOTBALL, FOOTBALL_TITLE } from './tournaments.data.js';

/**
 * The demo's contest and tournaments reproduce the seed pages' figures (seed 004: 37 acts, 3/6/9 + 3 + 4, top 18;
 * seed 001: 17 crews, 6 finalists, the printed places; 40 teams in three groups) through the modules' own rules.
 */
export function competitionsSeedCases(demo: () => SeededDemo): void {
  describe('the demo contest and tournaments at the seed pages’ figures', () => {
    let database: Database;
    let admin: Actor;

    beforeAll(async () => {
      database = demo().database;
      // What the background loader does; twice, to show the second run adds nothing.
      await seedCompetitions(database.db);
      await seedCompetitions(database.db);
      const root = await database.db
        .selectFrom('org_unit')
        .select(['id', 'path', 'name', 'kind'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      const user = await database.db.selectFrom('app_user').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
      admin = {
        userId: user.id,
        username: 'admin',
        displayName: 'admin',
        ip: '127.0.0.1',
        grants: [{ id: 0, orgId: root.id, orgPath: root.path, orgName: root.name, orgKind: 'city_federation', role: 'federation_admin' }],
      };
    }, 300_000);

    it('runs 市自来水集团’s poetry contest to a result on notice: 37 acts, 3/6/9, 3 for writing, 4 units, the top 18', async () => {
      const db = database.db;
      const contests = await db.selectFrom('contest').select(['id', 'status']).where('name', '=', POETRY_CONTEST_TITLE).execute();
      expect(contests).toHaveLength(1);
      const contest = contests[0]!;
      expect(contest.status).toBe('notice');
      const entries = (await listEntries(db, admin, contest.id)).items;
      expect(entries).toHaveLength(POETRY_CONTEST.entries);
      expect(new Set(entries.map((e) => e.orgId)).size).toBe(POETRY_CONTEST.entries);
      expect(entries.reduce((n, e) => n + e.performers.length, 0)).toBe(POETRY_CONTEST.performers);
      const snapshot = await getResult(db, admin, contest.id);
      expect(snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(snapshot.result.ladder.map((t) => [t.name, t.winners.length, t.shortfall])).toEqual([
        ['最佳表演奖', 3, 0],
        ['最佳风采奖', 6, 0],
        ['优秀表演奖', 9, 0],
      ]);
      expect(snapshot.result.criterionPrizes.map((t) => [t.name, t.winners.length])).toEqual([['最佳创作奖', 3]]);
      expect(snapshot.result.unitAward?.winners).toHaveLength(4);
      expect(snapshot.result.showcase).toHaveLength(POETRY_CONTEST.showcase);
      // Panels of five, every sheet submitted, and no judge on an entry of its own unit (第九水厂 and 客户服务中心 judge too).
      const { rows } = await sql<{ conflicted: number; sheets: number; submitted: number }>`
      SELECT count(*) FILTER (WHERE j.org_path = e.org_path OR j.org_path @> e.org_path OR j.org_path <@ e.org_path)::int AS conflicted,
             count(*)::int AS sheets,
             count(*) FILTER (WHERE s.status = 'submitted')::int AS submitted
        FROM contest_assignment a
        JOIN contest_judge j ON j.id = a.judge_id
        JOIN contest_entry e ON e.id = a.entry_id
        LEFT JOIN contest_sheet s ON s.assignment_id = a.id
       WHERE a.contest_id = ${contest.id}`.execute(db);
      expect(rows[0]).toEqual({ conflicted: 0, sheets: POETRY_CONTEST.entries * 5, submitted: POETRY_CONTEST.entries * 5 });
      // The awards roll up to the group's union: 18 acts and 4 units, 25 awards (the writing prizes go to ranked acts too).
      const union = await db
        .selectFrom('org_unit')
        .select('id')
        .where('name', '=', '北京市自来水集团有限责任公司工会')
        .executeTakeFirstOrThrow();
      const up = await rollup(db, admin, union.id);
      expect(up.items.reduce((n, i) => n + i.awards, 0)).toBe(3 + 6 + 9 + 3 + 4);
    });

    it('races 东城’s 17 dragon-boat crews through heats to the printed final: 3 prizes and 3 merit awards', async () => {
      const t = await database.db.selectFrom('tournament').select('id').where('name', '=', DRAGON_BOAT_TITLE).executeTakeFirstOrThrow();
      expect((await getTournament(database.db, admin, t.id)).teams).toHaveLength(DRAGON_BOAT.crews);
      const view = await getHeats(database.db, admin, t.id);
      expect(view.heats).toHaveLength(3);
      expect(view.heats.flatMap((h) => h.lanes).filter((l) => l.outcome === 'DNS')).toHaveLength(1);
      expect(view.progression?.finalists.map((f) => f.name).sort()).toEqual(
        DRAGON_BOAT_CREWS.slice(0, 6)
          .map((c) => c.crew)
          .sort(),
      );
      const podium = (view.places ?? []).filter((p) => p.award !== null).map((p) => [p.place, p.name, p.award]);
      expect(podium).toEqual([
        [1, '东城消防', 'prize'],
        [2, '一飞冲天', 'prize'],
        [3, '京诚集团', 'prize'],
        [4, '退役军人局', 'merit'],
        [5, '东城环卫', 'merit'],
        [6, '东体龙腾', 'merit'],
      ]);
    });

    it('opens 通州’s league: 40 teams in three groups by category (14/13/13), five rounds played and counted', async () => {
      const t = await database.db.selectFrom('tournament').select('id').where('name', '=', FOOTBALL_TITLE).executeTakeFirstOrThrow();
      const detail = await getTournament(database.db, admin, t.id);
      expect(detail.teams).toHaveLength(FOOTBALL.teams);
      const sizes = [1, 2, 3].map((g) => detail.teams.filter((tm) => tm.group === g).length);
      expect(sizes).toEqual([14, 13, 13]);
      const schedule = await getSchedule(database.db, admin, t.id);
      const played = schedule.matches.filter((m) => m.result?.status === 'confirmed');
      expect(played.length).toBeGreaterThan(0);
      expect(played.every((m) => m.round <= FOOTBALL_ROUNDS_PLAYED)).toBe(true);
      const standings = await getStandings(database.db, admin, t.id);
      expect(standings.groups).toHaveLength(FOOTBALL.groups);
      const games = standings.groups.flatMap((g) => g.rows).reduce((n, r) => n + r.played, 0);
      expect(games).toBe(played.length * 2);
    });
  });
}
