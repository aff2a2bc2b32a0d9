import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, Registration } from '../../../common/events.js';
import type { Guest, GuestList, GuestSignUpResult } from '../../../common/events.guests.js';
import type { SyncResult } from '../../../common/events.checkin.js';
import type { Page } from '../../../common/paging.js';
import { openSession } from './events.fixtures.js';
import { sendEventNotifications } from './events.notify.js';
import { ticketSignerOf } from './events.tickets.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

/** A mainland mobile unique in this run (not one the member factory hands out). */
const guestPhone = () => `1385${String(process.pid % 1000).padStart(3, '0')}${String(++serial).padStart(4, '0')}`;

async function createEvent(overrides: object = {}, capacity = 3): Promise<EventDetail> {
  const response = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'outing',
    title: `骑手专场${++serial}`,
    sessions: [openSession(capacity)],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EventDetail>();
}

async function addGuest(eventId: number, body: object, cookie?: string): Promise<Guest> {
  const response = await ctx.call('POST', `/api/events/${eventId}/guests`, body, cookie);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Guest>();
}

const signUp = (eventId: number, guestId: number, sessionId: number, key: string, cookie?: string) =>
  ctx.call('POST', `/api/events/${eventId}/guests/${guestId}/sign-up`, { sessionId, key }, cookie);

async function registrations(eventId: number): Promise<Registration[]> {
  const response = await ctx.call('GET', `/api/events/${eventId}/registrations?orgId=${tree.dcStreet.id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Page<Registration>>().items;
}

describe('events: named non-members (非会员) in an event’s audience', () => {
  it('adds a guest with the phone sealed at rest and masked in every answer; the same phone twice is refused', async () => {
    const event = await createEvent();
    const phone = guestPhone();
    const guest = await addGuest(event.id, { name: '王骑手', phone, note: '外卖骑手' });
    expect(guest).toMatchObject({ name: '王骑手', note: '外卖骑手', orgId: tree.dcStreet.id });
    expect(guest.phoneMasked).toBe(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    const list = await ctx.call('GET', `/api/events/${event.id}/guests`);
    expect(list.body).not.toContain(phone);
    expect(list.json<GuestList>().items.map((g) => g.id)).toEqual([guest.id]);
    const raw = await ctx.database.db.selectFrom('event_guest').selectAll().where('id', '=', guest.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain(phone);
    expect(ctx.app.deps.cipher.decrypt(raw.phone_enc)).toBe(phone);

    const again = await ctx.call('POST', `/api/events/${event.id}/guests`, { name: '王骑手', phone: ` ${phone} ` });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('EVENT_GUEST_DUPLICATE');
    const bad = await ctx.call('POST', `/api/events/${event.id}/guests`, { name: '张快递', phone: '12345' });
    expect(bad.statusCode).toBe(422);
  });

  it('members and guests share one capacity: the last one waits, is told with a ticket code, scans in, and moves up when a guest is removed', async () => {
    const event = await createEvent({ title: `外卖骑手观影${++serial}` }, 3);
    const sessionId = event.sessions[0]!.id;
    const ids = [(await buildMember(ctx, tree.dcUnion.id)).id, (await buildMember(ctx, tree.dcUnion.id)).id];
    const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: 'm', memberIds: [ids[0]!] });
    expect(bulk.json<BulkSignUpResult>().items[0]!.outcome).toBe('confirmed');

    const phoneA = guestPhone();
    const a = await addGuest(event.id, { name: '李骑手', phone: phoneA, note: '外卖骑手' });
    const b = await addGuest(event.id, { name: '赵快递', phone: guestPhone(), note: '快递员' });
    const first = await signUp(event.id, a.id, sessionId, 'a1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<GuestSignUpResult>().status).toBe('confirmed');
    // A retry with the same key answers the same registration; another sign-up to the same session is refused.
    const retry = await signUp(event.id, a.id, sessionId, 'a1');
    expect(retry.json<GuestSignUpResult>().registrationId).toBe(first.json<GuestSignUpResult>().registrationId);
    const duplicate = await signUp(event.id, a.id, sessionId, 'a2');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<{ code: string }>().code).toBe('EVENT_ALREADY_REGISTERED');

    const more = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: 'm2', memberIds: [ids[1]!] });
    expect(more.json<BulkSignUpResult>().items[0]!.outcome).toBe('confirmed');
    const last = await signUp(event.id, b.id, sessionId, 'b1');
    expect(last.json<GuestSignUpResult>().status).toBe('waitlisted');
    const detail = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>();
    expect(detail.sessions[0]).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 1 });

    const regs = await registrations(event.id);
    const ofA = regs.find((r) => r.guestId === a.id)!;
    expect(ofA).toMatchObject({ kind: 'guest', memberId: null, memberName: '李骑手', status: 'confirmed' });
    expect(regs.filter((r) => r.kind === 'member')).toHaveLength(2);
    // The export, the counts by unit and the sign-in sheet's list read guests too.
    const exported = await ctx.call('GET', `/api/events/${event.id}/registrations/export?orgId=${tree.dcStreet.id}`);
    expect(exported.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getRows(2, 4)!.map((r) => [String(r.getCell(2).value), String(r.getCell(3).value)]);
    expect(rows).toContainEqual(['李骑手（非会员）', `${phoneA.slice(0, 3)}****${phoneA.slice(-4)}`]);
    const byUnit = await ctx.call('GET', `/api/events/${event.id}/by-unit?orgId=${tree.dcStreet.id}`);
    expect(byUnit.statusCode, byUnit.body).toBe(200);

    // The confirmation goes to the guest's phone and carries the signed ticket a scanner accepts.
    const tickets = ticketSignerOf(ctx.app.deps.config);
    await sendEventNotifications(ctx.database.db, { cipher: ctx.app.deps.cipher, messages: ctx.app.deps.messages, tickets });
    const outbox = await ctx.database.db
      .selectFrom('message_outbox')
      .select(['phone_enc', 'purpose', 'body_zh'])
      .where('body_zh', 'like', `%${event.title}%`)
      .execute();
    const toA = outbox.filter((m) => ctx.app.deps.cipher.decrypt(m.phone_enc) === phoneA);
    expect(toA.map((m) => m.purpose)).toEqual(['event_confirmed']);
    const token = /入场码：(ET1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(toA[0]!.body_zh)?.[1];
    expect(token).toBeDefined();
    expect(tickets.verify(token!)).toMatchObject({ i: ofA.id, s: sessionId });
    const pack = await ctx.call('GET', `/api/events/${event.id}/sessions/${sessionId}/check-in/pack`);
    expect(pack.json<{ tickets: { registrationId: number }[] }>().tickets.map((t) => t.registrationId)).toContain(ofA.id);
    const scan = { scanId: randomUUID(), token: token!, scannedAt: new Date().toISOString(), deviceId: 'door-1' };
    const sync = await ctx.call('POST', `/api/events/${event.id}/sessions/${sessionId}/check-in/sync`, { scans: [scan] });
    expect(sync.statusCode, sync.body).toBe(200);
    expect(sync.json<SyncResult>().items[0]).toMatchObject({ outcome: 'accepted', registrationId: ofA.id });

    // Removing the waitlisted guest's fellow: a confirmed guest (c) leaves, the waitlisted guest b takes the place.
    const c = await addGuest(event.id, { name: '钱骑手', phone: guestPhone(), note: '外卖骑手' });
    await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 5 });
    expect((await signUp(event.id, c.id, sessionId, 'c1')).json<GuestSignUpResult>().status).toBe('confirmed');
    await ctx.call('PATCH', `/api/events/${event.id}/sessions/${sessionId}`, { capacity: 4 });
    const d = await addGuest(event.id, { name: '孙快递', phone: guestPhone(), note: '快递员' });
    expect((await signUp(event.id, d.id, sessionId, 'd1')).json<GuestSignUpResult>().status).toBe('waitlisted');
    const removed = await ctx.call('DELETE', `/api/events/${event.id}/guests/${c.id}`);
    expect(removed.statusCode, removed.body).toBe(204);
    const after = await registrations(event.id);
    expect(after.find((r) => r.guestId === c.id)).toMatchObject({ status: 'cancelled', cancelReason: 'ineligible' });
    expect(after.find((r) => r.guestId === d.id)?.status).toBe('confirmed');
    expect((await ctx.call('GET', `/api/events/${event.id}/guests`)).json<GuestList>().items.map((g) => g.id)).not.toContain(c.id);
    const audit = await ctx.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'event.guest.%').execute();
    expect(new Set(audit.map((x) => x.action))).toEqual(new Set(['event.guest.add', 'event.guest.sign_up', 'event.guest.remove']));
  });

  it('confirms a promoted guest at once where the event offers places (a guest has no page to accept on)', async () => {
    const event = await createEvent({ promotion: 'offer', offerHours: 24 }, 1);
    const sessionId = event.sessions[0]!.id;
    const a = await addGuest(event.id, { name: '韩骑手', phone: guestPhone() });
    const b = await addGuest(event.id, { name: '杨快递', phone: guestPhone() });
    expect((await signUp(event.id, a.id, sessionId, 'o1')).json<GuestSignUpResult>().status).toBe('confirmed');
    expect((await signUp(event.id, b.id, sessionId, 'o1')).json<GuestSignUpResult>().status).toBe('waitlisted');
    expect((await ctx.call('DELETE', `/api/events/${event.id}/guests/${a.id}`)).statusCode).toBe(204);
    expect((await registrations(event.id)).find((r) => r.guestId === b.id)?.status).toBe('confirmed');
  });

  it('refuses a guest sign-up to a lottery session', async () => {
    const event = await createEvent({ selection: 'lottery' });
    const g = await addGuest(event.id, { name: '周骑手', phone: guestPhone() });
    const refused = await signUp(event.id, g.id, event.sessions[0]!.id, 'l1');
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string }>().code).toBe('EVENT_GUEST_FIRST_COME_ONLY');
  });

  it('a cadre outside the event gets 404; one who only sees it may not name guests; a co-organiser sees only its own', async () => {
    const event = await createEvent({
      audienceOrgIds: [tree.dcStreet.id, tree.xcStreet.id, tree.dcStreet2.id],
      coOrganiserIds: [tree.xcStreet.id],
    });
    const ownersGuest = await addGuest(event.id, { name: '吴骑手', phone: guestPhone() });
    const xc = await actorWith(ctx, 'union_cadre', tree.xcStreet.id);
    const xcGuest = await addGuest(event.id, { name: '郑快递', phone: guestPhone(), note: '快递员' }, xc.cookie);
    expect(xcGuest.orgId).toBe(tree.xcStreet.id);
    const seenByXc = (await ctx.call('GET', `/api/events/${event.id}/guests`, undefined, xc.cookie)).json<GuestList>();
    expect(seenByXc.items.map((g) => g.id)).toEqual([xcGuest.id]);
    expect((await ctx.call('DELETE', `/api/events/${event.id}/guests/${ownersGuest.id}`, undefined, xc.cookie)).statusCode).toBe(404);
    const signUpOther = await signUp(event.id, ownersGuest.id, event.sessions[0]!.id, 'x', xc.cookie);
    expect(signUpOther.statusCode).toBe(404);
    const seenByOwner = (await ctx.call('GET', `/api/events/${event.id}/guests`)).json<GuestList>();
    expect(seenByOwner.items.map((g) => g.id).sort()).toEqual([ownersGuest.id, xcGuest.id].sort());

    // 景山 sees the event (audience) but organises nothing of it.
    const audience = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    const added = await ctx.call('POST', `/api/events/${event.id}/guests`, { name: '冯骑手', phone: guestPhone() }, audience.cookie);
    expect(added.statusCode).toBe(403);
    expect((await ctx.call('GET', `/api/events/${event.id}/guests`, undefined, audience.cookie)).json<GuestList>().items).toEqual([]);

    // A cadre of a district outside owner, audience and co-organisers does not see the event at all.
    const outsider = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const other = await createEvent();
    expect((await ctx.call('GET', `/api/events/${other.id}/guests`, undefined, outsider.cookie)).statusCode).toBe(404);
    expect(
      (await ctx.call('POST', `/api/events/${other.id}/guests`, { name: '陈骑手', phone: guestPhone() }, outsider.cookie)).statusCode,
    ).toBe(404);
    const g = await addGuest(other.id, { name: '褚骑手', phone: guestPhone() });
    expect((await ctx.call('DELETE', `/api/events/${other.id}/guests/${g.id}`, undefined, outsider.cookie)).statusCode).toBe(404);
  });

  it('counts a gig worker named on two events once in the reach, beside the members', async () => {
    const day = (ms: number) => new Date(Date.now() + ms).toISOString().slice(0, 10);
    const url = `/api/events/reach?orgId=${tree.dcStreet.id}&from=${day(0)}&to=${day(800 * 86_400_000)}`;
    const reach = async () => {
      const response = await ctx.call('GET', url);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ people: number; eventPeople: number }>();
    };
    const before = await reach();
    const phone = guestPhone();
    for (const title of ['骑手观影（上）', '骑手观影（下）']) {
      const event = await createEvent({ title: `${title}${++serial}` });
      const g = await addGuest(event.id, { name: '蒋骑手', phone, note: '外卖骑手' });
      const done = await signUp(event.id, g.id, event.sessions[0]!.id, 'r1');
      expect(done.json<GuestSignUpResult>().status).toBe('confirmed');
    }
    const after = await reach();
    expect(after.people - before.people).toBe(1);
    expect(after.eventPeople - before.eventPeople).toBe(1);
  });

  it('simultaneous sign-ups of members and guests never pass the capacity: 10 places, 24 people, 10 confirmed', async () => {
    const event = await createEvent({ title: `并发骑手专场${++serial}` }, 10);
    const sessionId = event.sessions[0]!.id;
    const memberIds: number[] = [];
    for (let i = 0; i < 12; i++) memberIds.push((await buildMember(ctx, tree.dcUnion.id)).id);
    const guestIds: number[] = [];
    for (let i = 0; i < 12; i++) guestIds.push((await addGuest(event.id, { name: `骑手${i}`, phone: guestPhone() })).id);
    const answers = await Promise.all([
      ...memberIds.map((id, i) =>
        ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: `h${i}`, memberIds: [id] }),
      ),
      ...guestIds.map((id, i) => signUp(event.id, id, sessionId, `h${i}`)),
    ]);
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const detail = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>();
    expect(detail.sessions[0]).toMatchObject({ capacity: 10, confirmed: 10, waitlisted: 14 });
    const regs = await registrations(event.id);
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(10);
  });
});
