import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { actorWith, buildMember, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { Coverage, CoverageBreakdown } from '../../../common/coverage.js';
import { changeSince, shiftMonth, type CoverageTrend, type DistrictList } from '../../../common/coverage.reports.js';
import { usccCheckChar } from '../../../common/uscc.js';
import { monthOf } from '../../../common/beijing-time.js';
import { reconstructPastMonths, takeMonthEndSnapshot } from './coverage.reports.service.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let usccSerial = 300000000;
const nextUscc = () => {
  const body = `91110101${String(usccSerial++).padStart(9, '0')}`;
  return body + usccCheckChar(body);
};
async function addEmployer(streetOrgId: number, unionOrgId: number | null, headcount: number) {
  const response = await ctx.call('POST', '/api/employers', {
    name: `报表企业${usccSerial}`,
    uscc: nextUscc(),
    headcount,
    industry: 'C',
    streetOrgId,
    unionOrgId,
  });
  if (response.statusCode !== 201) throw new Error(response.body);
}
const coverageOf = async (id: number) => (await ctx.call('GET', `/api/coverage/${id}`)).json<Coverage>();
const pick = (c: Coverage) => ({
  members: c.members,
  employees: c.employees,
  employeesCovered: c.employeesCovered,
  employers: c.employers,
  employersCovered: c.employersCovered,
  membershipRate: c.membershipRate,
  unionisationRate: c.unionisationRate,
});

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  await addEmployer(tree.dcStreet.id, tree.dcUnion.id, 120);
  await addEmployer(tree.dcStreet.id, null, 300);
  await addEmployer(tree.dcStreet2.id, null, 40);
  await addEmployer(tree.xcStreet.id, tree.xcUnion.id, 150);
  for (let i = 0; i < 3; i++) await buildMember(ctx, tree.dcUnion.id);
  await buildMember(ctx, tree.dcBranch.id);
  await buildMember(ctx, tree.xcUnion.id);
}, 120_000);
afterAll(async () => ctx?.close());

/** The report's first sheet as rows of cell values (title, header, lines). */
async function readReport(url: string, cookie?: string) {
  const response = await ctx.call('GET', url, undefined, cookie);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { response, rows };
}
const asLine = (row: unknown[]) => ({
  label: String(row[0]).trim(),
  isIndented: /^\s/.test(String(row[0])),
  employees: row[1],
  employeesCovered: row[2],
  members: row[3],
  membershipRate: row[4] ?? null,
  employersCovered: row[5],
  employers: row[6],
  unionisationRate: row[9] ?? null,
});
/** The lines a 合计 adds up: not indented, not a group's heading, not the 合计 itself. */
const topLevel = (lines: ReturnType<typeof asLine>[]) =>
  lines.filter((l) => !l.isIndented && l.employees !== undefined && l.label !== '合计' && l.label !== 'Total');
const sumOf = (lines: ReturnType<typeof asLine>[], key: 'members' | 'employees' | 'employeesCovered' | 'employers' | 'employersCovered') =>
  lines.reduce((n, l) => n + Number(l[key]), 0);

describe('coverage snapshots and trend', () => {
  it('lets only a federation admin at the root take a snapshot on demand', async () => {
    const districtAdmin = await actorWith(ctx, 'federation_admin', tree.dongcheng.id);
    expect((await ctx.call('POST', '/api/coverage/snapshots', {}, districtAdmin.cookie)).statusCode).toBe(403);
    const response = await ctx.call('POST', '/api/coverage/snapshots', {});
    expect(response.statusCode).toBe(200);
    expect(response.json<{ month: string; orgs: number }>()).toMatchObject({ month: monthOf(new Date()) });
    expect(response.json<{ orgs: number }>().orgs).toBeGreaterThanOrEqual(9);
  });

  it('takes the month-end snapshot once (idempotent) and the trend ends with the live roll-up', async () => {
    const db = ctx.database.db;
    expect(await takeMonthEndSnapshot(db)).toBeGreaterThan(0);
    expect(await takeMonthEndSnapshot(db)).toBe(0);
    const trend = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/trend?months=24`)).json<CoverageTrend>();
    const current = monthOf(new Date());
    expect(trend.points.map((p) => [p.month, p.source])).toEqual([
      [shiftMonth(current, -1), 'month_end'],
      [current, 'live'],
    ]);
    const live = await coverageOf(tree.dongcheng.id);
    expect(trend.points[1]).toMatchObject(pick(live));
    expect(trend.points[0]).toMatchObject(pick(live)); // nothing changed since the snapshot
    await buildMember(ctx, tree.dcUnion.id);
    const after = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/trend`)).json<CoverageTrend>();
    expect(changeSince(after.points, 1, (p) => p.members)).toMatchObject({ previous: live.members, delta: 1 });
    expect(changeSince(after.points, 12, (p) => p.members)).toBeNull();
  });

  it('reconstructs past months from join dates without touching a snapshot taken at month end', async () => {
    const db = ctx.database.db;
    const current = monthOf(new Date());
    // One 东城 member joined five months ago: the reconstructed months before that count one member fewer.
    await db
      .updateTable('member')
      .set({ join_date: `${shiftMonth(current, -5)}-15` })
      .where('org_id', '=', tree.dcBranch.id)
      .execute();
    expect(await reconstructPastMonths(db, 12)).toBeGreaterThan(0);
    const trend = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/trend?months=12`)).json<CoverageTrend>();
    const byMonth = new Map(trend.points.map((p) => [p.month, p]));
    const live = await coverageOf(tree.dongcheng.id);
    expect(byMonth.get(shiftMonth(current, -1))?.source).toBe('month_end');
    expect(byMonth.get(shiftMonth(current, -5))).toMatchObject({ source: 'reconstructed', members: 1 });
    expect(byMonth.get(shiftMonth(current, -6))).toMatchObject({ source: 'reconstructed', members: 0, employers: live.employers });
    expect(trend.points).toHaveLength(12);
  });

  it('is scoped: a cadre of 西城 gets 404 for the trend of 东城', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/trend`, undefined, cadre.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', `/api/coverage/${tree.xicheng.id}/trend`, undefined, cadre.cookie)).statusCode).toBe(200);
  });
});

describe('the district map', () => {
  it('gives the city every district with the roll-up figures, a district cadre their own only', async () => {
    const all = (await ctx.call('GET', '/api/coverage/districts')).json<DistrictList>();
    const ids = all.items.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([tree.dongcheng.id, tree.xicheng.id]));
    for (const district of all.items) expect(district).toMatchObject(pick(await coverageOf(district.id)));
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const own = (await ctx.call('GET', '/api/coverage/districts', undefined, cadre.cookie)).json<DistrictList>();
    expect(own.items.map((d) => d.id)).toEqual([tree.xicheng.id]);
    const streetCadre = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect((await ctx.call('GET', '/api/coverage/districts', undefined, streetCadre.cookie)).json<DistrictList>().items).toEqual([]);
  });
});

describe('统计报表 (Excel)', () => {
  it('lists a district by street with the roll-up figures; the 合计 is the district', async () => {
    const { response, rows } = await readReport(`/api/coverage/report?orgId=${tree.dongcheng.id}`);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="coverage-report-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/,
    );
    const name = decodeURIComponent(String(response.headers['content-disposition']).split("''")[1]!);
    expect(name).toMatch(new RegExp(`^${tree.dongcheng.name}_覆盖情况统计表_\\d{4}-\\d{2}-\\d{2}\\.xlsx$`));
    expect(String(rows[0]![0])).toContain(tree.dongcheng.name);
    expect(rows[1]!.slice(0, 7)).toEqual(['单位', '职工数', '建会单位职工数', '会员数', '入会率', '建会单位数', '单位数']);
    const children = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/children`)).json<CoverageBreakdown>();
    const lines = rows.slice(2).map(asLine);
    // A street with unions is a group: its 小计 is the street's figure and the sum of its lines.
    const street = children.children.find((c) => c.orgId === tree.dcStreet.id)!;
    const start = lines.findIndex((l) => l.label === tree.dcStreet.name);
    const end = lines.findIndex((l) => l.label === `小计（${tree.dcStreet.name}）`);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const group = lines.slice(start + 1, end);
    expect(lines[end]).toMatchObject(pick(street));
    for (const key of ['members', 'employees', 'employeesCovered', 'employers', 'employersCovered'] as const) {
      expect(sumOf(group, key)).toBe(street[key]);
    }
    const total = lines[lines.length - 1]!;
    expect(total.label).toBe('合计');
    expect(total).toMatchObject(pick(await coverageOf(tree.dongcheng.id)));
    for (const key of ['members', 'employees', 'employeesCovered', 'employers', 'employersCovered'] as const) {
      expect(sumOf(topLevel(lines), key)).toBe(total[key]);
    }
  });

  it('makes the city report by district with subtotals that add up to the 合计, in English too', async () => {
    const { rows } = await readReport('/api/coverage/report?orgId=1');
    const lines = rows.slice(2).map(asLine);
    const subtotals = lines.filter((l) => l.label.startsWith('小计'));
    expect(subtotals.map((s) => s.label)).toEqual(
      expect.arrayContaining([`小计（${tree.dongcheng.name}）`, `小计（${tree.xicheng.name}）`]),
    );
    const total = lines[lines.length - 1]!;
    expect(total).toMatchObject(pick(await coverageOf(1)));
    for (const key of ['members', 'employees', 'employeesCovered', 'employers', 'employersCovered'] as const) {
      expect(sumOf(topLevel(lines), key)).toBe(total[key]);
    }
    const english = await ctx.app.inject({
      method: 'GET',
      url: '/api/coverage/report?orgId=1',
      headers: { cookie: ctx.adminCookie, 'accept-language': 'en' },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('Unit');
  });

  it('reports a past month from its snapshot, refuses a future month and a month without one', async () => {
    const previous = shiftMonth(monthOf(new Date()), -1);
    const past = await readReport(`/api/coverage/report?orgId=${tree.dongcheng.id}&date=${previous}-10`);
    const trend = (await ctx.call('GET', `/api/coverage/${tree.dongcheng.id}/trend`)).json<CoverageTrend>();
    const snapshot = trend.points.find((p) => p.month === previous)!;
    const total = asLine(past.rows[past.rows.length - 1]!);
    expect(total).toMatchObject({ members: snapshot.members, employees: snapshot.employees });
    expect(String(past.rows[0]![0])).toContain(`${previous}-`);
    const future = await ctx.call('GET', `/api/coverage/report?orgId=${tree.dongcheng.id}&date=${shiftMonth(monthOf(new Date()), 2)}`);
    expect(future.statusCode).toBe(422);
    expect(future.json<{ message: string }>().message).toBe('报表日期不能晚于本月');
    expect((await ctx.call('GET', `/api/coverage/report?orgId=${tree.dongcheng.id}&date=2001-01`)).statusCode).toBe(422);
    expect((await ctx.call('GET', `/api/coverage/report?orgId=${tree.dongcheng.id}&date=2001-13`)).statusCode).toBe(400);
  });

  it('is scoped: a cadre of 西城 gets 404 for a 东城 report, and reports their own', async () => {
    const cadre = await actorWith(ctx, 'read_only', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/coverage/report?orgId=${tree.dongcheng.id}`, undefined, cadre.cookie)).statusCode).toBe(404);
    expect((await ctx.call('GET', '/api/coverage/report?orgId=1', undefined, cadre.cookie)).statusCode).toBe(404);
    const own = await readReport(`/api/coverage/report?orgId=${tree.xicheng.id}`, cadre.cookie);
    expect(asLine(own.rows[own.rows.length - 1]!)).toMatchObject(pick(await coverageOf(tree.xicheng.id)));
  });

  it('shows a node without children as its own line', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    const { rows } = await readReport(`/api/coverage/report?orgId=${union.id}`);
    expect(rows.slice(2).map((r) => String(r[0]))).toEqual([`${union.name}（本级）`, '合计']);
  });
});
