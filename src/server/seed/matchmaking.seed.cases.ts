import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDeps } from '../deps.js';
import type { Database } from '../db/client.js';
import type { SeededDemo } from '../testing/seeded-demo.js';
import { MATCHMAKING, MATCHMAKING_TITLE, seedEvents } from './events.js';
import { MATCHMAKING_DEMO, seedMatchmaking } from './matchmaking.js';
import { actorOf } from './competitions.js';
import { stats } from '../modules/matchmaking/matchmaking.service.js';
import { browseProfiles, myMatches } from '../modules/matchmaking/matchmaking.portal.service.js';
import type { PiiCipher } from '../crypto/pii.js';
import type { MemberPrincipal } from '../auth/member-session.js';
import type { SeenProfile } from '../../common/matchmaking.js';

/**
 * The demo's 燕缘际会 reproduces the seed page's figures through the modules' rules (seed 003: 800+ sign-ups from 126
 * units, 5 days of online interaction earning points, a points ranking choosing about 300 for the concert; 48 people
 * in 6 groups at random).
 */
export function matchmakingSeedCases(demo: () => SeededDemo): void {
  describe('the demo matchmaking 燕缘际会 at the seed page’s figures', () => {
    let database: Database;
    let eventId: number;
    let cipher: PiiCipher;

    beforeAll(async () => {
      database = demo().database;
      const deps = createDeps(database, demo().config);
      cipher = deps.cipher;
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

    it('shows the cadre’s counts page the sign-ups, the profiles and the mutual pairs — counts only', async () => {
      const admin = await actorOf(database.db, 'admin');
      const counts = await stats(database.db, admin!, eventId);
      const profiles = await database.db
        .selectFrom('matchmaking_profile')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirstOrThrow();
      expect(counts).toEqual({
        eventId,
        participants: MATCHMAKING.signUps,
        profiles: Number(profiles.n),
        mutualMatches: expect.any(Number) as number,
        withdrawals: 0,
      });
      expect(counts.mutualMatches).toBeGreaterThanOrEqual(MATCHMAKING_DEMO.mutualPairs);
    });

    /** Every profile of the event a member sees, page by page as the phone loads them. */
    async function browseAll(member: MemberPrincipal): Promise<SeenProfile[]> {
      const seen: SeenProfile[] = [];
      for (let after: string | undefined; ;) {
        const page = await browseProfiles(database.db, cipher, member, eventId, { after });
        seen.push(...page.items);
        if (page.next === null) return seen;
        after = page.next;
      }
    }

    it('shows a member’s browse page the others’ profiles, each only with what its owner made visible and consented to', async () => {
      const { rows } = await sql<{ region_id: number; member_id: number; ref: string; visible: string[]; consents: string[] }>`
        SELECT p.region_id, p.member_id, p.region_id || '-' || p.id AS ref, p.visible,
               coalesce((SELECT array_agg(c.field) FROM matchmaking_consent c WHERE c.region_id = p.region_id AND c.profile_id = p.id), '{}') AS consents
          FROM matchmaking_profile p WHERE p.event_id = ${eventId} ORDER BY p.region_id, p.id`.execute(database.db);
      const owner = new Map(rows.map((r) => [r.ref, r]));
      const me = rows[0]!;
      const seen = await browseAll({ memberId: Number(me.member_id), regionId: Number(me.region_id), ip: '127.0.0.1' });
      expect(seen).toHaveLength(rows.length - 1);
      expect(seen.some((p) => p.profileRef === me.ref)).toBe(false);
      const shapes = new Set<string>();
      for (const p of seen) {
        const { visible, consents } = owner.get(p.profileRef)!;
        const shown = Object.keys(p).filter((k) => !['profileRef', 'nickname', 'interested'].includes(k));
        expect(
          shown.filter((k) => !visible.includes(k)),
          p.profileRef,
        ).toEqual([]);
        for (const f of ['maritalHistory', 'incomeRange'] as const) if (p[f] !== undefined) expect(consents, p.profileRef).toContain(f);
        shapes.add(shown.sort().join(','));
      }
      // Visibility varies from person to person; some show a sensitive field (consented), most do not.
      expect(shapes.size).toBeGreaterThan(10);
      const sensitive = seen.filter((p) => p.maritalHistory !== undefined || p.incomeRange !== undefined).length;
      expect(sensitive).toBeGreaterThan(0);
      expect(sensitive).toBeLessThan(seen.length / 2);
    });

    it('keeps a one-sided interest to its sender, and shows a confirmed pair each other’s contact', async () => {
      const { rows: oneSided } = await sql<{
        from_region: number;
        from_member: number;
        from_ref: string;
        to_region: number;
        to_member: number;
        to_ref: string;
      }>`
        SELECT f.region_id AS from_region, f.member_id AS from_member, f.region_id || '-' || f.id AS from_ref,
               t.region_id AS to_region, t.member_id AS to_member, t.region_id || '-' || t.id AS to_ref
          FROM matchmaking_interest i
          JOIN matchmaking_profile f ON f.region_id = i.region_id AND f.id = i.profile_id
          JOIN matchmaking_profile t ON t.region_id = i.to_region_id AND t.id = i.to_profile_id
         WHERE i.event_id = ${eventId}
           AND NOT EXISTS (SELECT 1 FROM matchmaking_interest j WHERE j.region_id = i.to_region_id AND j.profile_id = i.to_profile_id
                             AND j.to_region_id = i.region_id AND j.to_profile_id = i.profile_id)
         ORDER BY i.region_id, i.profile_id, i.to_region_id, i.to_profile_id LIMIT 1`.execute(database.db);
      const o = oneSided[0]!;
      const sender = { memberId: Number(o.from_member), regionId: Number(o.from_region), ip: '127.0.0.1' };
      const receiver = { memberId: Number(o.to_member), regionId: Number(o.to_region), ip: '127.0.0.1' };
      expect((await browseAll(sender)).find((p) => p.profileRef === o.to_ref)?.interested).toBe(true);
      expect((await browseAll(receiver)).find((p) => p.profileRef === o.from_ref)?.interested).toBe(false);
      for (const m of [sender, receiver]) {
        const refs = (await myMatches(database.db, cipher, m, eventId)).items.map((x) => x.profileRef);
        expect(refs).not.toContain(o.from_ref);
        expect(refs).not.toContain(o.to_ref);
      }

      const { rows: confirmed } = await sql<{ region_id: number; member_id: number }>`
        SELECT p.region_id, p.member_id FROM matchmaking_contact_confirm c
          JOIN matchmaking_profile p ON p.region_id = c.region_id AND p.id = c.profile_id
         WHERE p.event_id = ${eventId} ORDER BY p.region_id, p.id LIMIT 1`.execute(database.db);
      const c = confirmed[0]!;
      const matches = await myMatches(
        database.db,
        cipher,
        { memberId: Number(c.member_id), regionId: Number(c.region_id), ip: '127.0.0.1' },
        eventId,
      );
      expect(matches.items.some((x) => x.confirmedByMe && x.contact !== null)).toBe(true);
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
