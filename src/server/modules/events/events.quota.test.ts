/**
 * Quotas per unit of first-come sessions (分单位名额, issue #13; semantics in 0044_event_session_quotas.sql): a quota
 * reserves places for a unit's subtree, its members take them first and then open places, everyone else only open
 * places; a freed place returns to its pool and promotion respects it. On both engines (TEST_DATABASE_URL for PG).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, EventSession } from '../../../common/events.js';
import { openSession } from './events.fixtures.js';
import { expireOffers, fillAfterWindow, promoteWaitlist } from './events.promotion.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let unionB: { id: number };
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  unionB = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
});
afterAll(async () => ctx?.close());

/** A first-come event of the street T (audience: T's subtree) with one open session. */
async function quotaEvent(capacity: number, quotas: { orgId: number; places: number }[], overrides: object = {}): Promise<EventDetail> {
  const response = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'culture',
    title: `分单位名额${++serial}`,
    sessions: [{ ...openSession(capacity), quotas }],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EventDetail>();
}

/** Signs one new member of `orgId` up (a cadre's bulk sign-up, the same place-taking as a member's own). */
async function signUp(event: EventDetail, orgId: number): Promise<{ outcome: string; registrationId: number }> {
  const m = await buildMember(ctx, orgId);
  const r = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
    sessionId: event.sessions[0]!.id,
    key: `q${++serial}`,
    memberIds: [m.id],
  });
  expect(r.statusCode, r.body).toBe(200);
  const item = r.json<BulkSignUpResult>().items[0]!;
  return { outcome: item.outcome, registrationId: item.registrationId! };
}

const cancel = async (event: EventDetail, registrationId: number) => {
  const r = await ctx.call('POST', `/api/events/${event.id}/registrations/${registrationId}/cancel`);
  expect(r.statusCode, r.body).toBe(200);
};
const sessionOf = async (event: EventDetail): Promise<EventSession> =>
  (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>().sessions[0]!;
const statusOf = async (registrationId: number) =>
  (
    await ctx.database.db
      .selectFrom('event_registration')
      .select(['status', 'quota_org_id'])
      .where('id', '=', registrationId)
      .executeTakeFirstOrThrow()
  ).status;
const putQuotas = (event: EventDetail, quotas: { orgId: number; places: number }[]) =>
  ctx.app.inject({
    method: 'PUT',
    url: `/api/events/${event.id}/sessions/${event.sessions[0]!.id}/quotas`,
    payload: { quotas },
    headers: { cookie: ctx.adminCookie },
  });

describe('quotas per unit of a first-come session', () => {
  it('gives union A its 2 quota places first, then open ones; B only the 3 open places; then the waitlist', async () => {
    const event = await quotaEvent(5, [{ orgId: tree.dcUnion.id, places: 2 }]);
    expect(event.sessions[0]!.quotas).toEqual([{ orgId: tree.dcUnion.id, orgName: tree.dcUnion.name, places: 2, taken: 0 }]);
    const a1 = await signUp(event, tree.dcUnion.id);
    const a2 = await signUp(event, tree.dcUnion.id);
    expect([a1.outcome, a2.outcome]).toEqual(['confirmed', 'confirmed']);
    expect((await sessionOf(event)).quotas[0]).toMatchObject({ places: 2, taken: 2 });
    // B's members take the open places only: three, then the waitlist although A's places are not B's.
    const bs = [];
    for (let i = 0; i < 3; i++) bs.push(await signUp(event, unionB.id));
    expect(bs.map((b) => b.outcome)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const b4 = await signUp(event, unionB.id);
    expect(b4.outcome).toBe('waitlisted');
    const a3 = await signUp(event, tree.dcUnion.id);
    expect(a3.outcome).toBe('waitlisted');
    expect(await sessionOf(event)).toMatchObject({ capacity: 5, confirmed: 5, waitlisted: 2 });

    // A quota place freed goes to A's next waiting member, not to B's member who waited longer.
    await cancel(event, a1.registrationId);
    expect(await statusOf(a3.registrationId)).toBe('confirmed');
    expect(await statusOf(b4.registrationId)).toBe('waitlisted');
    expect((await sessionOf(event)).quotas[0]).toMatchObject({ taken: 2 });
    const pools = await ctx.database.db
      .selectFrom('event_registration')
      .select('quota_org_id')
      .where('id', '=', a3.registrationId)
      .executeTakeFirstOrThrow();
    expect(pools.quota_org_id).toBe(tree.dcUnion.id);

    // An open place freed goes to the head of the waitlist (B's member).
    await cancel(event, bs[0]!.registrationId);
    expect(await statusOf(b4.registrationId)).toBe('confirmed');
    expect(await sessionOf(event)).toMatchObject({ confirmed: 5, waitlisted: 0 });
  });

  it('keeps a freed quota place for its unit while the window is open, even with others waiting', async () => {
    const event = await quotaEvent(3, [{ orgId: tree.dcUnion.id, places: 2 }]);
    const a1 = await signUp(event, tree.dcUnion.id);
    await signUp(event, unionB.id);
    const b2 = await signUp(event, unionB.id);
    expect(b2.outcome).toBe('waitlisted');
    await cancel(event, a1.registrationId);
    expect(await statusOf(b2.registrationId)).toBe('waitlisted');
    expect(await sessionOf(event)).toMatchObject({ confirmed: 1, waitlisted: 1 });
    expect((await signUp(event, tree.dcUnion.id)).outcome).toBe('confirmed');
    expect((await signUp(event, tree.dcUnion.id)).outcome).toBe('confirmed');
    expect((await sessionOf(event)).quotas[0]).toMatchObject({ taken: 2 });
  });

  it('turns unused quota places into open places once the sign-up window has closed, and the job hands them on', async () => {
    const event = await quotaEvent(3, [{ orgId: tree.dcUnion.id, places: 2 }]);
    await signUp(event, unionB.id);
    const b2 = await signUp(event, unionB.id);
    const b3 = await signUp(event, unionB.id);
    expect([b2.outcome, b3.outcome]).toEqual(['waitlisted', 'waitlisted']);
    const sessionId = event.sessions[0]!.id;
    const db = ctx.database.db;
    // While open, promotion cannot hand A's places to B.
    await db.transaction().execute((tx) => promoteWaitlist(tx, { sessionId, promotion: 'auto', offerHours: null }, 2));
    expect(await statusOf(b2.registrationId)).toBe('waitlisted');
    await fillAfterWindow(db); // the window is open: the job leaves A's places alone
    expect(await statusOf(b2.registrationId)).toBe('waitlisted');
    await sql`UPDATE event_session SET closes_at = now() - interval '1 minute' WHERE id = ${sessionId}`.execute(db);
    // Nothing frees a place when a window closes: the minute job gives the two places to the waitlist, once.
    expect(await fillAfterWindow(db)).toBeGreaterThanOrEqual(2);
    expect([await statusOf(b2.registrationId), await statusOf(b3.registrationId)]).toEqual(['confirmed', 'confirmed']);
    expect(await sessionOf(event)).toMatchObject({ confirmed: 3, waitlisted: 0 });
    await fillAfterWindow(db);
    expect(await sessionOf(event)).toMatchObject({ confirmed: 3, waitlisted: 0 });
  });

  it('counts a member for the deepest quota unit holding their union', async () => {
    const event = await quotaEvent(4, [
      { orgId: tree.dcUnion.id, places: 1 },
      { orgId: tree.dcBranch.id, places: 1 },
    ]);
    expect((await signUp(event, tree.dcBranch.id)).outcome).toBe('confirmed');
    const quotas = (await sessionOf(event)).quotas;
    expect(quotas.find((q) => q.orgId === tree.dcBranch.id)).toMatchObject({ taken: 1 });
    expect(quotas.find((q) => q.orgId === tree.dcUnion.id)).toMatchObject({ taken: 0 });
    // The branch's quota is full: its next member takes an open place (not the union's quota).
    expect((await signUp(event, tree.dcBranch.id)).outcome).toBe('confirmed');
    expect((await sessionOf(event)).quotas.find((q) => q.orgId === tree.dcUnion.id)).toMatchObject({ taken: 0 });
    expect((await signUp(event, tree.dcUnion.id)).outcome).toBe('confirmed');
    expect((await sessionOf(event)).quotas.find((q) => q.orgId === tree.dcUnion.id)).toMatchObject({ taken: 1 });
  });

  it('sets quotas by PUT: not above the capacity nor the free places, not below taken, first come only', async () => {
    const event = await quotaEvent(3, []);
    const over = await putQuotas(event, [{ orgId: tree.dcUnion.id, places: 4 }]);
    expect([over.statusCode, over.json<{ code: string }>().code]).toEqual([409, 'EVENT_QUOTAS_EXCEED_CAPACITY']);
    await signUp(event, unionB.id);
    await signUp(event, unionB.id);
    // Two places are held by B through open sign-ups: a quota of 2 for A would promise one of them.
    const promised = await putQuotas(event, [{ orgId: tree.dcUnion.id, places: 2 }]);
    expect([promised.statusCode, promised.json<{ code: string }>().code]).toEqual([409, 'EVENT_QUOTAS_EXCEED_FREE']);
    const set = await putQuotas(event, [{ orgId: tree.dcUnion.id, places: 1 }]);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<EventDetail>().sessions[0]!.quotas).toEqual([
      { orgId: tree.dcUnion.id, orgName: tree.dcUnion.name, places: 1, taken: 0 },
    ]);
    expect((await signUp(event, unionB.id)).outcome).toBe('waitlisted');
    expect((await signUp(event, tree.dcUnion.id)).outcome).toBe('confirmed');
    const below = await putQuotas(event, []);
    expect([below.statusCode, below.json<{ code: string }>().code]).toEqual([409, 'EVENT_QUOTA_BELOW_TAKEN']);
    expect((await sessionOf(event)).quotas).toEqual([{ orgId: tree.dcUnion.id, orgName: tree.dcUnion.name, places: 1, taken: 1 }]);

    const lottery = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'culture',
      title: `抽签名额${++serial}`,
      selection: 'lottery',
      sessions: [{ ...openSession(3), quotas: [{ orgId: tree.dcUnion.id, places: 1 }] }],
    });
    expect([lottery.statusCode, lottery.json<{ code: string }>().code]).toEqual([409, 'EVENT_QUOTA_FIRST_COME_ONLY']);
  });

  it('hands the places a lowered quota opens to the waitlist', async () => {
    const event = await quotaEvent(3, [{ orgId: tree.dcUnion.id, places: 2 }]);
    await signUp(event, unionB.id);
    const b2 = await signUp(event, unionB.id);
    expect(b2.outcome).toBe('waitlisted');
    // The capacity cannot go below the places reserved by quotas, though only one place is held.
    const shrunk = await ctx.call('PATCH', `/api/events/${event.id}/sessions/${event.sessions[0]!.id}`, { capacity: 1 });
    expect([shrunk.statusCode, shrunk.json<{ code: string }>().code]).toEqual([409, 'EVENT_QUOTAS_EXCEED_CAPACITY']);
    const lowered = await putQuotas(event, [{ orgId: tree.dcUnion.id, places: 1 }]);
    expect(lowered.statusCode, lowered.body).toBe(200);
    expect(await statusOf(b2.registrationId)).toBe('confirmed');
    expect(lowered.json<EventDetail>().sessions[0]).toMatchObject({ confirmed: 2, waitlisted: 0 });
  });

  it('refuses quotas adding up to more than the capacity at creation', async () => {
    const response = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'culture',
      title: `超额名额${++serial}`,
      sessions: [
        {
          ...openSession(2),
          quotas: [
            { orgId: tree.dcUnion.id, places: 2 },
            { orgId: unionB.id, places: 1 },
          ],
        },
      ],
    });
    expect(response.statusCode).toBe(400);
  });

  it('gives an expired offer of a quota place back to the quota: the unit’s next waiting member is offered it', async () => {
    const event = await quotaEvent(2, [{ orgId: tree.dcUnion.id, places: 1 }], { promotion: 'offer', offerHours: 24 });
    const a1 = await signUp(event, tree.dcUnion.id);
    await signUp(event, unionB.id);
    const b2 = await signUp(event, unionB.id);
    const a2 = await signUp(event, tree.dcUnion.id);
    const a3 = await signUp(event, tree.dcUnion.id);
    expect([b2.outcome, a2.outcome, a3.outcome]).toEqual(['waitlisted', 'waitlisted', 'waitlisted']);
    await cancel(event, a1.registrationId);
    expect([await statusOf(b2.registrationId), await statusOf(a2.registrationId)]).toEqual(['waitlisted', 'offered']);
    await sql`UPDATE event_registration SET offer_expires_at = now() - interval '1 minute' WHERE id = ${a2.registrationId}`.execute(
      ctx.database.db,
    );
    expect(await expireOffers(ctx.database.db)).toBeGreaterThanOrEqual(1);
    expect([await statusOf(a2.registrationId), await statusOf(a3.registrationId), await statusOf(b2.registrationId)]).toEqual([
      'expired',
      'offered',
      'waitlisted',
    ]);
    expect((await sessionOf(event)).quotas[0]).toMatchObject({ places: 1, taken: 1 });
  });

  it('copies the quotas with their sessions, none taken', async () => {
    const event = await quotaEvent(4, [{ orgId: tree.dcUnion.id, places: 2 }]);
    await signUp(event, tree.dcUnion.id);
    const response = await ctx.call('POST', `/api/events/${event.id}/copy`, { firstDate: '2028-05-10' });
    expect(response.statusCode, response.body).toBe(201);
    const copy = response.json<EventDetail>();
    expect(copy.sessions[0]!.quotas).toEqual([{ orgId: tree.dcUnion.id, orgName: tree.dcUnion.name, places: 2, taken: 0 }]);
    const row = await ctx.database.db
      .selectFrom('event_session')
      .select(['quota_places', 'quota_taken'])
      .where('id', '=', copy.sessions[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ quota_places: 2, quota_taken: 0 });
  });

  it('gives every place back to its pool when the event is cancelled', async () => {
    const event = await quotaEvent(3, [{ orgId: tree.dcUnion.id, places: 2 }]);
    await signUp(event, tree.dcUnion.id);
    await signUp(event, unionB.id);
    const cancelled = await ctx.call('POST', `/api/events/${event.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const row = await ctx.database.db
      .selectFrom('event_session')
      .select(['confirmed', 'quota_taken'])
      .where('id', '=', event.sessions[0]!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ confirmed: 0, quota_taken: 0 });
    expect((await sessionOf(event)).quotas[0]).toMatchObject({ taken: 0 });
  });
});
