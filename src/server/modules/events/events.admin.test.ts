import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actorWith, buildMember, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, CancelEventResult, EventDetail, EventReport, Registration, SignUpsByUnit } from '../../../common/events.js';
import type { Page } from '../../../common/paging.js';
import { openSession } from './events.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

async function createEvent(overrides: object = {}, sessions = [openSession(2)]): Promise<EventDetail> {
  const response = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'outing',
    title: `科技+杏福${++serial}`,
    sessions,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<EventDetail>();
}

async function signUpMembers(event: EventDetail, orgId: number, n: number, sessionIndex = 0): Promise<BulkSignUpResult['items']> {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await buildMember(ctx, orgId, { name: `报名会员${++serial}` })).id);
  const response = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
    sessionId: event.sessions[sessionIndex]!.id,
    key: `b${++serial}`,
    memberIds: ids,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<BulkSignUpResult>().items;
}

const report = async (eventId: number, cookie?: string) =>
  (await ctx.call('GET', `/api/events/${eventId}/report`, undefined, cookie)).json<EventReport>();

describe('events console: close, cancel, copy', () => {
  it('closes an open event once with its summary, the attendance counted in SQL', async () => {
    const event = await createEvent({}, [openSession(3)]);
    const items = await signUpMembers(event, tree.dcUnion.id, 4);
    // One came, one did not; the third still confirmed; the fourth waits.
    await ctx.database.db
      .updateTable('event_registration')
      .set({ status: 'attended' })
      .where('id', '=', items[0]!.registrationId!)
      .execute();
    await ctx.call('POST', `/api/events/${event.id}/registrations/${items[1]!.registrationId}/no-show`);
    const closed = await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '  共发车一班，职工反响良好。 ' });
    expect(closed.statusCode, closed.body).toBe(200);
    const body = closed.json<EventReport>();
    expect(body.status).toBe('closed');
    expect(body.closing?.summary).toBe('共发车一班，职工反响良好。');
    expect(body.figures).toMatchObject({ signedUp: 4, attended: 1, noShow: 1, waitlisted: 0, confirmed: 2 });
    // The freed no-show place promoted the one waiting: 1 attended of 4 who held a place.
    expect(body.figures.attendanceRate).toBeCloseTo(1 / 4);
    const again = await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('EVENT_STATUS_FINAL');
    expect((await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '   ' })).statusCode).toBe(400);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'event')
      .where('target_id', '=', String(event.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('event.close');
  });

  it('cancels an event: every active registration cancelled with its reason, places given back, nobody promoted', async () => {
    const event = await createEvent({}, [openSession(2), openSession(5, '西山')]);
    const first = await signUpMembers(event, tree.dcUnion.id, 4);
    const second = await signUpMembers(event, tree.dcBranch.id, 1, 1);
    expect(first.map((i) => i.outcome)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    await ctx.call('POST', `/api/events/${event.id}/registrations/${first[0]!.registrationId}/cancel`);
    const cancelled = await ctx.call('POST', `/api/events/${event.id}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    // The cadre's earlier cancel promoted one; the event's cancel ends the 4 active ones left.
    expect(cancelled.json<CancelEventResult>()).toEqual({ eventId: event.id, cancelledRegistrations: 4 });
    const detail = (await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>();
    expect(detail.status).toBe('cancelled');
    expect(detail.sessions.map((s) => [s.confirmed, s.waitlisted])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const regs = (await ctx.call('GET', `/api/events/${event.id}/registrations?orgId=${tree.dcStreet.id}`)).json<Page<Registration>>();
    expect(regs.items.map((r) => [r.status, r.cancelReason]).sort()).toEqual(
      [['cancelled', 'cadre'], ...Array.from({ length: 4 }, () => ['cancelled', 'event_cancelled'])].sort(),
    );
    expect(second[0]!.outcome).toBe('confirmed');
    // A cancelled event is final: no second cancel, no close, no sign-up.
    expect((await ctx.call('POST', `/api/events/${event.id}/cancel`)).statusCode).toBe(409);
    expect((await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '总结' })).statusCode).toBe(409);
  });

  it('copies an event into a draft whose sessions start on the new first day (Beijing), audience kept, then publishes it', async () => {
    const day = (d: string, h: string) => `${d}T${h}:00+08:00`;
    const sessions = ['2027-03-01', '2027-03-02', '2027-03-04'].map((d) => ({
      startsAt: day(d, '00:30'),
      endsAt: day(d, '02:00'),
      place: '中关村',
      capacity: 45,
      opensAt: day('2027-02-01', '09:00'),
      closesAt: day(d, '00:00'),
    }));
    const event = await createEvent({ audienceOrgIds: [tree.dcStreet.id, tree.dcStreet2.id], selection: 'first_come' }, sessions);
    // A first day outside the years a copy can be planned in is a clear 400, not a database error (found by the fuzzing).
    for (const firstDate of ['0001-01-01', '1999-12-31', '2100-01-01', '2027-02-30', '2027-02-29', '2027-04-31', '2027-00-01'])
      expect((await ctx.call('POST', `/api/events/${event.id}/copy`, { firstDate })).statusCode).toBe(400);
    const response = await ctx.call('POST', `/api/events/${event.id}/copy`, { firstDate: '2027-05-10', title: '科技+杏福（第二期）' });
    expect(response.statusCode, response.body).toBe(201);
    const copy = response.json<EventDetail>();
    expect(copy).toMatchObject({ status: 'draft', title: '科技+杏福（第二期）', kind: 'outing', orgId: tree.dcStreet.id });
    expect(copy.audience.map((a) => a.orgId).sort()).toEqual([tree.dcStreet.id, tree.dcStreet2.id].sort());
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);
    expect(copy.sessions.map((s) => [beijing(s.startsAt), s.capacity, s.confirmed])).toEqual([
      ['2027-05-10T00:30', 45, 0],
      ['2027-05-11T00:30', 45, 0],
      ['2027-05-13T00:30', 45, 0],
    ]);
    // 70 days later: the sign-up window moves with the sessions.
    expect(beijing(copy.sessions[0]!.opensAt)).toBe('2027-04-12T09:00');
    const opened = await ctx.call('POST', `/api/events/${copy.id}/open`);
    expect(opened.json<EventDetail>().status).toBe('open');
    expect((await ctx.call('POST', `/api/events/${copy.id}/open`)).json<{ code: string }>().code).toBe('EVENT_NOT_DRAFT');
    expect((await ctx.call('POST', `/api/events/${event.id}/copy`, { firstDate: '2027-02-30' })).statusCode).toBe(400);
  });
});

describe('events console: sign-ups by unit and the export', () => {
  it('counts sign-ups per union, and a co-organising street sees only its own part', async () => {
    const event = await createEvent({ audienceOrgIds: [tree.dcStreet.id, tree.dcStreet2.id] }, [openSession(4)]);
    const union2 = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    await signUpMembers(event, tree.dcUnion.id, 3);
    await signUpMembers(event, union2.id, 2);
    const all = (await ctx.call('GET', `/api/events/${event.id}/by-unit?orgId=${tree.dongcheng.id}`)).json<SignUpsByUnit>();
    expect(all.items.map((u) => [u.orgId, u.confirmed, u.waitlisted, u.attended])).toEqual([
      [tree.dcUnion.id, 3, 0, 0],
      [union2.id, 1, 1, 0],
    ]);
    const coOrganiser = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    const part = await ctx.call('GET', `/api/events/${event.id}/by-unit?orgId=${tree.dcStreet2.id}`, undefined, coOrganiser.cookie);
    expect(part.statusCode, part.body).toBe(200);
    expect(part.json<SignUpsByUnit>().items.map((u) => u.orgId)).toEqual([union2.id]);
    // Asking for the owner street's part is asking outside its reach.
    expect(
      (await ctx.call('GET', `/api/events/${event.id}/by-unit?orgId=${tree.dcStreet.id}`, undefined, coOrganiser.cookie)).statusCode,
    ).toBe(404);
    expect((await report(event.id, coOrganiser.cookie)).figures.signedUp).toBe(2);
  });

  it('exports the registration list as .xlsx with masked phones, only the caller part, audited', async () => {
    const event = await createEvent({}, [openSession(2)]);
    await signUpMembers(event, tree.dcUnion.id, 3);
    const response = await ctx.call('GET', `/api/events/${event.id}/registrations/export?orgId=${tree.dcStreet.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('报名名单');
    expect(sheet.rowCount).toBe(4);
    const phones = [2, 3, 4].map((i) => String(sheet.getRow(i).getCell(3).value));
    for (const p of phones) expect(p).toMatch(/^1\d{2}\*{4}\d{4}$/u);
    expect([2, 3, 4].map((i) => String(sheet.getRow(i).getCell(7).value)).sort()).toEqual(['候补', '已确认', '已确认']);
    const waiting = await ctx.call(
      'GET',
      `/api/events/${event.id}/registrations/export?orgId=${tree.dcStreet.id}&status=waitlisted`,
      undefined,
      undefined,
      'en',
    );
    const en = new ExcelJS.Workbook();
    await en.xlsx.load(waiting.rawPayload as unknown as ArrayBuffer);
    expect(en.worksheets[0]!.rowCount).toBe(2);
    expect(String(en.worksheets[0]!.getRow(2).getCell(7).value)).toBe('Waitlisted');
    const exported = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'event.export')
      .where('target_id', '=', String(event.id))
      .execute();
    expect(exported).toHaveLength(2);
  });
});

describe('events console: who may do what', () => {
  it('another district gets 404 on every console route; a reader may look but not write (403)', async () => {
    const event = await createEvent();
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    const reads = [
      `/api/events/${event.id}/report`,
      `/api/events/${event.id}/by-unit?orgId=${tree.dcStreet.id}`,
      `/api/events/${event.id}/registrations/export?orgId=${tree.dcStreet.id}`,
    ];
    const writes: [string, object | undefined][] = [
      [`/api/events/${event.id}/close`, { summary: '越权' }],
      [`/api/events/${event.id}/cancel`, undefined],
      [`/api/events/${event.id}/copy`, { firstDate: '2027-01-01' }],
      [`/api/events/${event.id}/open`, undefined],
    ];
    for (const url of reads) {
      expect((await ctx.call('GET', url, undefined, xicheng.cookie)).statusCode, url).toBe(404);
      expect((await ctx.call('GET', url, undefined, reader.cookie)).statusCode, url).toBe(200);
    }
    for (const [url, payload] of writes) {
      expect((await ctx.call('POST', url, payload, xicheng.cookie)).statusCode, url).toBe(404);
      expect((await ctx.call('POST', url, payload, reader.cookie)).statusCode, url).toBe(403);
    }
    expect((await ctx.call('GET', `/api/events/${event.id}`)).json<EventDetail>().status).toBe('open');
  });

  it("a member's own sign-up, cancel and offer acceptance each leave an audit entry", async () => {
    const { signInMember } = await import('../../testing/harness.js');
    const event = await createEvent({ promotion: 'offer', offerHours: 2 }, [openSession(1)]);
    const sessionId = event.sessions[0]!.id;
    const a = await buildMember(ctx, tree.dcUnion.id);
    const b = await buildMember(ctx, tree.dcUnion.id);
    const ca = await signInMember(ctx, a.idNumber, a.phone, '10.77.0.1');
    const cb = await signInMember(ctx, b.idNumber, b.phone, '10.77.0.2');
    const ra = (await ctx.call('POST', '/api/portal/events/registrations', { sessionId, key: 'self-a' }, ca)).json<{ id: number }>();
    const rb = (await ctx.call('POST', '/api/portal/events/registrations', { sessionId, key: 'self-b' }, cb)).json<{ id: number }>();
    // A retry writes no second entry.
    await ctx.call('POST', '/api/portal/events/registrations', { sessionId, key: 'self-a' }, ca);
    expect((await ctx.call('POST', `/api/portal/events/registrations/${ra.id}/cancel`, undefined, ca)).statusCode).toBe(200);
    expect((await ctx.call('POST', `/api/portal/events/registrations/${rb.id}/accept`, undefined, cb)).statusCode).toBe(200);
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'username'])
      .where('target_type', '=', 'event_registration')
      .where('target_id', 'in', [String(ra.id), String(rb.id)])
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { action: 'event.registration.self', username: `member:${a.id}` },
      { action: 'event.registration.self', username: `member:${b.id}` },
      { action: 'event.registration.self_cancel', username: `member:${a.id}` },
      { action: 'event.registration.accept', username: `member:${b.id}` },
    ]);
  });
});
