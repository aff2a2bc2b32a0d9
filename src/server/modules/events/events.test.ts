import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, MemberEvent, MemberRegistration, Registration } from '../../../common/events.js';
import type { Page } from '../../../common/paging.js';
import { openSession } from './events.fixtures.js';
import { expireOffers } from './events.promotion.js';
import { signUpIn } from './events.signup.js';
import * as repo from './events.repo.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

type Person = { id: number; cookie: string };

/** A member of `orgId`, signed in on the member pages (each from an address of its own: the sign-in limits). */
async function person(orgId = tree.dcUnion.id, name = '测试会员'): Promise<Person> {
  const m = await buildMember(ctx, orgId, { name });
  return { id: m.id, cookie: await signInMember(ctx, m.idNumber, m.phone, `10.9.${serial % 250}.${++serial % 250}`) };
}

async function createEvent(overrides: object = {}, sessions = [openSession(2)]): Promise<EventDetail> {
  const response = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'culture',
    title: `职工观影${++serial}`,
    sessions,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EventDetail>();
}

const signUp = (p: Person, sessionId: number, key = `k${++serial}`) =>
  ctx.call('POST', '/api/portal/events/registrations', { sessionId, key }, p.cookie);
const mine = async (p: Person) =>
  (await ctx.call('GET', '/api/portal/events/registrations', undefined, p.cookie)).json<{ items: MemberRegistration[] }>().items;
const sessionOf = async (eventId: number) => (await ctx.call('GET', `/api/events/${eventId}`)).json<EventDetail>().sessions[0]!;

describe('events: first come, waitlist and the one promotion function', () => {
  it('confirms while places last, then waitlists in order, and refuses a second active sign-up', async () => {
    const event = await createEvent();
    const sessionId = event.sessions[0]!.id;
    const [a, b, c] = [await person(), await person(), await person()];
    const first = await signUp(a, sessionId, 'a-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<MemberRegistration>()).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    // A retry with the same key answers the same registration; a new key is a second sign-up, refused.
    const retry = await signUp(a, sessionId, 'a-1');
    expect(retry.json<MemberRegistration>().id).toBe(first.json<MemberRegistration>().id);
    const again = await signUp(a, sessionId, 'a-2');
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('EVENT_ALREADY_REGISTERED');

    expect((await signUp(b, sessionId)).json<MemberRegistration>().status).toBe('confirmed');
    const late = (await signUp(c, sessionId)).json<MemberRegistration>();
    expect(late).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await sessionOf(event.id)).toMatchObject({ capacity: 2, confirmed: 2, waitlisted: 1 });

    // The confirmed member cancels: exactly the one waiting moves up.
    const cancelled = await ctx.call(
      'POST',
      `/api/portal/events/registrations/${first.json<MemberRegistration>().id}/cancel`,
      undefined,
      a.cookie,
    );
    expect(cancelled.json<MemberRegistration>()).toMatchObject({ status: 'cancelled', cancelReason: 'self' });
    expect((await mine(c))[0]).toMatchObject({ status: 'confirmed', waitlistPosition: null });
    expect(await sessionOf(event.id)).toMatchObject({ confirmed: 2, waitlisted: 0 });
    // Cancelling twice is refused: the registration is final.
    const twice = await ctx.call(
      'POST',
      `/api/portal/events/registrations/${first.json<MemberRegistration>().id}/cancel`,
      undefined,
      a.cookie,
    );
    expect(twice.json<{ code: string }>().code).toBe('EVENT_REGISTRATION_FINAL');
    // After cancelling, the member may sign up anew (only one *active* registration is unique).
    expect((await signUp(a, sessionId)).json<MemberRegistration>()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });

  it('promotes on a cadre cancel, a capacity raise and a released no-show, exactly as many as freed', async () => {
    const event = await createEvent({}, [openSession(1)]);
    const sessionId = event.sessions[0]!.id;
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await person());
    const regs: MemberRegistration[] = [];
    for (const p of people) regs.push((await signUp(p, sessionId)).json<MemberRegistration>());
    expect(regs.map((r) => r.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted', 'waitlisted']);

    // A cadre cancels the confirmed one: one promoted (the first waiting), the rest keep their order.
    const cancel = await ctx.call('POST', `/api/events/${event.id}/registrations/${regs[0]!.id}/cancel`);
    expect(cancel.json<Registration>()).toMatchObject({ status: 'cancelled', cancelReason: 'cadre' });
    expect((await mine(people[1]!))[0]!.status).toBe('confirmed');
    expect((await mine(people[2]!))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });

    // Capacity from 1 to 3: two promoted, in order.
    const raised = await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 3 });
    expect(raised.json<EventDetail>().sessions[0]).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 2 });
    expect((await mine(people[3]!))[0]!.status).toBe('confirmed');
    expect((await mine(people[4]!))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // Never below the places held.
    const lower = await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 2 });
    expect(lower.json<{ code: string }>().code).toBe('EVENT_CAPACITY_BELOW_CONFIRMED');

    // A no-show released: one promoted.
    const noShow = await ctx.call('POST', `/api/events/${event.id}/registrations/${regs[1]!.id}/no-show`);
    expect(noShow.json<Registration>().status).toBe('no_show');
    expect((await mine(people[4]!))[0]!.status).toBe('confirmed');
    expect((await mine(people[5]!))[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await sessionOf(event.id)).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 1 });
  });

  it('skips a waiting person who is no longer a member, and promotes the next instead', async () => {
    const event = await createEvent({}, [openSession(1)]);
    const sessionId = event.sessions[0]!.id;
    const [a, gone, b] = [await person(), await person(), await person()];
    const held = (await signUp(a, sessionId)).json<MemberRegistration>();
    await signUp(gone, sessionId);
    await signUp(b, sessionId);
    await ctx.database.db.updateTable('member').set({ status: 'lapsed' }).where('id', '=', gone.id).execute();
    await ctx.call('POST', `/api/portal/events/registrations/${held.id}/cancel`, undefined, a.cookie);
    const rows = await ctx.database.db
      .selectFrom('event_registration')
      .select(['member_id', 'status', 'cancel_reason'])
      .where('session_id', '=', sessionId)
      .execute();
    expect(rows.find((r) => r.member_id === gone.id)).toMatchObject({ status: 'cancelled', cancel_reason: 'ineligible' });
    expect(rows.find((r) => r.member_id === b.id)?.status).toBe('confirmed');
  });

  it('offers a freed place for a limited time; an expired offer passes it on once (the job is idempotent)', async () => {
    const event = await createEvent({ promotion: 'offer', offerHours: 24 }, [openSession(1)]);
    const sessionId = event.sessions[0]!.id;
    const [a, b, c] = [await person(), await person(), await person()];
    const held = (await signUp(a, sessionId)).json<MemberRegistration>();
    const bReg = (await signUp(b, sessionId)).json<MemberRegistration>();
    const cReg = (await signUp(c, sessionId)).json<MemberRegistration>();
    await ctx.call('POST', `/api/portal/events/registrations/${held.id}/cancel`, undefined, a.cookie);
    const offered = (await mine(b))[0]!;
    expect(offered.status).toBe('offered');
    expect(Date.parse(offered.offerExpiresAt!) - Date.now()).toBeGreaterThan(23 * 3_600_000);
    expect(await sessionOf(event.id)).toMatchObject({ confirmed: 1, waitlisted: 1 });

    // The offer runs out: the job expires it and offers the place to the next person; a second run does nothing.
    await ctx.database.db
      .updateTable('event_registration')
      .set({ offer_expires_at: sql`now() - interval '1 minute'` })
      .where('id', '=', bReg.id)
      .execute();
    expect(await expireOffers(ctx.database.db)).toBe(1);
    expect(await expireOffers(ctx.database.db)).toBe(0);
    expect((await mine(b))[0]!.status).toBe('expired');
    expect((await mine(c))[0]!.status).toBe('offered');
    expect(await sessionOf(event.id)).toMatchObject({ confirmed: 1, waitlisted: 0 });
    // An expired offer cannot be accepted; a live one can.
    const stale = await ctx.call('POST', `/api/portal/events/registrations/${bReg.id}/accept`, undefined, b.cookie);
    expect(stale.json<{ code: string }>().code).toBe('EVENT_NO_OFFER');
    const accepted = await ctx.call('POST', `/api/portal/events/registrations/${cReg.id}/accept`, undefined, c.cookie);
    expect(accepted.json<MemberRegistration>()).toMatchObject({ status: 'confirmed', offerExpiresAt: null });
  });
});

describe('events: windows, audience and transitions', () => {
  /** Beijing midnight that began today (Beijing date), and the next one, as instants. */
  function beijingMidnights(): { last: string; next: string } {
    const beijingDay = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const last = new Date(`${beijingDay}T00:00:00+08:00`);
    return { last: last.toISOString(), next: new Date(last.getTime() + 24 * 3_600_000).toISOString() };
  }

  it('keeps the window half-open at Beijing midnight: open from it, closed at it, never a day off', async () => {
    const { last, next } = beijingMidnights();
    const day = new Date(Date.parse(last) + 8 * 3_600_000).toISOString().slice(0, 10);
    const base = openSession(5);
    const event = await createEvent({}, [
      { ...base, opensAt: `${day}T00:00:00+08:00`, closesAt: new Date(Date.parse(next) + 86_400_000).toISOString(), place: '开于今日零点' },
      { ...base, opensAt: new Date(Date.parse(last) - 86_400_000).toISOString(), closesAt: `${day}T00:00:00+08:00`, place: '止于今日零点' },
      { ...base, opensAt: next, closesAt: new Date(Date.parse(next) + 86_400_000).toISOString(), place: '开于明日零点' },
    ]);
    const byPlace = new Map(event.sessions.map((s) => [s.place, s]));
    // The instant given with +08:00 is stored as that instant (no day off).
    expect(byPlace.get('开于今日零点')!.opensAt).toBe(last);
    expect(byPlace.get('开于今日零点')!.isOpenNow).toBe(true);
    expect(byPlace.get('止于今日零点')!.isOpenNow).toBe(false);
    expect(byPlace.get('开于明日零点')!.isOpenNow).toBe(false);

    const p = await person();
    expect((await signUp(p, byPlace.get('开于今日零点')!.id)).statusCode).toBe(201);
    const closed = await signUp(p, byPlace.get('止于今日零点')!.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ code: string; message: string }>()).toMatchObject({ code: 'EVENT_WINDOW_CLOSED' });
    expect(closed.json<{ message: string }>().message).toContain(`${day} 00:00`);
    expect((await signUp(p, byPlace.get('开于明日零点')!.id)).json<{ code: string }>().code).toBe('EVENT_WINDOW_CLOSED');
  });

  it('decides the exact edge in SQL: open at opens_at = now(), closed at closes_at = now()', async () => {
    const event = await createEvent({}, [openSession(5)]);
    const sessionId = event.sessions[0]!.id;
    const m = await buildMember(ctx, tree.dcUnion.id);
    const member = (await ctx.database.db.selectFrom('member').select('region_id').where('id', '=', m.id).executeTakeFirstOrThrow())
      .region_id;
    const row = (await repo.memberOf(ctx.database.db, { regionId: member, memberId: m.id }))!;
    const rollback = new Error('rollback');
    const attempt = (set: 'opens' | 'closes') =>
      ctx.database.db
        .transaction()
        .execute(async (tx) => {
          // now() is the transaction's start: within it, the edge is hit exactly.
          if (set === 'opens') await sql`UPDATE event_session SET opens_at = now() WHERE id = ${sessionId}`.execute(tx);
          else
            await sql`UPDATE event_session SET opens_at = now() - interval '1 day', closes_at = now() WHERE id = ${sessionId}`.execute(tx);
          const outcome = await signUpIn(tx, { member: row }, sessionId, `edge-${set}`, null);
          throw Object.assign(rollback, { outcome });
        })
        .catch((e: unknown) => e);
    expect(((await attempt('opens')) as { outcome?: { status: string } }).outcome?.status).toBe('confirmed');
    expect(((await attempt('closes')) as { code?: string }).code).toBe('EVENT_WINDOW_CLOSED');
  });

  it('shows an event only to members of its audience, and refuses the others', async () => {
    const event = await createEvent({ audienceOrgIds: [tree.dcUnion.id] });
    const inside = await person(tree.dcBranch.id);
    const outside = await person(tree.xcUnion.id);
    const nextDoor = await person((await buildTreeUnionOnStreet2()).id);
    const seen = (await ctx.call('GET', '/api/portal/events', undefined, inside.cookie)).json<{ items: MemberEvent[] }>().items;
    expect(seen.map((e) => e.id)).toContain(event.id);
    for (const p of [outside, nextDoor]) {
      const theirs = (await ctx.call('GET', '/api/portal/events', undefined, p.cookie)).json<{ items: MemberEvent[] }>().items;
      expect(theirs.map((e) => e.id)).not.toContain(event.id);
      const refused = await signUp(p, event.sessions[0]!.id);
      expect(refused.statusCode).toBe(403);
      expect(refused.json<{ code: string }>().code).toBe('EVENT_NOT_IN_AUDIENCE');
    }
    expect((await signUp(inside, event.sessions[0]!.id)).statusCode).toBe(201);
  });

  it('moves statuses only along the transition table', async () => {
    const event = await createEvent();
    const p = await person();
    const reg = (await signUp(p, event.sessions[0]!.id)).json<MemberRegistration>();
    const move = (status: 'waitlisted' | 'confirmed' | 'cancelled') =>
      ctx.database.db.updateTable('event_registration').set({ status }).where('id', '=', reg.id).execute();
    await expect(move('waitlisted')).rejects.toThrow(/may not move from confirmed to waitlisted/);
    await move('cancelled');
    await expect(move('confirmed')).rejects.toThrow(/may not move from cancelled to confirmed/);
    const insert = ctx.database.db
      .insertInto('event_registration')
      .values({
        region_id: (
          await ctx.database.db.selectFrom('event_registration').select('region_id').where('id', '=', reg.id).executeTakeFirstOrThrow()
        ).region_id,
        event_id: event.id,
        session_id: event.sessions[0]!.id,
        member_id: p.id,
        org_id: tree.dcUnion.id,
        org_path: (await ctx.database.db.selectFrom('member').select('org_path').where('id', '=', p.id).executeTakeFirstOrThrow()).org_path,
        status: 'attended',
        request_key: 'forged',
      })
      .execute();
    await expect(insert).rejects.toThrow(/may not move from new to attended/);
  });

  async function buildTreeUnionOnStreet2() {
    const { buildOrg } = await import('../../testing/harness.js');
    return buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
  }
});

describe('events: the cadres console', () => {
  it('signs members up in bulk, lists sign-ups by unit with a total, and keeps other districts out', async () => {
    const event = await createEvent({}, [openSession(2)]);
    const sessionId = event.sessions[0]!.id;
    const ms = [];
    for (let i = 0; i < 3; i++) ms.push(await buildMember(ctx, tree.dcUnion.id, { name: `批量会员${i}` }));
    const far = await buildMember(ctx, tree.xcUnion.id);
    const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId,
      key: 'batch-1',
      memberIds: [...ms.map((m) => m.id), far.id],
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json<BulkSignUpResult>().items.map((i) => i.outcome)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'not_in_audience']);
    // The same batch again: each member answers their first registration, nothing taken twice.
    const again = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId,
      key: 'batch-1',
      memberIds: ms.map((m) => m.id),
    });
    expect(again.json<BulkSignUpResult>().items.map((i) => i.outcome)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    expect(await sessionOf(event.id)).toMatchObject({ confirmed: 2, waitlisted: 1 });

    const page = (await ctx.call('GET', `/api/events/${event.id}/registrations?orgId=${tree.dcUnion.id}&limit=2`)).json<
      Page<Registration>
    >();
    expect(page.total).toEqual({ count: 3, kind: 'exact' });
    expect(page.items).toHaveLength(2);
    const rest = (
      await ctx.call('GET', `/api/events/${event.id}/registrations?orgId=${tree.dcUnion.id}&limit=2&cursor=${page.nextCursor}`)
    ).json<Page<Registration>>();
    expect(rest.items).toHaveLength(1);
    const waiting = (await ctx.call('GET', `/api/events/${event.id}/registrations?orgId=${tree.dcStreet.id}&status=waitlisted`)).json<
      Page<Registration>
    >();
    expect(waiting.items.map((r) => [r.memberName, r.waitlistPosition])).toEqual([['批量会员2', 1]]);

    // Another district's cadre: not found, everywhere. A reader of the street: may look, may not write.
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/events/${event.id}`, undefined, xicheng.cookie)).statusCode).toBe(404);
    expect((await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 9 }, xicheng.cookie)).statusCode).toBe(
      404,
    );
    const reg = page.items[0]!;
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${reg.id}/cancel`, undefined, xicheng.cookie)).statusCode).toBe(
      404,
    );
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await ctx.call('GET', `/api/events/${event.id}`, undefined, reader.cookie)).statusCode).toBe(200);
    expect((await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 9 }, reader.cookie)).statusCode).toBe(403);
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${reg.id}/cancel`, undefined, reader.cookie)).statusCode).toBe(
      403,
    );
    const bulkRead = await ctx.call(
      'POST',
      `/api/events/${event.id}/registrations/bulk`,
      { sessionId, key: 'r', memberIds: [ms[0]!.id] },
      reader.cookie,
    );
    expect(bulkRead.statusCode).toBe(403);
    const list = (await ctx.call('GET', `/api/events?orgId=${tree.dcStreet.id}`)).json<Page<{ id: number }>>();
    expect(list.items.map((e) => e.id)).toContain(event.id);
    expect(list.total?.kind).toBe('exact');
  });
});
