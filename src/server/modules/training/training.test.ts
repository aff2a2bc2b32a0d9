import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type {
  AttendanceResult,
  CheckinCode,
  Course,
  Plan,
  PlanProgress,
  Session,
  Teacher,
  TrainingCoverage,
  TrainingRecord,
} from '../../../common/training.js';
import type { Page } from '../../../common/paging.js';
import { CHECKIN_STEP_SECONDS } from '../../../common/training.js';
import { loadMasterSecret } from '../../crypto/pii.js';
import { moveMember } from '../members/members.service.js';
import { createCheckinCodes, type CheckinCodes } from './training.checkin.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let plan: Plan;
let course: Course;
let lecturer: Teacher;
let craftsman: Teacher;
let codes: CheckinCodes;

const post = <T>(url: string, body: object, cookie?: string) => ctx.call('POST', url, body, cookie).then((r) => ({ r, body: r.json<T>() }));

async function session(over: Partial<{ startsAt: string; endsAt: string; teacherIds: number[]; courseId: number }>, cookie?: string) {
  return ctx.call(
    'POST',
    '/api/training/sessions',
    {
      courseId: course.id,
      startsAt: '2027-03-05T09:00:00+08:00',
      endsAt: '2027-03-05T11:00:00+08:00',
      place: '东城区职工服务中心 3 楼报告厅',
      capacity: 80,
      teacherIds: [],
      ...over,
    },
    cookie,
  );
}

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  codes = createCheckinCodes(loadMasterSecret({ secret: ctx.config.secret, dataDir: ctx.config.dataDir }));
  plan = (
    await post<Plan>('/api/training/plans', {
      orgId: tree.dongcheng.id,
      year: 2026,
      plannedSessions: 30,
      targetPeople: 15000,
      topics: ['工会经费使用与管理'],
    })
  ).body;
  course = (
    await post<Course>('/api/training/courses', {
      orgId: tree.dongcheng.id,
      planId: plan.id,
      title: '工会经费使用与管理',
      topic: '工会经费使用与管理',
      audience: '基层工会财务人员',
    })
  ).body;
  lecturer = (await post<Teacher>('/api/training/teachers', { orgId: tree.dongcheng.id, name: '李劳模', kind: 'model_worker' })).body;
  craftsman = (await post<Teacher>('/api/training/teachers', { orgId: 1, name: '张匠师', kind: 'craftsman' })).body;
});
afterAll(async () => ctx?.close());

describe('training plans, courses and teachers', () => {
  it('creates a plan of 30 sessions once per node and year, and lists it with a total', async () => {
    expect(plan).toMatchObject({ orgId: tree.dongcheng.id, year: 2026, plannedSessions: 30, targetPeople: 15000 });
    const again = await ctx.call('POST', '/api/training/plans', {
      orgId: tree.dongcheng.id,
      year: 2026,
      plannedSessions: 5,
      targetPeople: 1,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('TRAINING_PLAN_EXISTS');
    const list = await ctx.call('GET', `/api/training/plans?orgId=${tree.dongcheng.id}&year=2026`);
    expect(list.json<Page<Plan>>()).toMatchObject({ items: [{ id: plan.id }], total: { count: 1, kind: 'exact' } });
  });

  it("refuses a course under another district's plan", async () => {
    const r = await ctx.call('POST', '/api/training/courses', { orgId: tree.xicheng.id, planId: plan.id, title: '课程', topic: '主题' });
    expect(r.statusCode).toBe(422);
    expect(r.json<{ code: string }>().code).toBe('TRAINING_PLAN_UNKNOWN');
  });
});

describe('teacher bookings', () => {
  it('refuses a teacher booked into an overlapping session with a 409 naming the session, allows end = start', async () => {
    const first = await session({ teacherIds: [lecturer.id] });
    expect(first.statusCode).toBe(201);
    const firstId = first.json<Session>().id;
    const before = (await ctx.call('GET', `/api/training/sessions?orgId=${tree.dongcheng.id}`)).json<Page<Session>>().total!.count;

    const clash = await session({
      startsAt: '2027-03-05T10:30:00+08:00',
      endsAt: '2027-03-05T12:00:00+08:00',
      teacherIds: [craftsman.id, lecturer.id],
    });
    expect(clash.statusCode).toBe(409);
    const error = clash.json<{ code: string; message: string }>();
    expect(error.code).toBe('TRAINING_TEACHER_CLASH');
    expect(error.message).toContain('李劳模');
    expect(error.message).toContain(`工会经费使用与管理（#${firstId}）`);
    expect(error.message).toContain('2027-03-05 09:00');
    // Nothing of the refused session stayed: neither it nor the other teacher's booking.
    expect((await ctx.call('GET', `/api/training/sessions?orgId=${tree.dongcheng.id}`)).json<Page<Session>>().total!.count).toBe(before);

    const adjacent = await session({
      startsAt: '2027-03-05T11:00:00+08:00',
      endsAt: '2027-03-05T12:00:00+08:00',
      teacherIds: [lecturer.id],
    });
    expect(adjacent.statusCode).toBe(201);
    expect(adjacent.json<Session>().teachers.map((t) => t.name)).toEqual(['李劳模']);
    const before2 = await session({
      startsAt: '2027-03-05T08:00:00+08:00',
      endsAt: '2027-03-05T09:00:00+08:00',
      teacherIds: [lecturer.id],
    });
    expect(before2.statusCode).toBe(201);
  });

  it('a cancelled session frees its teacher for that time', async () => {
    const booked = await session({
      startsAt: '2027-04-01T14:00:00+08:00',
      endsAt: '2027-04-01T16:00:00+08:00',
      teacherIds: [craftsman.id],
    });
    expect(booked.statusCode).toBe(201);
    const refused = await session({
      startsAt: '2027-04-01T15:00:00+08:00',
      endsAt: '2027-04-01T17:00:00+08:00',
      teacherIds: [craftsman.id],
    });
    expect(refused.statusCode).toBe(409);
    const cancelled = await ctx.call('POST', `/api/training/sessions/${booked.json<Session>().id}/status`, { status: 'cancelled' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json<Session>()).toMatchObject({ status: 'cancelled', teachers: [] });
    const now = await session({ startsAt: '2027-04-01T15:00:00+08:00', endsAt: '2027-04-01T17:00:00+08:00', teacherIds: [craftsman.id] });
    expect(now.statusCode).toBe(201);
    // A cancelled session stays cancelled.
    const held = await ctx.call('POST', `/api/training/sessions/${booked.json<Session>().id}/status`, { status: 'held' });
    expect(held.statusCode).toBe(409);
  });

  it('books one teacher once when two overlapping sessions are created at the same time', async () => {
    const teacher = (await post<Teacher>('/api/training/teachers', { orgId: tree.dongcheng.id, name: '王讲师', kind: 'lecturer' })).body;
    const results = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        session({
          startsAt: `2027-05-0${1}T09:${String(i * 10).padStart(2, '0')}:00+08:00`,
          endsAt: '2027-05-01T12:00:00+08:00',
          teacherIds: [teacher.id],
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409]);
  });
});

describe('who may see and change sessions', () => {
  it("gives another district's cadre 404 and a reader 403 on writes", async () => {
    const s = (await session({ startsAt: '2027-06-01T09:00:00+08:00', endsAt: '2027-06-01T10:00:00+08:00' })).json<Session>();
    const stranger = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/training/sessions/${s.id}`, undefined, stranger.cookie)).statusCode).toBe(404);
    expect((await ctx.call('POST', `/api/training/sessions/${s.id}/status`, { status: 'held' }, stranger.cookie)).statusCode).toBe(404);
    const member = await buildMember(ctx, tree.dcUnion.id);
    expect(
      (await ctx.call('POST', `/api/training/sessions/${s.id}/attendance`, { memberIds: [member.id] }, stranger.cookie)).statusCode,
    ).toBe(404);
    expect((await session({}, stranger.cookie)).statusCode).toBe(404);

    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await ctx.call('GET', `/api/training/sessions/${s.id}`, undefined, reader.cookie)).statusCode).toBe(200);
    expect(
      (await ctx.call('POST', `/api/training/sessions/${s.id}/attendance`, { memberIds: [member.id] }, reader.cookie)).statusCode,
    ).toBe(403);
    expect((await ctx.call('POST', `/api/training/sessions/${s.id}/status`, { status: 'held' }, reader.cookie)).statusCode).toBe(403);
    expect((await ctx.call('GET', `/api/training/sessions/${s.id}/checkin-code`, undefined, reader.cookie)).statusCode).toBe(403);
    expect((await session({}, reader.cookie)).statusCode).toBe(403);
    const planByReader = await ctx.call(
      'POST',
      '/api/training/plans',
      { orgId: tree.dongcheng.id, year: 2030, plannedSessions: 1, targetPeople: 1 },
      reader.cookie,
    );
    expect(planByReader.statusCode).toBe(403);

    // A cadre of another district cannot mark a member who is not theirs, even on their own session.
    const theirCourse = (await post<Course>('/api/training/courses', { orgId: tree.xicheng.id, title: '西城课程', topic: '劳动法' })).body;
    const theirs = (
      await session({ courseId: theirCourse.id, startsAt: '2027-06-02T09:00:00+08:00', endsAt: '2027-06-02T10:00:00+08:00' })
    ).json<Session>();
    const marked = await ctx.call('POST', `/api/training/sessions/${theirs.id}/attendance`, { memberIds: [member.id] }, stranger.cookie);
    expect(marked.statusCode).toBe(422);
    expect(marked.json<{ code: string }>().code).toBe('TRAINING_MEMBER_UNKNOWN');
  });
});

/** Waits until the clock is at least 3 s away from a step boundary, so a code computed here is the server's too. */
async function awayFromStepEdge(): Promise<void> {
  for (;;) {
    const into = (Date.now() / 1000) % CHECKIN_STEP_SECONDS;
    if (into > 2 && into < CHECKIN_STEP_SECONDS - 3) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe('self check-in with the rotating code of the room', () => {
  it('accepts the current and the previous code, refuses an older one, and counts the member once', async () => {
    // A course outside the plan: this session runs now, beside the dated ones the coverage test counts.
    const own = (await post<Course>('/api/training/courses', { orgId: tree.dongcheng.id, title: '安全生产现场课', topic: '安全生产' }))
      .body;
    const start = new Date(Date.now() - 10 * 60_000);
    const s = (
      await session({ courseId: own.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString() })
    ).json<Session>();
    const member = await buildMember(ctx, tree.dcUnion.id, { name: '扫码职工' });
    const cookie = await signInMember(ctx, member.idNumber, member.phone);
    const checkIn = (code: string) => ctx.call('POST', '/api/portal/training/checkins', { sessionId: s.id, code }, cookie);

    await awayFromStepEdge();
    const now = Date.now();
    const shown = (await ctx.call('GET', `/api/training/sessions/${s.id}/checkin-code`)).json<CheckinCode>();
    expect(shown.code).toBe(codes.current(s.id, new Date(now)).code);
    expect(shown.qr).toBe(`GHTR1:${s.id}:${shown.code}`);

    const older = codes.current(s.id, new Date(now - 2 * CHECKIN_STEP_SECONDS * 1000)).code;
    const refused = await checkIn(older);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ code: string }>().code).toBe('TRAINING_CODE_INVALID');
    // The code of another session is no code for this one.
    expect((await checkIn(codes.current(s.id + 1, new Date(now)).code)).statusCode).toBe(422);

    const previous = codes.current(s.id, new Date(now - CHECKIN_STEP_SECONDS * 1000)).code;
    const first = await checkIn(previous);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ sessionId: s.id, courseTitle: '安全生产现场课', already: false });
    const second = await checkIn(shown.code);
    expect(second.json()).toMatchObject({ already: true });

    // A cadre's list naming the same member adds nothing.
    const marked = await ctx.call('POST', `/api/training/sessions/${s.id}/attendance`, { memberIds: [member.id, member.id] });
    expect(marked.json<AttendanceResult>()).toEqual({ added: 0, already: 1 });
    expect((await ctx.call('GET', `/api/training/sessions/${s.id}`)).json<Session>().attended).toBe(1);

    const record = (await ctx.call('GET', '/api/portal/training/record', undefined, cookie)).json<TrainingRecord>();
    expect(record.items).toMatchObject([{ sessionId: s.id, how: 'self_qr', orgName: tree.dcUnion.name }]);
    // A cadre session is no member session.
    expect((await ctx.call('POST', '/api/portal/training/checkins', { sessionId: s.id, code: shown.code })).statusCode).toBe(401);
  });

  it('refuses every code of a session that has not begun (outside its hour of margin)', async () => {
    const s = (await session({ startsAt: '2027-07-01T09:00:00+08:00', endsAt: '2027-07-01T10:00:00+08:00' })).json<Session>();
    const member = await buildMember(ctx, tree.dcUnion.id);
    const cookie = await signInMember(ctx, member.idNumber, member.phone);
    await awayFromStepEdge();
    const code = codes.current(s.id, new Date()).code;
    expect((await ctx.call('POST', '/api/portal/training/checkins', { sessionId: s.id, code }, cookie)).statusCode).toBe(422);
  });
});

describe('coverage over years', () => {
  it('counts each worker once, attributed to the union they belonged to when they attended, even after a transfer', async () => {
    const held = async (day: string) => {
      const s = (await session({ startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00` })).json<Session>();
      expect((await ctx.call('POST', `/api/training/sessions/${s.id}/status`, { status: 'held' })).statusCode).toBe(200);
      return s;
    };
    const a = await held('2026-05-10');
    const b = await held('2026-06-10');
    const c = await held('2025-06-10');
    const mover = await buildMember(ctx, tree.dcUnion.id, { name: '调动职工' });
    const stayer = await buildMember(ctx, tree.dcBranch.id, { name: '留任职工' });
    for (const s of [a, b])
      expect(
        (
          await ctx.call('POST', `/api/training/sessions/${s.id}/attendance`, { memberIds: [mover.id, stayer.id] })
        ).json<AttendanceResult>(),
      ).toEqual({
        added: 2,
        already: 0,
      });
    await ctx.call('POST', `/api/training/sessions/${c.id}/attendance`, { memberIds: [stayer.id] });

    // The mover transfers to a union of another district (another region: their rows move with them).
    const xcUnionPath = await pathOf(tree.xcUnion.id);
    await ctx.database.db.transaction().execute(async (tx) => {
      const m = await tx
        .selectFrom('member')
        .select(['region_id', 'id', 'org_id', 'org_path'])
        .where('id', '=', mover.id)
        .executeTakeFirstOrThrow();
      await moveMember(
        tx,
        { regionId: m.region_id, id: m.id, orgId: m.org_id, orgPath: m.org_path },
        { id: tree.xcUnion.id, path: xcUnionPath },
        null,
        '调动',
      );
    });

    const cov = async (orgId: number, from: string, to: string) =>
      (await ctx.call('GET', `/api/training/coverage?orgId=${orgId}&from=${from}&to=${to}`)).json<TrainingCoverage>();
    const y2026 = await cov(tree.dongcheng.id, '2026-01-01', '2026-11-30');
    expect(y2026).toMatchObject({ people: 2, attendances: 4, sessionsHeld: 2, plannedSessions: 30, targetPeople: 15000 });
    expect(y2026.children).toEqual([{ orgId: tree.dcStreet.id, orgName: tree.dcStreet.name, people: 2 }]);
    expect(await cov(tree.xicheng.id, '2026-01-01', '2026-11-30')).toMatchObject({ people: 0, attendances: 0 });
    const twoYears = await cov(tree.dongcheng.id, '2025-01-01', '2026-11-30');
    expect(twoYears).toMatchObject({ people: 2, attendances: 5, sessionsHeld: 3 });
    expect(await cov(tree.dcUnion.id, '2026-05-10', '2026-05-10')).toMatchObject({ people: 2, attendances: 2 });

    // The mover's record goes with them and still names the union they attended for; their new union sees it.
    const record = (await ctx.call('GET', `/api/training/members/${mover.id}/record`)).json<TrainingRecord>();
    expect(record.items.map((i) => [i.sessionId, i.orgName])).toEqual([
      [b.id, tree.dcUnion.name],
      [a.id, tree.dcUnion.name],
    ]);
    const xiCadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/training/members/${mover.id}/record`, undefined, xiCadre.cookie)).statusCode).toBe(200);
    const dcCadre = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    expect((await ctx.call('GET', `/api/training/members/${stayer.id}/record`, undefined, dcCadre.cookie)).statusCode).toBe(404);

    const progress = (await ctx.call('GET', `/api/training/progress?orgId=${tree.dongcheng.id}&year=2026`)).json<PlanProgress>();
    expect(progress.items).toEqual([
      {
        planId: plan.id,
        orgId: tree.dongcheng.id,
        orgName: tree.dongcheng.name,
        year: 2026,
        plannedSessions: 30,
        sessionsHeld: 2,
        targetPeople: 15000,
        people: 2,
      },
    ]);
  });
});

async function pathOf(orgId: number): Promise<string> {
  const row = await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.path;
}
