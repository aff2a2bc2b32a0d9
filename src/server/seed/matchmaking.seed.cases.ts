import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../deps.js';
import type { Database } from '../db/client.js';
import type { SeededDemo } from '../testing/seeded-demo.js';
import { MATCHMAKING, MATCHMAKING_TITLE, seedEvents } from './events.js';
import { MATCHMAKING_DEMO, seedMatchmaking } from './matchmaking.js';

/**
 * The demo's 燕缘际会 reproduces the seed page's figures through the modules' rules (seed 003: 800+ sign-ups from 126
 * units, 5 days of online interaction earning points, a points ranking choosing about 300 for the concert; 48 people
 * in 6 groups at random).
 */
export function matchmakingSeedCases(demo: () => SeededDemo): void {
  describe('the demo matchmaking 燕缘际会 at the seed page’s figures', () => {
    let database: Database;
    let eventId: number;

    beforeAll(async () => {
      database = demo().database;
      const deps = createDeps(database, demo().config);
      // The events block seeded the events (again here, a no-op, so that this block stands alone); then what the background
      // loader does next, twice, to show the second run adds nothing.
      await seedEvents(database.db);
      await seedMatchmaking(database.db, deps.cipher);
      await seedMatchmaking(database.db, deps.cipher);
      eventId = (await database.db.selectFrom('event').select('id').where('title', '=', MATCHMAKING_TITLE).executeTakeFirstOrThrow()).id;
    }, 300_000);

    it('keeps the 800 sign-ups from 126 units, matchmaking on with its retention, a programme of its own', async () => {
      const { rows } = await sql<{ people: number; units: number; enabled: boolean; retention: number; programme: string }>`
      SELECT count(DISTINCT (r.region_id, r.member_id))::int AS people, count(DISTINCT r.org_id)::int AS units,
             s.enabled, s.retention_days AS retention, p.name AS programme
        FROM event e JOIN event_registration r ON r.event_id = e.id JOIN matchmaking_setting s ON s.event_id = e.id
        JOIN points_programme p ON p.id = e.points_programme_id
       WHERE e.id = ${eventId} GROUP BY s.enabled, s.retention_days, p.name`.execute(database.db);
      expect(rows).toEqual([
        {
          people: MATCHMAKING.signUps,
          units: MATCHMAKING.units,
          enabled: true,
          retention: MATCHMAKING_DEMO.retentionDays,
          programme: '燕缘际会互动积分',
        },
      ]);
    });

    it('has opt-in profiles from about 70 % of them, sensitive fields only sealed and with their consent', async () => {
      const { rows } = await sql<{ profiles: number; sealed: number; consented: number; plain: number }>`
      SELECT count(*)::int AS profiles,
             count(*) FILTER (WHERE p.sensitive_enc IS NOT NULL)::int AS sealed,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM matchmaking_consent c WHERE c.region_id = p.region_id AND c.profile_id = p.id))::int AS consented,
             count(*) FILTER (WHERE p.sensitive_enc LIKE '%divorced%' OR p.sensitive_enc LIKE '%never%')::int AS plain
        FROM matchmaking_profile p WHERE p.event_id = ${eventId}`.execute(database.db);
      const r = rows[0]!;
      expect(r.profiles).toBeGreaterThan(500);
      expect(r.profiles).toBeLessThan(620);
      expect(r.sealed).toBeGreaterThan(100);
      expect(r.consented).toBe(r.sealed);
      expect(r.plain).toBe(0);
    });

    it('booked five days of online tasks in the event’s programme, the ledger agreeing with the tasks', async () => {
      const { rows } = await sql<{ days: string[]; tasks: number; points: number; ledger: number; people: number }>`
      SELECT array_agg(DISTINCT to_char(t.day, 'YYYY-MM-DD')) AS days, count(*)::int AS tasks, sum(t.points)::int AS points,
             (SELECT sum(x.amount)::int FROM points_transfer x JOIN event e ON e.points_programme_id = x.programme_id
               WHERE e.id = ${eventId} AND x.kind = 'award') AS ledger,
             count(DISTINCT t.member_id)::int AS people
        FROM matchmaking_task_done t WHERE t.event_id = ${eventId}`.execute(database.db);
      const r = rows[0]!;
      expect([...r.days].sort()).toEqual([...MATCHMAKING_DEMO.onlineDays]);
      expect(r.points).toBe(r.ledger);
      expect(r.people).toBeGreaterThan(600);
    });

    it('has mutual interests, some with contact confirmed by both', async () => {
      const { rows } = await sql<{ mutual: number; both: number }>`
      SELECT (SELECT count(*)::int FROM matchmaking_interest i WHERE i.event_id = ${eventId}
                AND (i.region_id, i.profile_id) < (i.to_region_id, i.to_profile_id)
                AND EXISTS (SELECT 1 FROM matchmaking_interest j WHERE j.region_id = i.to_region_id AND j.profile_id = i.to_profile_id
                              AND j.to_region_id = i.region_id AND j.to_profile_id = i.profile_id)) AS mutual,
             (SELECT count(*)::int / 2 FROM matchmaking_contact_confirm c JOIN matchmaking_profile p
                ON p.region_id = c.region_id AND p.id = c.profile_id WHERE p.event_id = ${eventId}) AS both`.execute(database.db);
      expect(rows[0]!.mutual).toBeGreaterThanOrEqual(MATCHMAKING_DEMO.mutualPairs);
      expect(rows[0]!.both).toBe(MATCHMAKING_DEMO.confirmedPairs);
    });

    it('gave the concert’s 300 places by the points ranking: the 300 earned at least as much as anyone waiting', async () => {
      const { rows } = await sql<{ status: string; n: number; lo: number; hi: number }>`
      SELECT r.status, count(*)::int AS n,
             min(coalesce(t.points, 0))::int AS lo, max(coalesce(t.points, 0))::int AS hi
        FROM event_registration r JOIN event_session s ON s.id = r.session_id
        LEFT JOIN (SELECT region_id, member_id, sum(points) AS points FROM matchmaking_task_done WHERE event_id = ${eventId}
                    GROUP BY region_id, member_id) t ON t.region_id = r.region_id AND t.member_id = r.member_id
       WHERE r.event_id = ${eventId} AND s.capacity = ${MATCHMAKING.places}
       GROUP BY r.status ORDER BY r.status`.execute(database.db);
      const by = Object.fromEntries(rows.map((r) => [r.status, r]));
      expect(by.confirmed?.n).toBe(MATCHMAKING.places);
      expect(by.waitlisted?.n).toBe(MATCHMAKING.signUps - MATCHMAKING.places);
      expect(by.confirmed!.lo).toBeGreaterThanOrEqual(by.waitlisted!.hi);
      const draws = await database.db.selectFrom('event_draw').select(['mode', 'result_hash']).where('event_id', '=', eventId).execute();
      expect(draws).toHaveLength(2);
      expect(draws.every((d) => d.mode === 'points_ranking' && d.result_hash !== null)).toBe(true);
    });

    it('split the 非遗手工 session’s 48 people into 6 groups of 8 at random, once', async () => {
      const { rows } = await sql<{ groupings: number; group_no: number; n: number }>`
      SELECT (SELECT count(*)::int FROM event_grouping g2 WHERE g2.event_id = ${eventId}) AS groupings, m.group_no, count(*)::int AS n
        FROM event_grouping g JOIN event_grouping_member m ON m.grouping_id = g.id
       WHERE g.event_id = ${eventId} GROUP BY m.group_no ORDER BY m.group_no`.execute(database.db);
      expect(rows.map((r) => [r.groupings, r.group_no, r.n])).toEqual([1, 2, 3, 4, 5, 6].map((g) => [1, g, 8]));
    });
  });
}
