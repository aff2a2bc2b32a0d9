/**
 * Matchmaking hammer (issue #14), on PostgreSQL (skipped without TEST_DATABASE_URL: the embedded engine serves one
 * connection at a time and cannot race): one person expresses interest in 40 profiles at the same moment with a
 * daily limit of 7 → exactly 7 accepted (200), 33 refused (429), the day's counter at 7 and 7 interest rows. Remove
 * the guard of `takeInterestToday` (`WHERE d.used < EXCLUDED.day_limit`) and it fails: the CHECK refuses the extra
 * updates (500s instead of 429s); MATCHMAKING_HAMMER_WITHOUT_CHECK=1 drops the CHECK first, and then without the
 * guard more than 7 are accepted, while with the guard the test still passes (the guard alone holds).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { regionOfPath } from '../../auth/tree.js';
import type { EventDetail } from '../../../common/events.js';
import { matchmakingEvent, participant, profileOf } from './matchmaking.fixtures.js';

const TARGETS = 40;
const LIMIT = 7;
const pg = process.env.TEST_DATABASE_URL ? describe : describe.skip;

let ctx: TestContext;
let event: EventDetail;
let cookie: string;
let memberId: number;
let refs: string[] = [];

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) return;
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  const db = ctx.database.db;
  if (process.env.MATCHMAKING_HAMMER_WITHOUT_CHECK === '1')
    await sql`ALTER TABLE matchmaking_interest_day DROP CONSTRAINT matchmaking_interest_day_limit`.execute(db);
  event = await matchmakingEvent(ctx, tree.dcStreet.id, { settings: { dailyInterestLimit: LIMIT } });
  const me = await participant(ctx, event, tree.dcUnion.id, '压测单身职工');
  cookie = me.cookie;
  memberId = me.memberId;
  await profileOf(ctx, event.id, cookie, { nickname: '压测', visible: [] });
  // The 40 others written directly (the profile flow is tested in matchmaking.test.ts).
  const union = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', tree.dcUnion.id).executeTakeFirstOrThrow();
  const region = regionOfPath(union.path);
  const { rows } = await sql<{ region_id: number; id: number }>`
    WITH m AS (
      INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                          org_id, org_path, join_date)
      SELECT ${region}, '联谊压测' || g, 'x', 'mm-hammer-' || g, '1101**********' || lpad(g::text, 4, '0'), 'female',
             DATE '1995-01-01', 'member', ${union.id}, ${union.path}::ltree, CURRENT_DATE
        FROM generate_series(1, ${TARGETS}) g
      RETURNING id)
    INSERT INTO matchmaking_profile (region_id, event_id, member_id, org_path, nickname)
    SELECT ${region}, ${event.id}, m.id, ${union.path}::ltree, '对象' || m.id FROM m
    RETURNING region_id, id`.execute(db);
  refs = rows.map((r) => `${r.region_id}-${r.id}`);
}, 120_000);
afterAll(async () => ctx?.close());

pg('matchmaking hammer on PostgreSQL', () => {
  it(`${TARGETS} simultaneous interests with a daily limit of ${LIMIT}: exactly ${LIMIT} accepted`, async () => {
    const answers = await Promise.all(
      refs.map((profileRef) =>
        ctx.app.inject({
          method: 'POST',
          url: `/api/portal/matchmaking/events/${event.id}/interests`,
          payload: { profileRef },
          headers: { cookie },
        }),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(TARGETS - LIMIT);
    const { rows } = await sql<{ used: number; interests: number }>`
      SELECT (SELECT sum(d.used)::int FROM matchmaking_interest_day d JOIN matchmaking_profile p
                ON p.region_id = d.region_id AND p.id = d.profile_id WHERE p.member_id = ${memberId}) AS used,
             (SELECT count(*)::int FROM matchmaking_interest i JOIN matchmaking_profile p
                ON p.region_id = i.region_id AND p.id = i.profile_id WHERE p.member_id = ${memberId}) AS interests`.execute(
      ctx.database.db,
    );
    expect(rows[0]).toEqual({ used: LIMIT, interests: LIMIT });
  }, 120_000);
});
