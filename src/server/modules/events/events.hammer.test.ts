/**
 * Events hammer (issue #13, "Proof"), on PostgreSQL (skipped without TEST_DATABASE_URL: the embedded engine serves
 * one connection at a time and cannot race): 800 members sign up through HTTP at the same moment for a session of
 * 300 places → exactly 300 confirmed and 500 waitlisted, the session's counter equal to the rows; then 50 confirmed
 * members cancel at the same moment → exactly 50 promoted, the first 50 of the waitlist. Remove the guard of
 * `takePlace` (`AND confirmed < capacity`) and the first half fails (the CHECK refuses the oversold updates: not
 * every sign-up answers 201, or more than 300 are confirmed once the CHECK is gone too).
 *
 * EVENTS_HAMMER_WITHOUT_CHECK=1 drops the CHECK (the database's last line) first: with the guard in place the test
 * still passes (the guard alone holds); with the guard removed as well it shows the seats sold past capacity.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import { MEMBER_SESSION_COOKIE, openMemberSession } from '../../auth/member-session.js';
import { regionOfPath } from '../../auth/tree.js';
import type { EventDetail, MemberRegistration } from '../../../common/events.js';
import { openSession } from './events.fixtures.js';

const SIGN_UPS = 800;
const PLACES = 300;
const CANCELS = 50;
const pg = process.env.TEST_DATABASE_URL ? describe : describe.skip;

let ctx: TestContext;
let cookies: string[] = [];
let event: EventDetail;

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) return;
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  const db = ctx.database.db;
  if (process.env.EVENTS_HAMMER_WITHOUT_CHECK === '1')
    await sql`ALTER TABLE event_session DROP CONSTRAINT event_session_not_oversold`.execute(db);
  const union = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', tree.dcUnion.id).executeTakeFirstOrThrow();
  const region = regionOfPath(union.path);
  // 800 members written directly (the application flow is tested elsewhere); the sessions are real member sessions.
  const { rows } = await sql<{ id: number }>`
    INSERT INTO member (region_id, name, id_number_enc, id_number_bidx, id_number_masked, gender, birth_date, status,
                        org_id, org_path, join_date)
    SELECT ${region}, '压测会员' || g, 'x', 'hammer-' || g, '1101**********' || lpad(g::text, 4, '0'), 'male', DATE '1990-01-01',
           'member', ${union.id}, ${union.path}::ltree, CURRENT_DATE
      FROM generate_series(1, ${SIGN_UPS}) g
    RETURNING id`.execute(db);
  cookies = [];
  for (const r of rows)
    cookies.push(
      `${MEMBER_SESSION_COOKIE}=${await openMemberSession(db, ctx.config, { memberId: r.id, regionId: region, ip: '127.0.0.1' })}`,
    );
  const created = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'matchmaking',
    title: '青年职工交友活动（压测）',
    sessions: [openSession(PLACES, '北京工人体育馆')],
  });
  event = created.json<EventDetail>();
}, 120_000);
afterAll(async () => ctx?.close());

pg('events hammer on PostgreSQL', () => {
  it(`${SIGN_UPS} simultaneous sign-ups for ${PLACES} places, then ${CANCELS} simultaneous cancellations`, async () => {
    const sessionId = event.sessions[0]!.id;
    const started = Date.now();
    const answers = await Promise.all(
      cookies.map((cookie, n) =>
        ctx.app.inject({
          method: 'POST',
          url: '/api/portal/events/registrations',
          payload: { sessionId, key: `hammer-${n}` },
          headers: { cookie },
        }),
      ),
    );
    const signUpMs = Date.now() - started;
    expect(answers.filter((a) => a.statusCode !== 201).map((a) => a.body)).toEqual([]);
    const regs = answers.map((a) => a.json<MemberRegistration>());
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(PLACES);
    expect(regs.filter((r) => r.status === 'waitlisted')).toHaveLength(SIGN_UPS - PLACES);

    const counts = async () => {
      const { rows } = await sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM event_registration WHERE session_id = ${sessionId} GROUP BY status`.execute(ctx.database.db);
      const session = await ctx.database.db
        .selectFrom('event_session')
        .select('confirmed')
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      return { ...Object.fromEntries(rows.map((r) => [r.status, r.n])), counter: session.confirmed };
    };
    expect(await counts()).toEqual({ confirmed: PLACES, waitlisted: SIGN_UPS - PLACES, counter: PLACES });

    // 50 confirmed members cancel at once: exactly 50 promoted, and they are the first 50 on the waitlist.
    const waitlistOrder = await ctx.database.db
      .selectFrom('event_registration')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'waitlisted')
      .orderBy('waitlist_seq')
      .limit(CANCELS)
      .execute();
    const confirmedAt = regs.flatMap((r, n) => (r.status === 'confirmed' ? [n] : [])).slice(0, CANCELS);
    const cancelStarted = Date.now();
    const cancels = await Promise.all(
      confirmedAt.map((n) =>
        ctx.app.inject({ method: 'POST', url: `/api/portal/events/registrations/${regs[n]!.id}/cancel`, headers: { cookie: cookies[n]! } }),
      ),
    );
    const cancelMs = Date.now() - cancelStarted;
    expect(cancels.filter((a) => a.statusCode !== 200).map((a) => a.body)).toEqual([]);
    expect(await counts()).toEqual({ confirmed: PLACES, waitlisted: SIGN_UPS - PLACES - CANCELS, cancelled: CANCELS, counter: PLACES });
    const promoted = await ctx.database.db
      .selectFrom('event_registration')
      .select('id')
      .where(
        'id',
        'in',
        waitlistOrder.map((r) => r.id),
      )
      .where('status', '=', 'confirmed')
      .execute();
    expect(promoted).toHaveLength(CANCELS);
    console.log(`events hammer: ${SIGN_UPS} sign-ups in ${signUpMs} ms, ${CANCELS} cancellations in ${cancelMs} ms`);
  }, 60_000);

  // A cadre cancels the event while sign-ups are in flight: every sign-up either lands before the cancel (and is then
  // cancelled with it) or is refused after it — none is left holding a place in a cancelled event. The window this
  // guards (a sign-up that read the event as open, then took its place after the cancel committed) is closed by the
  // event row held FOR SHARE in events.repo.ts sessionForMember; it is narrow, and two runs without that lock did not
  // hit it, so this test checks the outcome of a cancel under load rather than proving the lock.
  it('cancels an event in the middle of simultaneous sign-ups: nobody is left registered in it', async () => {
    const created = await ctx.call('POST', '/api/events', {
      orgId: event.orgId,
      kind: 'culture',
      title: '取消中的活动（压测）',
      sessions: [openSession(PLACES, '北京工人体育馆')],
    });
    const doomed = created.json<EventDetail>();
    const sessionId = doomed.sessions[0]!.id;
    // The cancel goes out once a quarter of the sign-ups have been answered: the rest are in flight around it.
    let answered = 0;
    let cancel: ReturnType<typeof ctx.call> | undefined;
    const signUps = cookies.slice(0, 400).map((cookie, n) =>
      ctx.app
        .inject({
          method: 'POST',
          url: '/api/portal/events/registrations',
          payload: { sessionId, key: `doomed-${n}` },
          headers: { cookie },
        })
        .then((a) => {
          if (++answered === 100) cancel = ctx.call('POST', `/api/events/${doomed.id}/cancel`);
          return a;
        }),
    );
    const answers = await Promise.all(signUps);
    const cancelled = await cancel!;
    expect(cancelled.statusCode).toBe(200);
    expect(answers.filter((a) => a.statusCode !== 201 && a.statusCode !== 409).map((a) => a.body)).toEqual([]);
    const { rows } = await sql<{ active: number; counter: number }>`
      SELECT (SELECT count(*)::int FROM event_registration
               WHERE session_id = ${sessionId} AND status IN ('waitlisted', 'offered', 'confirmed')) AS active,
             (SELECT confirmed FROM event_session WHERE id = ${sessionId}) AS counter`.execute(ctx.database.db);
    expect(rows[0]).toEqual({ active: 0, counter: 0 });
  }, 60_000);
});
