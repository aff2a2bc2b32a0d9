/**
 * Quota hammer (issue #13): 60 members of two unions sign up through HTTP at the same moment for two sessions of 20
 * places of which 8 are union A's quota → exactly 20 confirmed; A's quota holds exactly 8, filled by A's members; the
 * counters equal the rows; nobody oversold. Remove the quota guard of `takePlace` (`AND taken < places`) and it fails
 * (the CHECK refuses the 9th quota place: not every sign-up answers 201); remove the open-place guard
 * (`confirmed − quota_taken < capacity − quota_places`) and B's members, sent first, take A's reserved places. On PostgreSQL (TEST_DATABASE_URL) the
 * sign-ups race for real; the embedded engine serves them one at a time and checks the same outcome.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { MEMBER_SESSION_COOKIE, openMemberSession } from '../../auth/member-session.js';
import { regionOfPath } from '../../auth/tree.js';
import type { EventDetail, MemberRegistration } from '../../../common/events.js';
import { openSession } from './events.fixtures.js';

const PER_UNION = 30;
const PLACES = 20;
const QUOTA = 8;

let ctx: TestContext;
let unionA: { id: number; path: string };
const cookies: { cookie: string; union: 'A' | 'B' }[] = [];
let event: EventDetail;

beforeAll(async () => {
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  const b = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
  const db = ctx.database.db;
  const unions = await db.selectFrom('org_unit').select(['id', 'path']).where('id', 'in', [tree.dcUnion.id, b.id]).execute();
  unionA = unions.find((u) => u.id === tree.dcUnion.id)!;
  for (const [label, union] of [
    ['A', unionA],
    ['B', unions.find((u) => u.id === b.id)!],
  ] as const) {
    const region = regionOfPath(union.path);
    const { rows } = await sql<{ id: number }>`
      INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                          org_id, org_path, join_date)
      SELECT ${region}, '名额压测' || g, 'x', ${`quota-${label}-`} || g, '1101**********' || lpad(g::text, 4, '0'), 'male',
             DATE '1990-01-01', 'member', ${union.id}, ${union.path}::ltree, CURRENT_DATE
        FROM generate_series(1, ${PER_UNION}) g
      RETURNING id`.execute(db);
    for (const r of rows)
      cookies.push({
        cookie: `${MEMBER_SESSION_COOKIE}=${await openMemberSession(db, ctx.config, { memberId: r.id, regionId: region, ip: '127.0.0.1' })}`,
        union: label,
      });
  }
  const created = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'sports',
    title: '分单位名额压测',
    sessions: [0, 1].map(() => ({ ...openSession(PLACES, '北京工人体育馆'), quotas: [{ orgId: unionA.id, places: QUOTA }] })),
  });
  expect(created.statusCode, created.body).toBe(201);
  event = created.json<EventDetail>();
}, 120_000);
afterAll(async () => ctx?.close());

describe('quota hammer', () => {
  // Two sessions raced at once by the same 60 members: for the first A's members are sent first (past its quota, A
  // must fall back to open places), for the second B's members first (the reservation must hold against earlier comers).
  it(`${2 * PER_UNION} simultaneous sign-ups from two unions never exceed the quota or the capacity`, async () => {
    const [aFirst, bFirst] = event.sessions.map((s) => s.id) as [number, number];
    const byUnion = (first: 'A' | 'B') => [...cookies.filter((c) => c.union === first), ...cookies.filter((c) => c.union !== first)];
    const sends = [...byUnion('A').map((c) => ({ ...c, sessionId: aFirst })), ...byUnion('B').map((c) => ({ ...c, sessionId: bFirst }))];
    const answers = await Promise.all(
      sends.map(({ cookie, sessionId }, n) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/portal/events/registrations',
          payload: { sessionId, key: `quota-hammer-${n}` },
          headers: { cookie },
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode !== 201).map((a) => a.body)).toEqual([]);
    for (const sessionId of [aFirst, bFirst]) {
      const regs = answers.flatMap((a, n) => (sends[n]!.sessionId === sessionId ? [a.json<MemberRegistration>()] : []));
      expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(PLACES);
      expect(regs.filter((r) => r.status === 'waitlisted')).toHaveLength(2 * PER_UNION - PLACES);

      const { rows } = await sql<{ pool: string; n: number }>`
        SELECT CASE WHEN quota_org_id IS NULL THEN 'open' WHEN quota_org_id = ${unionA.id} THEN 'A' ELSE 'other' END AS pool,
               count(*)::int AS n
          FROM event_registration WHERE session_id = ${sessionId} AND status = 'confirmed' GROUP BY 1 ORDER BY 1`.execute(ctx.database.db);
      expect(Object.fromEntries(rows.map((r) => [r.pool, r.n]))).toEqual({ A: QUOTA, open: PLACES - QUOTA });
      // Every quota place is held by a member of A.
      const { rows: holders } = await sql<{ outside: number }>`
        SELECT count(*)::int AS outside FROM event_registration
         WHERE session_id = ${sessionId} AND quota_org_id IS NOT NULL AND NOT (org_path <@ ${unionA.path}::ltree)`.execute(ctx.database.db);
      expect(holders[0]!.outside).toBe(0);
      const session = await ctx.database.db
        .selectFrom('event_session')
        .select(['confirmed', 'quota_places', 'quota_taken'])
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(session).toEqual({ confirmed: PLACES, quota_places: QUOTA, quota_taken: QUOTA });
      const quota = await ctx.database.db
        .selectFrom('event_session_quota')
        .select(['places', 'taken'])
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(quota).toEqual({ places: QUOTA, taken: QUOTA });
    }
  }, 60_000);
});
