import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMasterSecret } from '../../crypto/pii.js';
import { createTicketSigner } from '../events/events.tickets.js';
import type { SyncResult } from '../../../common/events.checkin.js';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { Page } from '../../../common/paging.js';
import type { BulkSignUpResult, EventDetail } from '../../../common/events.js';
import type { Attendee } from '../../../common/training.attendance.js';
import type { CheckinCode, Course, Session } from '../../../common/training.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let course: Course;

const day = 24 * 3600_000;

async function futureSession(): Promise<Session> {
  const start = Date.now() + 3 * day;
  const r = await ctx.call('POST', '/api/training/sessions', {
    courseId: course.id,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3600_000).toISOString(),
    place: '东城区职工服务中心',
    capacity: 50,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json<Session>();
}

async function eventOf(eventSessionId: number): Promise<EventDetail> {
  const row = await ctx.database.db
    .selectFrom('event_session')
    .select('event_id')
    .where('id', '=', eventSessionId)
    .executeTakeFirstOrThrow();
  const r = await ctx.call('GET', `/api/events/${row.event_id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json<EventDetail>();
}

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  course = (
    await ctx.call('POST', '/api/training/courses', { orgId: tree.dongcheng.id, title: '工会经费使用与管理', topic: '工会经费' })
  ).json<Course>();
});
afterAll(async () => ctx?.close());

describe('training sign-up through the events machinery', () => {
  it('opens sign-up as a first-come training event of the session’s node, from now until the session starts', async () => {
    const session = await futureSession();
    const before = Date.now();
    const r = await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 2 });
    expect(r.statusCode, r.body).toBe(201);
    const linked = r.json<Session>();
    expect(linked.eventSessionId).not.toBeNull();
    const event = await eventOf(linked.eventSessionId!);
    expect(linked.eventId).toBe(event.id);
    expect([event.kind, event.selection, event.orgId, event.title, event.status]).toEqual([
      'training',
      'first_come',
      tree.dongcheng.id,
      '工会经费使用与管理',
      'open',
    ]);
    expect(event.audience.map((a) => a.orgId)).toEqual([tree.dongcheng.id]);
    const s = event.sessions[0]!;
    expect([s.id, s.capacity, s.place]).toEqual([linked.eventSessionId, 2, '东城区职工服务中心']);
    expect(Date.parse(s.startsAt)).toBe(Date.parse(session.startsAt));
    expect(Date.parse(s.closesAt)).toBe(Date.parse(session.startsAt));
    expect(Date.parse(s.opensAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(s.isOpenNow).toBe(true);
  });

  it('opens once: a second opening is refused and makes no second event', async () => {
    const session = await futureSession();
    expect((await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 5 })).statusCode).toBe(201);
    const events = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('event')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const count = await events();
    const again = await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 5 });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('TRAINING_SIGNUP_OPEN');
    expect(await events()).toBe(count);
  });

  it('refuses a window that closes before it opens, and a session already over for the default window', async () => {
    const session = await futureSession();
    const bad = await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, {
      capacity: 5,
      opensAt: new Date(Date.now() + day).toISOString(),
      closesAt: new Date(Date.now() + 1000).toISOString(),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ code: string }>().code).toBe('TRAINING_SIGNUP_WINDOW');
    expect((await ctx.call('GET', `/api/training/sessions/${session.id}`)).json<Session>().eventSessionId).toBeNull();
  });

  it('hides the session from a cadre of another subtree and refuses a reader', async () => {
    const session = await futureSession();
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 5 }, xicheng.cookie)).statusCode).toBe(404);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 5 }, reader.cookie)).statusCode).toBe(403);
  });

  it('marks a member checked in to the event session attended in training, once; the waitlisted are not', async () => {
    const session = await futureSession();
    const linked = (await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 2 })).json<Session>();
    const event = await eventOf(linked.eventSessionId!);
    const ids = [];
    for (const name of ['甲学员', '乙学员', '丙学员']) ids.push((await buildMember(ctx, tree.dcUnion.id, { name })).id);
    const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId: linked.eventSessionId,
      key: 'training-link-1',
      memberIds: ids,
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const items = bulk.json<BulkSignUpResult>().items;
    expect(items.map((i) => i.outcome)).toEqual(['confirmed', 'confirmed', 'waitlisted']);
    const attendees = async () =>
      (await ctx.call('GET', `/api/training/sessions/${session.id}/attendance`))
        .json<Page<Attendee>>()
        .items.map((a) => [a.memberId, a.how]);
    expect(await attendees()).toEqual([]);

    const checkIn = (i: number) => ctx.call('POST', `/api/events/${event.id}/registrations/${items[i]!.registrationId}/check-in`);
    expect((await checkIn(0)).statusCode).toBe(200);
    expect(await attendees()).toEqual([[ids[0], 'cadre_list']]);
    // A second check-in is refused by events and counts nothing new in training.
    expect((await checkIn(0)).statusCode).toBe(409);
    // A waitlisted person cannot be checked in, and is not marked.
    expect((await checkIn(2)).statusCode).not.toBe(200);
    expect(await attendees()).toEqual([[ids[0], 'cadre_list']]);
    expect((await ctx.call('GET', `/api/training/sessions/${session.id}`)).json<Session>().attended).toBe(1);

    // The other confirmed person's ticket scanned offline and synced twice: marked once.
    const signer = createTicketSigner(loadMasterSecret({ secret: ctx.app.deps.config.secret, dataDir: ctx.app.deps.config.dataDir }));
    const reg = await ctx.database.db
      .selectFrom('event_registration')
      .select(['region_id', 'id'])
      .where('id', '=', items[1]!.registrationId!)
      .executeTakeFirstOrThrow();
    const token = signer.sign({ r: reg.region_id, i: reg.id, s: linked.eventSessionId!, v: 1 });
    const scans = [{ scanId: randomUUID(), token, scannedAt: new Date().toISOString(), deviceId: 'phone-1' }];
    const url = `/api/events/${event.id}/sessions/${linked.eventSessionId}/check-in/sync`;
    expect((await ctx.call('POST', url, { scans })).json<SyncResult>().items.map((i) => i.outcome)).toEqual(['accepted']);
    expect((await ctx.call('POST', url, { scans })).json<SyncResult>().items.map((i) => i.outcome)).toEqual(['accepted']);
    expect(await attendees()).toEqual([
      [ids[0], 'cadre_list'],
      [ids[1], 'cadre_list'],
    ]);
  });

  it('checks members marked in training in to the event session too: confirmed → attended, once; others untouched', async () => {
    const session = await futureSession();
    const linked = (await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 1 })).json<Session>();
    const event = await eventOf(linked.eventSessionId!);
    const [placed, waiting, walkIn] = [
      await buildMember(ctx, tree.dcUnion.id, { name: '戊学员' }),
      await buildMember(ctx, tree.dcUnion.id, { name: '己学员' }),
      await buildMember(ctx, tree.dcUnion.id, { name: '庚学员' }),
    ];
    const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId: linked.eventSessionId,
      key: 'training-mark-1',
      memberIds: [placed.id, waiting.id],
    });
    const items = bulk.json<BulkSignUpResult>().items;
    expect(items.map((i) => i.outcome)).toEqual(['confirmed', 'waitlisted']);
    const statusOf = async (id: number) =>
      (await ctx.database.db.selectFrom('event_registration').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const checkins = () =>
      ctx.database.db
        .selectFrom('event_checkin')
        .select(['registration_id', 'via', 'outcome', 'checked_by'])
        .where('session_id', '=', linked.eventSessionId!)
        .execute();

    const mark = () =>
      ctx.call('POST', `/api/training/sessions/${session.id}/attendance`, { memberIds: [placed.id, waiting.id, walkIn.id] });
    const first = await mark();
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ added: number }>().added).toBe(3);
    expect([await statusOf(items[0]!.registrationId!), await statusOf(items[1]!.registrationId!)]).toEqual(['attended', 'waitlisted']);
    const rows = await checkins();
    expect(rows.map((r) => [r.registration_id, r.via, r.outcome])).toEqual([[items[0]!.registrationId, 'training', 'accepted']]);
    expect(rows[0]!.checked_by).not.toBeNull();
    // Marking again, and the event's own check-in afterwards, count nothing twice.
    expect((await mark()).json<{ added: number }>().added).toBe(0);
    expect(await checkins()).toHaveLength(1);
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${items[0]!.registrationId}/check-in`)).statusCode).toBe(409);
    expect((await ctx.call('GET', `/api/training/sessions/${session.id}`)).json<Session>().attended).toBe(3);
  });

  it('checks a member in to the event session when they check in with the room’s code (no cadre behind it)', async () => {
    const session = await futureSession();
    const linked = (await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 5 })).json<Session>();
    const event = await eventOf(linked.eventSessionId!);
    const member = await buildMember(ctx, tree.dcUnion.id, { name: '辛学员' });
    const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId: linked.eventSessionId,
      key: 'training-code-1',
      memberIds: [member.id],
    });
    const registrationId = bulk.json<BulkSignUpResult>().items[0]!.registrationId!;
    // The class begins: both sessions moved to now (self check-in opens an hour before the start).
    const start = new Date(Date.now() - 5 * 60_000).toISOString();
    const end = new Date(Date.now() + 3600_000).toISOString();
    await ctx.database.db.updateTable('training_session').set({ starts_at: start, ends_at: end }).where('id', '=', session.id).execute();
    const code = (await ctx.call('GET', `/api/training/sessions/${session.id}/checkin-code`)).json<CheckinCode>().code;
    const cookie = await signInMember(ctx, member.idNumber, member.phone);
    const r = await ctx.call('POST', '/api/portal/training/checkins', { sessionId: session.id, code }, cookie);
    expect(r.statusCode, r.body).toBe(200);
    const row = await ctx.database.db
      .selectFrom('event_registration as r')
      .innerJoin('event_checkin as c', (j) => j.onRef('c.region_id', '=', 'r.region_id').onRef('c.registration_id', '=', 'r.id'))
      .select(['r.status', 'c.via', 'c.checked_by'])
      .where('r.id', '=', registrationId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'attended', via: 'training', checked_by: null });
  });

  it('leaves training untouched when an event session not linked to training is checked in', async () => {
    const before = Number(
      (
        await ctx.database.db
          .selectFrom('training_attendance')
          .select((a) => a.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const start = Date.now() + 2 * day;
    const ev = (
      await ctx.call('POST', '/api/events', {
        orgId: tree.dongcheng.id,
        kind: 'culture',
        title: '观影',
        sessions: [
          {
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 3600_000).toISOString(),
            place: '影院',
            capacity: 5,
            opensAt: new Date(Date.now() - 3600_000).toISOString(),
            closesAt: new Date(start).toISOString(),
          },
        ],
      })
    ).json<EventDetail>();
    const m = await buildMember(ctx, tree.dcUnion.id, { name: '丁会员' });
    const bulk = await ctx.call('POST', `/api/events/${ev.id}/registrations/bulk`, {
      sessionId: ev.sessions[0]!.id,
      key: 'plain-1',
      memberIds: [m.id],
    });
    const reg = bulk.json<BulkSignUpResult>().items[0]!.registrationId;
    expect((await ctx.call('POST', `/api/events/${ev.id}/registrations/${reg}/check-in`)).statusCode).toBe(200);
    const after = Number(
      (
        await ctx.database.db
          .selectFrom('training_attendance')
          .select((a) => a.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });
});
