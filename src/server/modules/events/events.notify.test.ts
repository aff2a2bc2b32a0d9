import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, MemberRegistration } from '../../../common/events.js';
import { openSession } from './events.fixtures.js';
import { sendEventNotifications, type NotifyDeps } from './events.notify.js';
import { ticketSignerOf } from './events.tickets.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let deps: NotifyDeps;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  deps = { cipher: ctx.app.deps.cipher, messages: ctx.app.deps.messages, tickets: ticketSignerOf(ctx.app.deps.config) };
});
afterAll(async () => ctx?.close());

type Person = { id: number; phone: string; cookie: string };

async function person(): Promise<Person> {
  const m = await buildMember(ctx, tree.dcUnion.id, { name: '通知会员' });
  return { id: m.id, phone: m.phone, cookie: await signInMember(ctx, m.idNumber, m.phone, `10.8.${serial % 250}.${++serial % 250}`) };
}

async function createEvent(overrides: object, sessions: object[]): Promise<EventDetail> {
  const response = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'culture',
    title: `通知测试活动${++serial}`,
    sessions,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EventDetail>();
}

const signUp = async (p: Person, sessionId: number) => {
  const response = await ctx.call('POST', '/api/portal/events/registrations', { sessionId, key: `n${++serial}` }, p.cookie);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<MemberRegistration>();
};
const cancel = (p: Person, id: number) => ctx.call('POST', `/api/portal/events/registrations/${id}/cancel`, undefined, p.cookie);

type Sent = { phone: string; purpose: string; zh: string; en: string };

/** The outbox's messages about the event titled `title` (its text names the event), phones decrypted. */
async function sentAbout(title: string): Promise<Sent[]> {
  const rows = await ctx.database.db
    .selectFrom('message_outbox')
    .select(['phone_enc', 'purpose', 'body_zh', 'body_en'])
    .where('body_zh', 'like', `%${title}%`)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ phone: deps.cipher.decrypt(r.phone_enc), purpose: r.purpose, zh: r.body_zh, en: r.body_en }));
}
const to = (sent: Sent[], p: Person, purpose: string) => sent.filter((s) => s.phone === p.phone && s.purpose === purpose);
/** An instant as a Beijing wall clock, 'YYYY-MM-DD HH:MM' (UTC+8 all year). */
const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('events: notifications through the message sender', () => {
  it('confirms a first-come sign-up once, and a promotion to the promoted person only', async () => {
    const session = openSession(1, '职工之家');
    const event = await createEvent({}, [session]);
    const sessionId = event.sessions[0]!.id;
    const [a, b] = [await person(), await person()];
    const first = await signUp(a, sessionId);
    expect(first.status).toBe('confirmed');
    expect((await signUp(b, sessionId)).status).toBe('waitlisted');

    await sendEventNotifications(ctx.database.db, deps);
    let sent = await sentAbout(event.title);
    expect(sent).toHaveLength(1);
    expect(to(sent, a, 'event_confirmed')).toHaveLength(1);
    expect(sent[0]!.zh).toBe(
      `【工会】您已报名成功：${event.title}，${beijing(session.startsAt)}（北京时间），职工之家。如不能参加，请在“会员服务”页取消。`,
    );
    expect(sent[0]!.en).toContain(`You are signed up: ${event.title}, ${beijing(session.startsAt)} (Beijing time), 职工之家`);

    // The scan again: nothing new.
    await sendEventNotifications(ctx.database.db, deps);
    expect(await sentAbout(event.title)).toHaveLength(1);

    // a cancels: b is promoted and told; a hears nothing more.
    expect((await cancel(a, first.id)).statusCode).toBe(200);
    await sendEventNotifications(ctx.database.db, deps);
    sent = await sentAbout(event.title);
    expect(sent).toHaveLength(2);
    expect(to(sent, b, 'event_confirmed')).toHaveLength(1);
    expect(to(sent, a, 'event_confirmed')).toHaveLength(1);

    // a signs up again (a new registration, waitlisted) and is promoted by a capacity raise: one more confirmation,
    // for the new registration.
    expect((await signUp(a, sessionId)).status).toBe('waitlisted');
    const raised = await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 2 });
    expect(raised.statusCode, raised.body).toBe(200);
    await sendEventNotifications(ctx.database.db, deps);
    await sendEventNotifications(ctx.database.db, deps);
    sent = await sentAbout(event.title);
    expect(to(sent, a, 'event_confirmed')).toHaveLength(2);
    expect(to(sent, b, 'event_confirmed')).toHaveLength(1);
    expect(sent).toHaveLength(3);
  });

  it('confirms a cadre bulk sign-up, once each even when two scans run at the same time', async () => {
    const event = await createEvent({}, [openSession(10)]);
    const people: Person[] = [];
    for (let i = 0; i < 4; i++) people.push(await person());
    const done = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId: event.sessions[0]!.id,
      key: `bulk${++serial}`,
      memberIds: people.map((p) => p.id),
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<BulkSignUpResult>().items.every((i) => i.registrationId !== null)).toBe(true);
    // Two processes' scans at once (on the PostgreSQL server both read the same due rows): the unique key settles who sends.
    await Promise.all([sendEventNotifications(ctx.database.db, deps), sendEventNotifications(ctx.database.db, deps)]);
    const sent = await sentAbout(event.title);
    expect(sent).toHaveLength(4);
    for (const p of people) expect(to(sent, p, 'event_confirmed')).toHaveLength(1);
  });

  it('confirms the winners of a lottery when the draw is made, not the entrants before it', async () => {
    const event = await createEvent({ kind: 'matchmaking', selection: 'lottery' }, [openSession(1)]);
    const sessionId = event.sessions[0]!.id;
    const people = [await person(), await person(), await person()];
    const plan = await ctx.call('POST', `/api/events/${event.id}/draw/plan`, { seedSource: '中国福利彩票双色球 开奖号码' });
    expect(plan.statusCode, plan.body).toBe(200);
    const entered = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId,
      key: `lot${++serial}`,
      memberIds: people.map((p) => p.id),
    });
    expect(entered.statusCode, entered.body).toBe(200);
    // An entry is no place: nothing to confirm yet.
    await sendEventNotifications(ctx.database.db, deps);
    expect(await sentAbout(event.title)).toHaveLength(0);

    await sql`UPDATE event_session SET opens_at = now() - interval '2 hours', closes_at = now() - interval '1 second'
              WHERE event_id = ${event.id}`.execute(ctx.database.db);
    expect((await ctx.call('POST', `/api/events/${event.id}/draw/freeze`)).statusCode).toBe(200);
    const seeded = await ctx.call('POST', `/api/events/${event.id}/draw/seed`, { seed: '03 07 12 19 25 31 + 09' });
    expect(seeded.statusCode, seeded.body).toBe(200);
    await sendEventNotifications(ctx.database.db, deps);
    await sendEventNotifications(ctx.database.db, deps);
    const sent = await sentAbout(event.title);
    const winner = await ctx.database.db
      .selectFrom('event_registration')
      .select('member_id')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'confirmed')
      .executeTakeFirstOrThrow();
    const won = people.find((p) => p.id === winner.member_id)!;
    expect(sent.map((s) => [s.phone, s.purpose])).toEqual([[won.phone, 'event_confirmed']]);
  });

  it('sends an offer with its expiry in Beijing time, then the confirmation when it is accepted', async () => {
    const event = await createEvent({ promotion: 'offer', offerHours: 24 }, [openSession(1)]);
    const sessionId = event.sessions[0]!.id;
    const [a, b] = [await person(), await person()];
    const held = await signUp(a, sessionId);
    const waiting = await signUp(b, sessionId);
    await sendEventNotifications(ctx.database.db, deps);
    expect((await cancel(a, held.id)).statusCode).toBe(200);
    const offered = (await ctx.call('GET', '/api/portal/events/registrations', undefined, b.cookie)).json<{ items: MemberRegistration[] }>()
      .items[0]!;
    expect(offered.status).toBe('offered');

    await sendEventNotifications(ctx.database.db, deps);
    await sendEventNotifications(ctx.database.db, deps);
    let sent = await sentAbout(event.title);
    const offers = to(sent, b, 'event_offer');
    expect(offers).toHaveLength(1);
    expect(offers[0]!.zh).toContain(`请在${beijing(offered.offerExpiresAt!)}（北京时间）前`);
    expect(offers[0]!.en).toContain(`before ${beijing(offered.offerExpiresAt!)} (Beijing time)`);
    expect(to(sent, b, 'event_confirmed')).toHaveLength(0);
    expect(sent.filter((s) => s.purpose === 'event_offer')).toHaveLength(1);

    const accepted = await ctx.call('POST', `/api/portal/events/registrations/${waiting.id}/accept`, undefined, b.cookie);
    expect(accepted.json<MemberRegistration>().status).toBe('confirmed');
    await sendEventNotifications(ctx.database.db, deps);
    sent = await sentAbout(event.title);
    expect(to(sent, b, 'event_confirmed')).toHaveLength(1);
    expect(to(sent, b, 'event_offer')).toHaveLength(1);
    expect(to(sent, a, 'event_confirmed')).toHaveLength(1);
  });

  it('reminds every confirmed registration the day before, once; none for the waitlisted or cancelled', async () => {
    // Ten days after the other tests' sessions, so the clocks below see this session alone in their window.
    const later = (iso: string) => new Date(Date.parse(iso) + 10 * 24 * 3_600_000).toISOString();
    const open = openSession(2, '体育馆');
    const session = { ...open, startsAt: later(open.startsAt), endsAt: later(open.endsAt) };
    const event = await createEvent({}, [session]);
    const sessionId = event.sessions[0]!.id;
    const [a, b, c, d] = [await person(), await person(), await person(), await person()];
    await signUp(a, sessionId);
    const bReg = await signUp(b, sessionId);
    expect((await signUp(c, sessionId)).status).toBe('waitlisted');
    const dReg = await signUp(d, sessionId);
    expect(dReg.status).toBe('waitlisted');
    expect((await cancel(d, dReg.id)).statusCode).toBe(200);
    // b cancels and c moves up; b then signs up again and waits.
    expect((await cancel(b, bReg.id)).statusCode).toBe(200);
    expect((await signUp(b, sessionId)).status).toBe('waitlisted');

    const starts = Date.parse(session.startsAt);
    const hour = 3_600_000;
    // Two days before: confirmations only, no reminder yet.
    const early = await sendEventNotifications(ctx.database.db, deps, new Date(starts - 48 * hour));
    expect(early.reminder).toBe(0);
    expect((await sentAbout(event.title)).filter((s) => s.purpose === 'event_reminder')).toHaveLength(0);

    // 23 hours before: one reminder to each confirmed registration (a and c).
    const dayBefore = await sendEventNotifications(ctx.database.db, deps, new Date(starts - 23 * hour));
    expect(dayBefore.reminder).toBe(2);
    let sent = await sentAbout(event.title);
    const reminders = sent.filter((s) => s.purpose === 'event_reminder');
    expect(reminders.map((r) => r.phone).sort()).toEqual([a.phone, c.phone].sort());
    expect(reminders[0]!.zh).toBe(
      `【工会】提醒：您报名的${event.title}将于${beijing(session.startsAt)}（北京时间）在体育馆举行，请准时参加。`,
    );

    // Again, later the same day: none.
    const again = await sendEventNotifications(ctx.database.db, deps, new Date(starts - 2 * hour));
    expect(again).toEqual({ confirmed: 0, offer: 0, reminder: 0 });
    sent = await sentAbout(event.title);
    expect(sent.filter((s) => s.purpose === 'event_reminder')).toHaveLength(2);
    expect(to(sent, b, 'event_reminder')).toHaveLength(0);
    expect(to(sent, d, 'event_reminder')).toHaveLength(0);
  });
});
