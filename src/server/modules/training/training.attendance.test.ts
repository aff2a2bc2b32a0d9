import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Page } from '../../../common/paging.js';
import type { Attendee } from '../../../common/training.attendance.js';
import type { Course, Session } from '../../../common/training.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let session: Session;
let dc: number;
let xc: number;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  dc = (await buildMember(ctx, tree.dcUnion.id, { name: '东城学员' })).id;
  xc = (await buildMember(ctx, tree.xcUnion.id, { name: '西城学员' })).id;
  const course = (
    await ctx.call('POST', '/api/training/courses', { orgId: tree.dongcheng.id, title: '劳模精神进基层宣讲', topic: '劳模精神' })
  ).json<Course>();
  session = (
    await ctx.call('POST', '/api/training/sessions', {
      courseId: course.id,
      startsAt: '2027-04-01T09:00:00+08:00',
      endsAt: '2027-04-01T11:00:00+08:00',
      place: '东城区职工服务中心',
      capacity: 50,
    })
  ).json<Session>();
  // The city's admin marks both, a 西城 worker among them (a session is open to anyone the organisers admit).
  expect((await ctx.call('POST', `/api/training/sessions/${session.id}/attendance`, { memberIds: [dc, xc] })).json()).toEqual({
    added: 2,
    already: 0,
  });
});
afterAll(async () => ctx?.close());

describe('the attendance list of a training session', () => {
  it('lists who attended, each once, with their union and how they were marked', async () => {
    await ctx.call('POST', `/api/training/sessions/${session.id}/attendance`, { memberIds: [dc] });
    const r = await ctx.call('GET', `/api/training/sessions/${session.id}/attendance`);
    expect(r.statusCode).toBe(200);
    const page = r.json<Page<Attendee>>();
    expect(page.items.map((a) => [a.memberId, a.memberName, a.orgId, a.how])).toEqual([
      [dc, '东城学员', tree.dcUnion.id, 'cadre_list'],
      [xc, '西城学员', tree.xcUnion.id, 'cadre_list'],
    ]);
    expect(page.total).toEqual({ count: 2, kind: 'exact' });
  });

  it('pages with a cursor', async () => {
    const first = (await ctx.call('GET', `/api/training/sessions/${session.id}/attendance?limit=1`)).json<Page<Attendee>>();
    expect(first.items.map((a) => a.memberId)).toEqual([dc]);
    const second = (
      await ctx.call('GET', `/api/training/sessions/${session.id}/attendance?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`)
    ).json<Page<Attendee>>();
    expect(second.items.map((a) => a.memberId)).toEqual([xc]);
  });

  it('shows a 东城 cadre only the people of 东城, and a 西城 cadre not the session at all', async () => {
    const dongcheng = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    const own = await ctx.call('GET', `/api/training/sessions/${session.id}/attendance`, undefined, dongcheng.cookie);
    expect(own.json<Page<Attendee>>().items.map((a) => a.memberId)).toEqual([dc]);
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/training/sessions/${session.id}/attendance`, undefined, xicheng.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/training/sessions/${session.id}/attendance`, undefined, '')).statusCode).toBe(401);
  });
});
