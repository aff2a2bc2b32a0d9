import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readRoster } from '../rosters/roster.read.js';
import { neutraliseCell } from '../rosters/roster.errors-file.js';
import type { Member } from '../../../common/members.js';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  createTestContext,
  makeIdNumber,
  makePhone,
  type TestContext,
} from '../../testing/harness.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let union: { id: number };
const idNumber = makeIdNumber();
const phone = makePhone();
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
  await buildMember(ctx, union.id, { name: '赵敏', idNumber, phone });
  for (let i = 0; i < 4; i++) await buildMember(ctx, union.id);
  const applied = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/applications',
    payload: {
      name: '公式',
      idNumber: makeIdNumber(),
      phone: makePhone(),
      employmentForm: 'standard',
      employerName: '=HYPERLINK("http://x")',
      orgId: union.id,
    },
  });
  const apps = await ctx.app.inject({ method: 'GET', url: `/api/applications?orgId=${union.id}`, headers: { cookie: ctx.adminCookie } });
  const id = apps
    .json<{ items: { id: number; trackingCode: string }[] }>()
    .items.find((a) => a.trackingCode === applied.json().trackingCode)!.id;
  await ctx.app.inject({
    method: 'POST',
    url: '/api/applications/decisions',
    payload: { ids: [id], decision: 'approve' },
    headers: { cookie: ctx.adminCookie },
  });
});
afterAll(async () => ctx?.close());

const download = (query: string, cookie = ctx.adminCookie) =>
  ctx.app.inject({ method: 'GET', url: `/api/members/export?${query}`, headers: { cookie } });

describe('member export', () => {
  it('streams a CSV of the subtree, masked, with formula cells neutralised', async () => {
    const response = await download(`orgId=${union.id}&format=csv`);
    expect(response.statusCode).toBe(200);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('姓名,身份证号,手机号,性别,出生日期,用工形式,所在单位,所属工会,入会日期,会籍状态,会员卡号');
    expect(lines).toHaveLength(7);
    expect(response.body).not.toContain(idNumber);
    expect(response.body).toContain(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
    expect(response.body).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('holds what the list shows under its filters, in a file named after the node and the day', async () => {
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/api/members?orgId=${union.id}&q=${encodeURIComponent('赵敏')}`,
      headers: { cookie: ctx.adminCookie },
    });
    expect(listed.json<{ items: unknown[] }>().items).toHaveLength(1);
    const response = await download(`orgId=${union.id}&format=csv&q=${encodeURIComponent('赵敏')}`);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^赵敏,/);
    const none = await download(`orgId=${union.id}&format=csv&status=lapsed`);
    expect(
      none.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toHaveLength(1);
    const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(response.headers['content-disposition']))![1]!);
    const unionName = (await ctx.app.inject({ method: 'GET', url: `/api/orgs/${union.id}`, headers: { cookie: ctx.adminCookie } })).json<{
      name: string;
    }>().name;
    expect(name).toMatch(new RegExp(`^${unionName}_会员名单_\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  });

  it('puts each member’s values in their own columns, as the list shows them', async () => {
    const csv = parse((await download(`orgId=${union.id}&format=csv`)).body.replace(/^\uFEFF/, '')) as string[][];
    const listed = await ctx.app.inject({ method: 'GET', url: `/api/members?orgId=${union.id}`, headers: { cookie: ctx.adminCookie } });
    const members = listed.json<{ items: Member[] }>().items;
    const gender = { male: '男', female: '女' };
    const status = { member: '在会', lapsed: '已离会' };
    const expected = members.map((m) =>
      [
        m.name,
        m.idNumberMasked,
        m.phoneMasked ?? '',
        gender[m.gender],
        m.birthDate,
        m.employmentForm === 'standard' ? '标准用工' : m.employmentForm,
        m.employerName ?? '',
        m.orgName,
        m.joinDate,
        status[m.status],
        m.cardNo ?? '',
      ].map((v) => neutraliseCell(v, 'csv')),
    );
    expect(members.length).toBe(6);
    expect(csv.slice(1)).toEqual(expected);
  });

  it('writes an .xlsx whose cells are text and never live formulas', async () => {
    const response = await download(`orgId=${union.id}&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('writes an .xlsx that reads back in exceljs and in the roster reader cell for cell as the CSV', async () => {
    const csv = parse((await download(`orgId=${union.id}&format=csv`)).body.replace(/^\uFEFF/, '')) as string[][];
    expect(csv.some((row) => row[0] === '赵敏')).toBe(true);
    const unionName = (await ctx.app.inject({ method: 'GET', url: `/api/orgs/${union.id}`, headers: { cookie: ctx.adminCookie } })).json<{
      name: string;
    }>().name;
    expect(csv.slice(1).map((row) => row[7])).toEqual(csv.slice(1).map(() => unionName));
    const xlsx = (await download(`orgId=${union.id}&format=xlsx`)).rawPayload;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.name).toBe('会员名单');
    const loaded: string[][] = [];
    book.worksheets[0]!.eachRow((row) => loaded.push(csv[0]!.map((_, i) => String(row.getCell(i + 1).value ?? ''))));
    expect(loaded).toEqual(csv);
    const dir = await mkdtemp(path.join(tmpdir(), 'gonghui-export-'));
    try {
      await writeFile(path.join(dir, 'members.xlsx'), xlsx);
      const read: string[][] = [];
      for await (const row of readRoster(path.join(dir, 'members.xlsx'))) read.push(csv[0]!.map((_, i) => row.raw[i] ?? ''));
      expect(read).toEqual(csv.slice(1));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reveals full values only to a role that may, and audits the export', async () => {
    const revealed = await download(`orgId=${union.id}&format=csv&reveal=1&reason=${encodeURIComponent('工会会员保险投保')}`);
    expect(revealed.body).toContain(idNumber);
    expect(revealed.body).toContain(phone);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'member.export')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await download(`orgId=${union.id}&format=csv`, reader.cookie)).statusCode).toBe(403);
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await download(`orgId=${union.id}&format=csv`, cadre.cookie)).statusCode).toBe(404);
  });
});
