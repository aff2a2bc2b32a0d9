import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actorWith, buildMember, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { LedgerEntry, LedgerEntryDetail, LedgerEntryPage, LedgerRollup } from '../../../common/ledger.js';
import type { EventDetail } from '../../../common/events.js';
import { openSession } from '../events/events.fixtures.js';
import { sessionAt } from '../training/training.fixtures.js';
import { createEntryFromProposal } from './ledger.service.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let serial = 0;

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

async function addEntry(body: object, cookie?: string): Promise<LedgerEntry> {
  const r = await ctx.call(
    'POST',
    '/api/ledger/entries',
    { kind: 'welfare', title: `送清凉${++serial}`, dateFrom: '2025-07-10', ...body },
    cookie,
  );
  expect(r.statusCode, r.body).toBe(201);
  return r.json<LedgerEntry>();
}

describe('the work ledger (工作台账)', () => {
  it('adds an entry with co-organisers, a period and figures, and lists it in the ledgers of both nodes', async () => {
    const entry = await addEntry({
      orgId: tree.dongcheng.id,
      kind: 'welfare',
      title: '夏送清凉进工地',
      summary: '为一线建筑工人送去西瓜和防暑用品',
      dateFrom: '2025-06-18',
      dateTo: '2025-06-19',
      place: '东城区某工地',
      peopleReached: 1500,
      coOrgIds: [tree.dcStreet.id],
      otherOrganisers: ['北京建工集团工会'],
      figures: [
        { value: 33, unit: '趟', counts: '班车', snippet: '33趟' },
        { value: 10000, unit: '斤', counts: '西瓜', approximate: true, snippet: '1万余斤西瓜' },
      ],
      sourceRef: '《劳动午报》2025-06-20',
    });
    expect(entry).toMatchObject({
      orgId: tree.dongcheng.id,
      dateTo: '2025-06-19',
      peopleReached: 1500,
      peopleBasis: 'reported',
      source: 'manual',
      moduleLink: null,
      coOrganisers: [{ orgId: tree.dcStreet.id }],
      otherOrganisers: ['北京建工集团工会'],
      version: 1,
    });
    expect(entry.figures.map((f) => [f.value, f.unit, f.approximate])).toEqual([
      [33, '趟', false],
      [10000, '斤', true],
    ]);
    // The co-organiser's own ledger lists it; another year does not.
    const street = (await ctx.call('GET', `/api/ledger/entries?orgId=${tree.dcStreet.id}&year=2025`)).json<LedgerEntryPage>();
    expect(street.items.map((e) => e.id)).toContain(entry.id);
    expect(street.total).toMatchObject({ kind: 'exact' });
    const other = (await ctx.call('GET', `/api/ledger/entries?orgId=${tree.dcStreet.id}&year=2024`)).json<LedgerEntryPage>();
    expect(other.items).toHaveLength(0);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'ledger_entry')
      .where('target_id', '=', String(entry.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('ledger.entry.create');
  });

  it('refuses a period that ends before it starts, a co-organiser out of sight, and a bad kind, in the caller’s language', async () => {
    const backwards = await ctx.call('POST', '/api/ledger/entries', {
      orgId: tree.dcStreet.id,
      kind: 'event',
      title: '倒序',
      dateFrom: '2025-06-19',
      dateTo: '2025-06-18',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('结束日期不能早于开始日期');
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const foreign = await ctx.call(
      'POST',
      '/api/ledger/entries',
      { orgId: tree.dcStreet.id, kind: 'event', title: '跨区协办', dateFrom: '2025-06-18', coOrgIds: [tree.xcStreet.id] },
      cadre.cookie,
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('LEDGER_CO_ORGANISER_INVALID');
    const self = await ctx.call('POST', '/api/ledger/entries', {
      orgId: tree.dcStreet.id,
      kind: 'event',
      title: '自己协办自己',
      dateFrom: '2025-06-18',
      coOrgIds: [tree.dcStreet.id],
    });
    expect(self.json().code).toBe('LEDGER_CO_ORGANISER_INVALID');
    const kind = await ctx.call(
      'POST',
      '/api/ledger/entries',
      { orgId: tree.dcStreet.id, kind: 'party', title: 'x', dateFrom: '2025-06-18' },
      undefined,
      'en',
    );
    expect(kind.statusCode).toBe(400);
  });

  it('corrects an entry by version (409 on a stale one), and deletes it audited', async () => {
    const entry = await addEntry({ orgId: tree.dcStreet.id, figures: [{ value: 5, unit: '家', counts: '企业' }] });
    const fixed = await ctx.call('PATCH', `/api/ledger/entries/${entry.id}`, {
      version: 1,
      title: '夏送清凉（更正）',
      place: null,
      figures: [{ value: 6, unit: '家', counts: '企业' }],
      coOrgIds: [tree.dcUnion.id],
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<LedgerEntry>()).toMatchObject({ title: '夏送清凉（更正）', version: 2, coOrganisers: [{ orgId: tree.dcUnion.id }] });
    expect(fixed.json<LedgerEntry>().figures.map((f) => f.value)).toEqual([6]);
    const stale = await ctx.call('PATCH', `/api/ledger/entries/${entry.id}`, { version: 1, title: '过期' });
    expect(stale.statusCode).toBe(409);
    const period = await ctx.call('PATCH', `/api/ledger/entries/${entry.id}`, { version: 2, dateTo: '2025-01-01' });
    expect(period.json().code).toBe('LEDGER_PERIOD_INVALID');
    expect((await ctx.call('DELETE', `/api/ledger/entries/${entry.id}?version=1`)).statusCode).toBe(409);
    expect((await ctx.call('DELETE', `/api/ledger/entries/${entry.id}?version=2`)).statusCode).toBe(204);
    expect((await ctx.call('GET', `/api/ledger/entries/${entry.id}`)).statusCode).toBe(404);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_type', '=', 'ledger_entry')
      .where('target_id', '=', String(entry.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['ledger.entry.create', 'ledger.entry.delete', 'ledger.entry.update']);
  });

  it('a cadre of another subtree gets 404; a co-organiser reads but may not correct (403)', async () => {
    const entry = await addEntry({ orgId: tree.dongcheng.id, coOrgIds: [tree.dcStreet.id] });
    const xicheng = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/ledger/entries/${entry.id}`, undefined, xicheng.cookie)).statusCode).toBe(404);
    expect((await ctx.call('PATCH', `/api/ledger/entries/${entry.id}`, { version: 1, title: 'x' }, xicheng.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/ledger/entries?orgId=${tree.dongcheng.id}&year=2025`, undefined, xicheng.cookie)).statusCode).toBe(
      404,
    );
    expect((await ctx.call('GET', `/api/ledger/rollup?orgId=${tree.dongcheng.id}&year=2025`, undefined, xicheng.cookie)).statusCode).toBe(
      404,
    );
    const street = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    expect((await ctx.call('GET', `/api/ledger/entries/${entry.id}`, undefined, street.cookie)).statusCode).toBe(200);
    expect((await ctx.call('PATCH', `/api/ledger/entries/${entry.id}`, { version: 1, title: 'x' }, street.cookie)).statusCode).toBe(403);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect(
      (
        await ctx.call(
          'POST',
          '/api/ledger/entries',
          { orgId: tree.dongcheng.id, kind: 'other', title: 'x', dateFrom: '2025-01-01' },
          reader.cookie,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('an event closing adds its entry once, counting the members who came; the roll-up counts each person once', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    const members = [];
    for (let i = 0; i < 3; i++) members.push(await buildMember(ctx, union.id, { name: `台账会员${i}` }));
    const events: EventDetail[] = [];
    for (const title of ['观影活动', '健步走']) {
      const created = await ctx.call('POST', '/api/events', {
        orgId: tree.dcStreet2.id,
        kind: 'culture',
        title,
        sessions: [openSession(10)],
      });
      expect(created.statusCode, created.body).toBe(201);
      events.push(created.json<EventDetail>());
    }
    // The first event: all three came; the second: two of them.
    for (const [event, who] of [
      [events[0]!, members],
      [events[1]!, members.slice(0, 2)],
    ] as const) {
      const signed = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
        sessionId: event.sessions[0]!.id,
        key: `ledger-${event.id}`,
        memberIds: who.map((m) => m.id),
      });
      expect(signed.statusCode, signed.body).toBe(200);
      await ctx.database.db.updateTable('event_registration').set({ status: 'attended' }).where('event_id', '=', event.id).execute();
      expect((await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '活动圆满结束' })).statusCode).toBe(200);
    }
    // Closing again is refused by events, and adds nothing here.
    expect((await ctx.call('POST', `/api/events/${events[0]!.id}/close`, { summary: '再次' })).statusCode).toBe(409);
    const year = Number(events[0]!.sessions[0]!.startsAt.slice(0, 4));
    const list = (await ctx.call('GET', `/api/ledger/entries?orgId=${tree.dcStreet2.id}&year=${year}&kind=event`)).json<LedgerEntryPage>();
    const moduleEntries = list.items.filter((e) => e.moduleLink?.module === 'events');
    expect(moduleEntries.map((e) => [e.moduleLink!.recordId, e.peopleReached, e.peopleBasis, e.source]).sort()).toEqual(
      [
        [events[0]!.id, 3, 'members', 'module'],
        [events[1]!.id, 2, 'members', 'module'],
      ].sort(),
    );
    await addEntry({
      orgId: tree.dcStreet2.id,
      kind: 'event',
      dateFrom: `${year}-03-01`,
      peopleReached: 200,
      figures: [{ value: 4, unit: '场', counts: '演出' }],
    });
    await addEntry({ orgId: union.id, kind: 'legal', dateFrom: `${year}-04-01` });
    const rollup = (await ctx.call('GET', `/api/ledger/rollup?orgId=${tree.dcStreet2.id}&year=${year}`)).json<LedgerRollup>();
    expect(rollup.activities).toBe(4);
    expect(rollup.people).toEqual({ members: 3, membersEntries: 2, reported: 200, reportedEntries: 1, entriesWithoutFigure: 1 });
    expect(rollup.byKind.map((k) => [k.kind, k.activities, k.people.members, k.people.reported])).toEqual([
      ['event', 3, 3, 200],
      ['legal', 1, 0, 0],
    ]);
    expect(rollup.figures).toEqual([{ unit: '场', counts: '演出', total: 4, entries: 1, approximate: false }]);
    // The district's roll-up holds the street's work; a cadre's correction of the number makes it a reported figure.
    const district = (await ctx.call('GET', `/api/ledger/rollup?orgId=${tree.dongcheng.id}&year=${year}`)).json<LedgerRollup>();
    expect(district.people.members).toBe(3);
    const first = moduleEntries.find((e) => e.moduleLink!.recordId === events[0]!.id)!;
    const typed = await ctx.call('PATCH', `/api/ledger/entries/${first.id}`, { version: first.version, peopleReached: 50 });
    expect(typed.json<LedgerEntry>()).toMatchObject({ peopleReached: 50, peopleBasis: 'reported' });
    const after = (await ctx.call('GET', `/api/ledger/rollup?orgId=${tree.dcStreet2.id}&year=${year}`)).json<LedgerRollup>();
    expect(after.people).toMatchObject({ members: 2, membersEntries: 1, reported: 250, reportedEntries: 2 });
  });

  it('rolls up each direct sub-node in the same answer: a shared entry and a person reached under two count in each', async () => {
    const district = await buildOrg(ctx, 1, 'district_federation');
    const streetA = await buildOrg(ctx, district.id, 'street_federation');
    const streetB = await buildOrg(ctx, district.id, 'street_federation');
    const unionA = await buildOrg(ctx, streetA.id, 'grassroots_union');
    const [m1, m2] = [await buildMember(ctx, unionA.id), await buildMember(ctx, unionA.id)];
    // Two events close with the members who came: street A's (both), street B's open to A too (m1 only).
    const closeEvent = async (orgId: number, who: { id: number }[], audienceOrgIds: number[]) => {
      const created = await ctx.call('POST', '/api/events', {
        orgId,
        kind: 'culture',
        title: `分组汇总${++serial}`,
        audienceOrgIds,
        sessions: [openSession(10)],
      });
      expect(created.statusCode, created.body).toBe(201);
      const event = created.json<EventDetail>();
      const signed = await ctx.call('POST', `/api/events/${event.id}/registrations/bulk`, {
        sessionId: event.sessions[0]!.id,
        key: `children-${event.id}`,
        memberIds: who.map((m) => m.id),
      });
      expect(signed.json<{ items: { outcome: string }[] }>().items.map((i) => i.outcome)).toEqual(who.map(() => 'confirmed'));
      await ctx.database.db.updateTable('event_registration').set({ status: 'attended' }).where('event_id', '=', event.id).execute();
      expect((await ctx.call('POST', `/api/events/${event.id}/close`, { summary: '结束' })).statusCode).toBe(200);
      return Number(event.sessions[0]!.startsAt.slice(0, 4));
    };
    const year = await closeEvent(streetA.id, [m1!, m2!], [streetA.id]);
    await closeEvent(streetB.id, [m1!], [streetA.id, streetB.id]);
    await addEntry({ orgId: streetA.id, dateFrom: `${year}-03-01`, peopleReached: 100 });
    await addEntry({ orgId: unionA.id, kind: 'legal', dateFrom: `${year}-03-02` });
    await addEntry({ orgId: streetB.id, dateFrom: `${year}-03-03`, peopleReached: 30, coOrgIds: [streetA.id] });
    await addEntry({ orgId: district.id, dateFrom: `${year}-03-04`, peopleReached: 7 });

    const rollupOf = async (orgId: number, cookie?: string) => {
      const r = await ctx.call('GET', `/api/ledger/rollup?orgId=${orgId}&year=${year}`, undefined, cookie);
      expect(r.statusCode, r.body).toBe(200);
      return r.json<LedgerRollup>();
    };
    const parent = await rollupOf(district.id);
    expect(parent.activities).toBe(6);
    expect(parent.people).toEqual({ members: 2, membersEntries: 2, reported: 137, reportedEntries: 3, entriesWithoutFigure: 1 });
    expect(parent.hasMoreChildren).toBe(false);
    // Most active first; the shared entry counts in A and in B, the district's own entry in neither.
    expect(parent.children).toEqual([
      {
        orgId: streetA.id,
        orgName: streetA.name,
        activities: 4,
        people: { members: 2, membersEntries: 1, reported: 130, reportedEntries: 2, entriesWithoutFigure: 1 },
      },
      {
        orgId: streetB.id,
        orgName: streetB.name,
        activities: 2,
        people: { members: 1, membersEntries: 1, reported: 30, reportedEntries: 1, entriesWithoutFigure: 0 },
      },
    ]);
    const own = 1;
    const shared = 1;
    expect(parent.children.reduce((n, c) => n + c.activities, 0)).toBe(parent.activities - own + shared);
    // m1 was reached under A and under B: once in each row, once in the district.
    expect(parent.children.map((c) => c.people.members)).toEqual([2, 1]);
    // Each row is the sub-node's own roll-up, which rolls up its own sub-nodes (a node without entries shows zeros).
    for (const child of parent.children) {
      const alone = await rollupOf(child.orgId);
      expect({ activities: alone.activities, people: alone.people }).toEqual({ activities: child.activities, people: child.people });
    }
    expect((await rollupOf(streetA.id)).children.map((c) => [c.orgName, c.activities])).toEqual([[unionA.name, 1]]);
    expect((await rollupOf(streetB.id)).children).toEqual([]);
    // A cadre of street A sees its own subtree: the district's roll-up is not found, its own rows are the same.
    const cadreA = await actorWith(ctx, 'union_cadre', streetA.id);
    expect((await ctx.call('GET', `/api/ledger/rollup?orgId=${district.id}&year=${year}`, undefined, cadreA.cookie)).statusCode).toBe(404);
    expect((await rollupOf(streetA.id, cadreA.cookie)).children).toEqual((await rollupOf(streetA.id)).children);
  });

  it('a training session held and an outreach meeting recorded add their entries, each once', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const asAdmin = async <T>(r: { method: 'POST'; url: string; payload: object }): Promise<T> => {
      const answer = await ctx.call(r.method, r.url, r.payload);
      expect(answer.statusCode, answer.body).toBeLessThan(300);
      return answer.json<T>();
    };
    const session = await sessionAt({ asAdmin, unique: () => ++serial }, union.id);
    const people = [await buildMember(ctx, union.id), await buildMember(ctx, union.id)];
    const marked = await ctx.call('POST', `/api/training/sessions/${session.id}/attendance`, { memberIds: people.map((p) => p.id) });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await ctx.call('POST', `/api/training/sessions/${session.id}/status`, { status: 'held' })).statusCode).toBe(200);
    expect((await ctx.call('POST', `/api/training/sessions/${session.id}/status`, { status: 'held' })).statusCode).toBe(200);
    const meeting = await ctx.call('POST', '/api/meetings', {
      orgId: union.id,
      kind: 'worker',
      title: '快递小哥沟通会',
      heldOn: '2026-05-30',
      venue: '驿站',
    });
    expect(meeting.statusCode).toBe(201);
    const entries = await ctx.database.db
      .selectFrom('ledger_entry')
      .select(['module', 'module_record_id', 'kind', 'people_reached', 'people_basis', 'place'])
      .where('org_id', '=', union.id)
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      { module: 'training', module_record_id: session.id, kind: 'training', people_reached: 2, people_basis: 'members', place: '职工之家' },
      {
        module: 'outreach',
        module_record_id: meeting.json<{ id: number }>().id,
        kind: 'outreach',
        people_reached: null,
        people_basis: null,
        place: '驿站',
      },
    ]);
  });

  it('a training run through an event adds one entry, the event’s, counting each person once', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const course = await ctx.call('POST', '/api/training/courses', { orgId: union.id, title: `台账送教${++serial}`, topic: '劳动法' });
    expect(course.statusCode, course.body).toBe(201);
    const start = Date.now() + 3 * 24 * 3600_000;
    const created = await ctx.call('POST', '/api/training/sessions', {
      courseId: course.json<{ id: number }>().id,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * 3600_000).toISOString(),
      place: '职工之家',
      capacity: 50,
    });
    expect(created.statusCode, created.body).toBe(201);
    const session = created.json<{ id: number }>();
    const linked = await ctx.call('POST', `/api/training/sessions/${session.id}/sign-up`, { capacity: 10 });
    expect(linked.statusCode, linked.body).toBe(201);
    const { eventId, eventSessionId } = linked.json<{ eventId: number; eventSessionId: number }>();
    // Two signed up through the event; a third is marked present from the cadre's list only.
    const people = [];
    for (let i = 0; i < 3; i++) people.push(await buildMember(ctx, union.id, { name: `送教学员${i}` }));
    const signed = await ctx.call('POST', `/api/events/${eventId}/registrations/bulk`, {
      sessionId: eventSessionId,
      key: `ledger-training-${eventId}`,
      memberIds: people.slice(0, 2).map((p) => p.id),
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const marked = await ctx.call('POST', `/api/training/sessions/${session.id}/attendance`, { memberIds: people.map((p) => p.id) });
    expect(marked.statusCode, marked.body).toBe(200);
    expect((await ctx.call('POST', `/api/training/sessions/${session.id}/status`, { status: 'held' })).statusCode).toBe(200);
    expect((await ctx.call('POST', `/api/events/${eventId}/close`, { summary: '送教圆满结束' })).statusCode).toBe(200);
    const entries = await ctx.database.db
      .selectFrom('ledger_entry')
      .select(['module', 'module_record_id', 'kind', 'people_reached', 'people_basis'])
      .where('org_id', '=', union.id)
      .execute();
    expect(entries).toEqual([
      { module: 'events', module_record_id: eventId, kind: 'training', people_reached: 3, people_basis: 'members' },
    ]);
  });

  it('exports a node’s year as the 工作台账 in Excel', async () => {
    const org = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    await addEntry({ orgId: org.id, title: '=HYPERLINK("x")', dateFrom: '2025-03-02', peopleReached: 30 });
    await addEntry({
      orgId: org.id,
      title: '职工书屋揭牌',
      kind: 'site',
      dateFrom: '2025-01-05',
      figures: [{ value: 500, unit: '册', counts: '图书' }],
    });
    const r = await ctx.app.inject({
      method: 'GET',
      url: `/api/ledger/export?orgId=${org.id}&year=2025`,
      headers: { cookie: ctx.adminCookie },
    });
    expect(r.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[1]!.slice(1)).toEqual(['序号', '日期', '类别', '工作内容', '主办单位', '协办单位', '地点', '参与人数', '主要数据', '来源']);
    expect(rows[2]!.slice(1, 4)).toEqual([1, '2025-01-05', '服务阵地']);
    expect(rows[2]![9]).toBe('图书 500册');
    expect(rows[3]![4]).toBe(`'=HYPERLINK("x")`);
    expect(rows[3]![8]).toBe('30（报告数）');
    expect(rows).toHaveLength(4);
  });

  it('creates an entry from a confirmed proposal, keeping a proposed node’s name and creating no node', async () => {
    const actor = {
      userId: 1,
      username: 'admin',
      displayName: 'admin',
      ip: '127.0.0.1',
      grants: [
        { id: 1, orgId: 1, orgPath: '1', orgName: '北京市总工会', orgKind: 'city_federation' as const, role: 'federation_admin' as const },
      ],
    };
    const nodesBefore = await ctx.database.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const entry = await createEntryFromProposal(ctx.database.db, actor, {
      orgId: tree.dongcheng.id,
      kind: 'membership',
      title: '新就业形态劳动者集中入会',
      dateFrom: '2025-06-18',
      coOrgIds: [],
      otherOrganisers: [],
      figures: [{ value: 179000, unit: '人', counts: '会员', approximate: true, snippet: '17.9万余人' }],
      sourceSnippet: '发展会员17.9万余人',
      sourceText: '本报讯 …… 发展会员17.9万余人。',
      proposedOrg: { name: '某物流公司工会', parentOrgId: tree.dongcheng.id },
    });
    expect(entry).toMatchObject({ source: 'report', otherOrganisers: ['某物流公司工会'], hasSourceText: true });
    const detail = (await ctx.call('GET', `/api/ledger/entries/${entry.id}`)).json<LedgerEntryDetail>();
    expect(detail.sourceText).toContain('17.9万余人');
    const nodesAfter = await ctx.database.db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(nodesAfter.n)).toBe(Number(nodesBefore.n));
    await expect(
      createEntryFromProposal(ctx.database.db, actor, {
        orgId: tree.dongcheng.id,
        kind: 'membership',
        title: 'x',
        dateFrom: '2025-06-18',
        coOrgIds: [],
        otherOrganisers: [],
        figures: [],
        proposedOrg: { name: '某公司工会', parentOrgId: tree.xicheng.id },
      }),
    ).rejects.toMatchObject({ code: 'LEDGER_PROPOSED_ORG_INVALID' });
  });
});
