import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import type { Employer } from '../../../common/employers.js';
import type { Meeting, MeetingDetail, OutreachStats } from '../../../common/outreach.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

describe('outreach meetings (双沟通)', () => {
  it('a worker meeting with a sub-venue collects applications, and the counts follow approvals', async () => {
    const joint = await buildOrg(ctx, tree.dcStreet.id, 'joint_union');
    const main = (
      await ctx.call('POST', '/api/meetings', {
        orgId: tree.dcStreet.id,
        kind: 'worker',
        title: '外卖小哥专场沟通会',
        heldOn: '2026-05-30',
        venue: '新世界商场二期美食广场',
      })
    ).json<Meeting>();
    const sub = await ctx.call('POST', '/api/meetings', {
      orgId: joint.id,
      kind: 'worker',
      title: '线上分会场',
      heldOn: '2026-05-30',
      isOnline: true,
      parentMeetingId: main.id,
    });
    expect(sub.statusCode).toBe(201);
    for (let i = 0; i < 5; i++) {
      const r = await ctx.call('POST', '/api/applications', {
        name: '骑手',
        idNumber: makeIdNumber(),
        phone: makePhone(),
        employmentForm: 'delivery_rider',
        orgId: joint.id,
        meetingId: main.id,
      });
      expect(r.statusCode).toBe(201);
    }
    const queue = (await ctx.call('GET', `/api/applications?orgId=${joint.id}&meetingId=${main.id}`)).json<{ items: { id: number }[] }>();
    expect(queue.items).toHaveLength(5);
    await ctx.call('POST', '/api/applications/decisions', { ids: queue.items.slice(0, 3).map((a) => a.id), decision: 'approve' });
    const listed = (await ctx.call('GET', `/api/meetings?orgId=${tree.dcStreet.id}&kind=worker`)).json<{ items: Meeting[] }>();
    expect(listed.items.find((m) => m.id === main.id)).toMatchObject({ applications: 5, approved: 3 });
    const stats = (
      await ctx.call('GET', `/api/outreach/stats?orgId=${tree.dongcheng.id}&from=2026-01-01&to=2026-12-31`)
    ).json<OutreachStats>();
    expect(stats).toMatchObject({ workerMeetings: 2, applications: 5, approved: 3 });
  });

  it('refuses a sub-venue of another kind, and an applications meeting of a foreign subtree', async () => {
    const enterprise = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet.id, kind: 'enterprise', title: '企业沟通会', heldOn: '2026-06-01' })
    ).json<Meeting>();
    const bad = await ctx.call('POST', '/api/meetings', {
      orgId: tree.dcStreet.id,
      kind: 'worker',
      title: '错配',
      heldOn: '2026-06-01',
      parentMeetingId: enterprise.id,
    });
    expect(bad.json().code).toBe('MEETING_PARENT_INVALID');
    const foreign = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.xcStreet.id, kind: 'worker', title: '西城会', heldOn: '2026-06-01' })
    ).json<Meeting>();
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const r = await ctx.call(
      'POST',
      '/api/applications',
      {
        name: '骑手',
        idNumber: makeIdNumber(),
        phone: makePhone(),
        employmentForm: 'courier',
        orgId: tree.dcUnion.id,
        meetingId: foreign.id,
      },
      cadre.cookie,
    );
    expect(r.statusCode).toBe(404);
  });

  it('moves an employer along the 建会 pipeline, crediting the enterprise meeting', async () => {
    const meeting = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet2.id, kind: 'enterprise', title: '建会动员会', heldOn: '2026-07-01' })
    ).json<Meeting>();
    const employer = (
      await ctx.call('POST', '/api/employers', {
        name: '北京某某物流有限公司',
        headcount: 150,
        industry: 'G',
        streetOrgId: tree.dcStreet2.id,
      })
    ).json<{ id: number; version: number }>();
    const persuaded = await ctx.call('POST', `/api/employers/${employer.id}/unionisation`, {
      version: employer.version,
      stage: 'persuaded',
      meetingId: meeting.id,
    });
    expect(persuaded.json()).toMatchObject({ stage: 'persuaded' });
    const tooEarly = await ctx.call('POST', `/api/employers/${employer.id}/unionisation`, {
      version: persuaded.json().version,
      stage: 'established',
    });
    expect(tooEarly.json().code).toBe('STAGE_NEEDS_UNION');
    const stats = (
      await ctx.call('GET', `/api/outreach/stats?orgId=${tree.dcStreet2.id}&from=2026-01-01&to=2026-12-31`)
    ).json<OutreachStats>();
    expect(stats.employersByStage.persuaded).toBe(1);
    expect(stats.enterpriseMeetings).toBe(1);
  });
});

describe('dates and cursors of the meetings list', () => {
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('a meeting filter, stats period or meeting date outside a real calendar day of 1900–2100 answers 400 naming the field', async () => {
    for (const from of ['0000-01-01', '1899-12-31', '2101-01-01', '2026-02-30', '99999-01-01']) {
      const listed = await ctx.call('GET', `/api/meetings?orgId=${tree.dcStreet.id}&from=${from}`, undefined, undefined, 'en');
      expect(listed.statusCode, from).toBe(400);
      expect(listed.json()).toMatchObject({
        code: 'VALIDATION',
        details: [{ path: 'from', message: 'must be a real date between 1900-01-01 and 2100-12-31, written YYYY-MM-DD' }],
      });
    }
    const stats = await ctx.call('GET', `/api/outreach/stats?orgId=${tree.dcStreet.id}&from=0000-01-01&to=2026-12-31`);
    expect(stats.statusCode).toBe(400);
    expect(stats.json<{ message: string }>().message).toContain('应为 1900-01-01 至 2100-12-31 之间的真实日期');
    const created = await ctx.call('POST', '/api/meetings', {
      orgId: tree.dcStreet.id,
      kind: 'worker',
      title: '沟通会',
      heldOn: '0000-01-01',
    });
    expect(created.statusCode).toBe(400);
    const fine = await ctx.call('GET', `/api/meetings?orgId=${tree.dcStreet.id}&from=1900-01-01&to=2100-12-31`);
    expect(fine.statusCode).toBe(200);
  });

  it('a meetings cursor holding a non-date, an impossible date or a wrong type answers 400, and a real cursor still pages', async () => {
    for (const bad of [['not-a-date', 1], ['0000-01-01', 1], ['2026-02-30', 1], [20260101, 1], ['2026-01-01', 'x'], 'text', { a: 1 }]) {
      const listed = await ctx.call('GET', `/api/meetings?orgId=${tree.dcStreet.id}&cursor=${cursorOf(bad)}`);
      expect(listed.statusCode, JSON.stringify(bad)).toBe(400);
      expect(listed.json<{ code: string }>().code).toBe('VALIDATION');
    }
    for (const title of ['第一场', '第二场']) {
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet2.id, kind: 'worker', title, heldOn: '2026-03-01' });
    }
    const first = (await ctx.call('GET', `/api/meetings?orgId=${tree.dcStreet2.id}&limit=1`)).json<{
      items: Meeting[];
      nextCursor: string;
    }>();
    const second = await ctx.call('GET', `/api/meetings?orgId=${tree.dcStreet2.id}&limit=1&cursor=${first.nextCursor}`);
    expect(second.statusCode).toBe(200);
    expect(second.json<{ items: Meeting[] }>().items[0]?.id).not.toBe(first.items[0]?.id);
  });
});

describe('a meeting page, its public sign-up facts, and the 建会 stage it is credited with', () => {
  it('shows a meeting with its sign-ups counted and the employers contacted at it; another district gets 404', async () => {
    const meeting = (
      await ctx.call('POST', '/api/meetings', {
        orgId: tree.dcStreet.id,
        kind: 'enterprise',
        title: '企业建会推进会',
        heldOn: '2026-08-01',
      })
    ).json<Meeting>();
    const employer = (
      await ctx.call('POST', '/api/employers', {
        name: '北京会场物流有限公司',
        headcount: 120,
        industry: 'G',
        streetOrgId: tree.dcStreet.id,
      })
    ).json<{ id: number; version: number }>();
    await ctx.call('POST', `/api/employers/${employer.id}/unionisation`, {
      version: employer.version,
      stage: 'contacted',
      meetingId: meeting.id,
    });
    const detail = await ctx.call('GET', `/api/meetings/${meeting.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<MeetingDetail>()).toMatchObject({
      id: meeting.id,
      title: '企业建会推进会',
      employersEngaged: 1,
      employers: [{ id: employer.id, name: '北京会场物流有限公司', stage: 'contacted', unionName: null }],
      hasMoreEmployers: false,
    });
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/meetings/${meeting.id}`, undefined, xicheng.cookie)).statusCode).toBe(404);
  });

  it('answers the public facts of a meeting and nothing personal, 404 for an unknown one; a QR sign-up carries the meeting', async () => {
    const meeting = (
      await ctx.call('POST', '/api/meetings', {
        orgId: tree.dcStreet.id,
        kind: 'worker',
        title: '快递员扫码沟通会',
        heldOn: '2026-08-02',
        venue: '街道职工之家',
      })
    ).json<Meeting>();
    const anonymous = await ctx.app.inject({ method: 'GET', url: `/api/public/meetings/${meeting.id}` });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({
      id: meeting.id,
      title: '快递员扫码沟通会',
      heldOn: '2026-08-02',
      venue: '街道职工之家',
      unionName: tree.dcStreet.name,
    });
    const unknown = await ctx.app.inject({ method: 'GET', url: '/api/public/meetings/999999999' });
    expect(unknown.statusCode).toBe(404);
    const person = { name: '扫码骑手', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier' };
    const applied = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { ...person, orgId: tree.dcUnion.id, meetingId: meeting.id },
    });
    expect(applied.statusCode).toBe(201);
    const queue = (await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}&meetingId=${meeting.id}`)).json<{
      items: { source: string; meetingId: number }[];
    }>();
    expect(queue.items).toEqual([expect.objectContaining({ source: 'meeting', meetingId: meeting.id })]);
    const elsewhere = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { ...person, idNumber: makeIdNumber(), phone: makePhone(), orgId: tree.xcUnion.id, meetingId: meeting.id },
    });
    expect(elsewhere.json<{ code: string }>().code).toBe('MEETING_ORG_MISMATCH');
  });

  it('keeps the meeting when a stage change omits it, and shows a covered employer as 已建会', async () => {
    const meeting = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet2.id, kind: 'enterprise', title: '保留会场', heldOn: '2026-08-03' })
    ).json<Meeting>();
    const created = (
      await ctx.call('POST', '/api/employers', {
        name: '北京保留会场有限公司',
        headcount: 200,
        industry: 'C',
        streetOrgId: tree.dcStreet2.id,
      })
    ).json<Employer>();
    const first = await ctx.call('POST', `/api/employers/${created.id}/unionisation`, {
      version: created.version,
      stage: 'contacted',
      meetingId: meeting.id,
    });
    await ctx.call('POST', `/api/employers/${created.id}/unionisation`, {
      version: first.json<{ version: number }>().version,
      stage: 'preparing',
    });
    const after = (await ctx.call('GET', `/api/employers/${created.id}`)).json<Employer>();
    expect(after).toMatchObject({ unionisationStage: 'preparing', unionisationMeetingId: meeting.id });

    const union2 = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    const covered = (
      await ctx.call('POST', '/api/employers', {
        name: '北京自有工会有限公司',
        headcount: 300,
        industry: 'C',
        streetOrgId: tree.dcStreet2.id,
        unionOrgId: union2.id,
      })
    ).json<Employer>();
    expect(covered.unionisationStage).toBe('established');
    const listed = (await ctx.call('GET', `/api/employers?orgId=${union2.id}`)).json<{ items: Employer[] }>();
    expect(listed.items.find((e) => e.id === covered.id)?.unionisationStage).toBe('established');
  });
});
