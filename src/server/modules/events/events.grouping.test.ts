import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildMember, buildTree, createTestContext, signInMember, type TestContext } from '../../testing/harness.js';
import type { BulkSignUpResult, EventDetail, MemberRegistration } from '../../../common/events.js';
import type { EventGrouping } from '../../../common/events.grouping.js';
import { openSession } from './events.fixtures.js';
import { groupAtRandom } from './grouping.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

/** A first-come event of the street T with one session of `capacity` places and `people` members of U signed up. */
async function classWith(capacity: number, people: number): Promise<{ event: EventDetail; sessionId: number; signed: BulkSignUpResult }> {
  const created = await ctx.call('POST', '/api/events', {
    orgId: tree.dcStreet.id,
    kind: 'care',
    title: `心理健康团体辅导${++serial}`,
    sessions: [openSession(capacity, '职工心理驿站')],
  });
  expect(created.statusCode, created.body).toBe(201);
  const event = created.json<EventDetail>();
  const sessionId = event.sessions[0]!.id;
  const ids: number[] = [];
  for (let i = 0; i < people; i++) ids.push((await buildMember(ctx, tree.dcUnion.id, { name: `分组学员${serial}号${i}` })).id);
  const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: `g${serial}`, memberIds: ids });
  expect(bulk.statusCode, bulk.body).toBe(200);
  return { event, sessionId, signed: bulk.json<BulkSignUpResult>() };
}

const groupingUrl = (eventId: number, sessionId: number) => `/api/events/${eventId}/sessions/${sessionId}/groupings`;

describe('random grouping at a session (随机分组)', () => {
  it('splits 48 present people into 6 groups of 8, everyone once, leaving out the cancelled and the waitlisted', async () => {
    const { event, sessionId, signed } = await classWith(48, 50);
    const confirmed = signed.items.filter((i) => i.outcome === 'confirmed').map((i) => i.registrationId!);
    const waiting = signed.items.filter((i) => i.outcome === 'waitlisted').map((i) => i.registrationId!);
    expect([confirmed.length, waiting.length]).toEqual([48, 2]);
    // One cancels (a waiting one takes the place), another is checked in: attended counts as present.
    const cancelled = confirmed[0]!;
    expect((await ctx.call('POST', `/api/events/${event.id}/registrations/${cancelled}/cancel`)).statusCode).toBe(200);
    const checkedIn = await ctx.call('POST', `/api/events/${event.id}/registrations/${confirmed[1]!}/check-in`);
    expect(checkedIn.statusCode, checkedIn.body).toBe(200);

    const answer = await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 6 });
    expect(answer.statusCode, answer.body).toBe(201);
    const grouping = answer.json<EventGrouping>();
    expect(grouping).toMatchObject({ eventId: event.id, sessionId, groups: 6, people: 48, seedSource: 'random' });
    expect(grouping.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(grouping.members.map((g) => g.length)).toEqual([8, 8, 8, 8, 8, 8]);
    const everyone = grouping.members.flat().map((p) => p.registrationId);
    expect(new Set(everyone).size).toBe(48);
    expect(everyone).not.toContain(cancelled);
    expect(everyone).toContain(confirmed[1]!);
    const stillWaiting = waiting.filter((id) => !everyone.includes(id));
    expect(stillWaiting).toHaveLength(1);
    const first = grouping.members[0]![0]!;
    expect(first.maskedName).toMatch(/^分组\*+$/);
    expect(first.orgName).toBe(tree.dcUnion.name);
    expect(grouping.members.every((g, i) => g.every((p) => p.groupNo === i + 1))).toBe(true);

    const latest = await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest`);
    expect(latest.statusCode).toBe(200);
    expect(latest.json<EventGrouping>()).toEqual(grouping);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'event.grouping')
      .where('target_id', '=', String(event.id))
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('shows a member their group on their own registration, from the latest grouping', async () => {
    const created = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'care',
      title: `心理健康团体辅导${++serial}`,
      sessions: [openSession(10, '职工心理驿站')],
    });
    const event = created.json<EventDetail>();
    const sessionId = event.sessions[0]!.id;
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await buildMember(ctx, tree.dcUnion.id, { name: `分组会员${serial}号${i}` }));
    const bulk = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId,
      key: `g${serial}`,
      memberIds: people.map((p) => p.id),
    });
    const registrationId = bulk.json<BulkSignUpResult>().items[0]!.registrationId!;
    const cookie = await signInMember(ctx, people[0]!.idNumber, people[0]!.phone, `10.46.${serial % 250}.1`);
    const mine = async () =>
      (await ctx.call('GET', '/api/portal/events/registrations', undefined, cookie))
        .json<{ items: MemberRegistration[] }>()
        .items.find((r) => r.id === registrationId)!.groupNo;
    expect(await mine()).toBeNull();
    const groupOf = (g: EventGrouping) => g.members.findIndex((group) => group.some((p) => p.registrationId === registrationId)) + 1;
    const first = (await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 2, seed: 'seed-a' })).json<EventGrouping>();
    expect(await mine()).toBe(groupOf(first));
    const again = (await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 4, seed: 'seed-b' })).json<EventGrouping>();
    expect(await mine()).toBe(groupOf(again));
  });

  it('recomputes the same groups from the stored list and seed; a given seed is used in its normal form', async () => {
    const { event, sessionId } = await classWith(12, 12);
    const answer = await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 5, seed: '  双色球 2026138   期 ' });
    expect(answer.statusCode, answer.body).toBe(201);
    const grouping = answer.json<EventGrouping>();
    expect(grouping).toMatchObject({ seed: '双色球 2026138 期', seedSource: 'given', people: 12 });
    expect(grouping.members.map((g) => g.length)).toEqual([3, 3, 2, 2, 2]);
    const stored = await ctx.database.db
      .selectFrom('event_grouping_member')
      .select(['region_id', 'registration_id'])
      .where('grouping_id', '=', grouping.id)
      .execute();
    const again = groupAtRandom({ personIds: stored.map((r) => `${r.region_id}-${r.registration_id}`), groups: 5, seed: grouping.seed });
    expect(again.listHash).toBe(grouping.listHash);
    expect(again.groups.map((g) => g.map((p) => p.key))).toEqual(grouping.members.map((g) => g.map((p) => p.key)));

    // Grouping again writes a new grouping, which is then the one shown; the old one stays as it was.
    const second = (await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 3, seed: '' })).json<EventGrouping>();
    expect(second).toMatchObject({ groups: 3, seedSource: 'random' });
    expect(second.id).not.toBe(grouping.id);
    expect((await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest`)).json<EventGrouping>().id).toBe(second.id);
    const headers = await ctx.database.db.selectFrom('event_grouping').select('id').where('session_id', '=', sessionId).execute();
    expect(headers).toHaveLength(2);
  });

  it('refuses more groups than people, and a session of nobody, in Chinese (English on request)', async () => {
    const { event, sessionId } = await classWith(10, 3);
    const refused = await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 4 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ code: string; message: string }>()).toMatchObject({
      code: 'EVENT_GROUPING_TOO_FEW',
      message: '该班次只有 3 人，不能分成 4 组',
    });
    const english = await ctx.app.inject({
      method: 'POST',
      url: groupingUrl(event.id, sessionId),
      payload: { groups: 4 },
      headers: { cookie: ctx.adminCookie, 'accept-language': 'en' },
    });
    expect(english.json<{ message: string }>().message).toBe('This session has only 3 people; they cannot be split into 4 groups');
    const created = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'care',
      title: '空班次',
      sessions: [openSession(5)],
    });
    const bare = created.json<EventDetail>();
    const none = await ctx.call('POST', groupingUrl(bare.id, bare.sessions[0]!.id), { groups: 1 });
    expect(none.json<{ code: string }>().code).toBe('EVENT_GROUPING_NO_PEOPLE');
    const missing = await ctx.call('GET', `${groupingUrl(bare.id, bare.sessions[0]!.id)}/latest`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe('EVENT_GROUPING_NONE');
    expect((await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 0 })).statusCode).toBe(400);
    expect((await ctx.call('POST', groupingUrl(event.id, bare.sessions[0]!.id), { groups: 1 })).statusCode).toBe(404);
  });

  it('lets a reader read the latest grouping but not group (403); a cadre of another subtree gets 404', async () => {
    const { event, sessionId } = await classWith(10, 4);
    expect((await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 2 })).statusCode).toBe(201);
    const reader = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 2 }, reader.cookie)).statusCode).toBe(403);
    const seen = await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest`, undefined, reader.cookie);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<EventGrouping>().people).toBe(4);
    const stranger = await actorWith(ctx, 'union_cadre', tree.xcStreet.id);
    expect((await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 2 }, stranger.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest`, undefined, stranger.cookie)).statusCode).toBe(404);
    const headers = await ctx.database.db.selectFrom('event_grouping').select('id').where('session_id', '=', sessionId).execute();
    expect(headers).toHaveLength(1);
  });

  it('leaves grouping to the owner node: a co-organiser reads the latest grouping but may not group (403)', async () => {
    const created = await ctx.call('POST', '/api/events', {
      orgId: tree.dcStreet.id,
      kind: 'care',
      title: `联办分组${++serial}`,
      coOrganiserIds: [tree.dcStreet2.id],
      sessions: [openSession(10)],
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json<EventDetail>();
    const sessionId = event.sessions[0]!.id;
    const member = await buildMember(ctx, tree.dcUnion.id, { name: '联办学员' });
    await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, { sessionId, key: `co${serial}`, memberIds: [member.id] });
    expect((await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 1 })).statusCode).toBe(201);
    const partner = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    expect((await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 1 }, partner.cookie)).statusCode).toBe(403);
    expect((await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest`, undefined, partner.cookie)).statusCode).toBe(200);
  });

  it('exports the latest grouping as .xlsx, group by group with masked phones, audited; nothing before a grouping', async () => {
    const { event, sessionId } = await classWith(10, 5);
    expect((await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest/export`)).statusCode).toBe(404);
    const grouping = (await ctx.call('POST', groupingUrl(event.id, sessionId), { groups: 2, seed: '导出' })).json<EventGrouping>();
    const response = await ctx.call('GET', `${groupingUrl(event.id, sessionId)}/latest/export`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('分组名单')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual(['序号', '组别', '姓名', '手机（隐去中间四位）', '所在工会', '密钥']);
    const body = rows.slice(1).map((r) => r.slice(1));
    expect(body.map((r) => r[1])).toEqual(['第1组', '第1组', '第1组', '第2组', '第2组']);
    expect(body.map((r) => r[5])).toEqual(grouping.members.flat().map((p) => p.key));
    for (const r of body) expect(String(r[3])).toMatch(/^1\d{2}\*{4}\d{4}$/);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('action', '=', 'event.grouping.export')
      .where('target_id', '=', String(event.id))
      .execute();
    expect(audit).toHaveLength(1);
  });
});
