import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { EventDetail } from '../../../common/events.js';
import type { Reach } from '../../../common/events.reach.js';
import type { Course, Plan, Session } from '../../../common/training.js';
import { openSession } from './events.fixtures.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
/** A went to three events and a training session, B to one event, C (西城) to one event; D only waits. */
let a: number;
let b: number;
let c: number;

const PERIOD = 'from=2026-01-01&to=2028-12-31';

async function eventWith(orgId: number, memberIds: number[], capacity = 10): Promise<EventDetail> {
  const created = await ctx.call('POST', '/api/events', {
    orgId,
    kind: 'culture',
    title: `覆盖测试${orgId}-${Math.random()}`,
    sessions: [openSession(capacity)],
  });
  expect(created.statusCode).toBe(201);
  const event = created.json<EventDetail>();
  const done = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
    sessionId: event.sessions[0]!.id,
    key: `reach-${event.id}`,
    memberIds,
  });
  expect(done.statusCode).toBe(200);
  return event;
}

async function reach(orgId: number, cookie?: string) {
  return ctx.call('GET', `/api/events/reach?orgId=${orgId}&${PERIOD}`, undefined, cookie);
}

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  a = (await buildMember(ctx, tree.dcUnion.id, { name: '覆盖甲' })).id;
  b = (await buildMember(ctx, tree.dcUnion.id, { name: '覆盖乙' })).id;
  c = (await buildMember(ctx, tree.xcUnion.id, { name: '覆盖丙' })).id;
  const d = (await buildMember(ctx, tree.dcUnion.id, { name: '覆盖丁' })).id;
  const first = await eventWith(tree.dcStreet.id, [a, b]);
  await eventWith(tree.dcStreet.id, [a]);
  await eventWith(tree.dongcheng.id, [a]);
  // One place: A takes it, D waits — a sign-up, not a person reached.
  await eventWith(tree.dongcheng.id, [a, d], 1);
  await eventWith(tree.xicheng.id, [c]);
  // A attended the first event (as a check-in would mark it).
  await sql`UPDATE event_registration SET status = 'attended' WHERE event_id = ${first.id} AND member_id = ${a}`.execute(ctx.database.db);
  const plan = (
    await ctx.call('POST', '/api/training/plans', { orgId: tree.dongcheng.id, year: 2027, plannedSessions: 30, targetPeople: 500 })
  ).json<Plan>();
  const course = (
    await ctx.call('POST', '/api/training/courses', {
      orgId: tree.dongcheng.id,
      planId: plan.id,
      title: '工会经费使用与管理',
      topic: '工会经费使用与管理',
    })
  ).json<Course>();
  const session = (
    await ctx.call('POST', '/api/training/sessions', {
      courseId: course.id,
      startsAt: '2027-03-05T09:00:00+08:00',
      endsAt: '2027-03-05T11:00:00+08:00',
      place: '东城区职工服务中心',
      capacity: 80,
    })
  ).json<Session>();
  expect((await ctx.call('POST', `/api/training/sessions/${session.id}/attendance`, { memberIds: [a] })).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

describe('the reach of events and training', () => {
  it('counts a person at three events and a training session once, and every sign-up', async () => {
    const r = await reach(tree.dongcheng.id);
    expect(r.statusCode).toBe(200);
    expect(r.json<Reach>()).toMatchObject({
      orgId: tree.dongcheng.id,
      people: 2,
      eventPeople: 2,
      trainingPeople: 1,
      signUps: 6,
      attended: 1,
      attendanceRate: 1,
      training: { sessionsHeld: 0, plannedSessions: 30, targetPeople: 500 },
    });
    expect(r.json<Reach>().children).toEqual([{ orgId: tree.dcStreet.id, orgName: tree.dcStreet.name, people: 2 }]);
  });

  it('gives each district its own people, and the city everyone once', async () => {
    expect((await reach(tree.xicheng.id)).json<Reach>()).toMatchObject({ people: 1, signUps: 1, trainingPeople: 0, attendanceRate: null });
    const city = (await reach(1)).json<Reach>();
    expect(city).toMatchObject({ people: 3, signUps: 7 });
    expect(city.children.map((x) => [x.orgId, x.people])).toEqual([
      [tree.dongcheng.id, 2],
      [tree.xicheng.id, 1],
    ]);
    expect(c).toBeGreaterThan(0);
  });

  it('shows a cadre of 西城 only 西城: 东城 is not found to them, the city counts only their own people', async () => {
    const cadre = await actorWith(ctx, 'read_only', tree.xicheng.id);
    expect((await reach(tree.dongcheng.id, cadre.cookie)).statusCode).toBe(404);
    const own = await reach(tree.xicheng.id, cadre.cookie);
    expect(own.json<Reach>()).toMatchObject({ people: 1 });
  });

  it('refuses a period that ends before it starts, and answers nobody signed out', async () => {
    const backwards = await ctx.call('GET', `/api/events/reach?orgId=${tree.dongcheng.id}&from=2027-01-01&to=2026-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect((await reach(tree.dongcheng.id, '')).statusCode).toBe(401);
  });

  it('counts only sessions inside the period', async () => {
    const r = await ctx.call('GET', `/api/events/reach?orgId=${tree.dongcheng.id}&from=2026-01-01&to=2026-12-31`);
    expect(r.json<Reach>()).toMatchObject({ people: 0, signUps: 0, attendanceRate: null });
    expect(b).toBeGreaterThan(0);
  });
});
