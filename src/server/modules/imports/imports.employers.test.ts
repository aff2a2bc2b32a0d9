import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildOrg, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import type { ImportJob } from '../../../common/imports.js';
import type { Coverage } from '../../../common/coverage.js';
import { diffCoverage } from '../coverage/coverage.rollup.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeEach(async () => {
  ctx = await createTestContext({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-roster-employers-')) });
  tree = await buildTree(ctx);
});
afterEach(async () => ctx?.close());

const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄强'];

/** A real .xlsx roster: one row per employer given (its 所在单位, and its 统一社会信用代码 if any), each a different person. */
async function rosterNaming(employers: (string | { name: string; uscc: string })[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员名册');
  sheet.addRow(['姓名', '身份证号', '手机号', '用工形式', '所在单位', '入会日期', '统一社会信用代码']);
  employers.forEach((employer, i) => {
    const { name, uscc } = typeof employer === 'string' ? { name: employer, uscc: '' } : employer;
    sheet.addRow([names[i % names.length], makeIdNumber(), makePhone(), '全日制', name, '2024-05-01', uscc]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function importRoster(orgId: number, file: Buffer): Promise<ImportJob> {
  const boundary = `----gonghui${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const started = await ctx.app.inject({
    method: 'POST',
    url: `/api/imports?orgId=${orgId}`,
    payload,
    headers: { cookie: ctx.adminCookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  expect(started.statusCode).toBe(202);
  await ctx.app.importQueue.idle();
  const id = started.json<ImportJob>().id;
  return (await ctx.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: ctx.adminCookie } })).json<ImportJob>();
}

async function createEmployer(name: string, headcount: number, unionOrgId: number, uscc?: string): Promise<number> {
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/employers',
    headers: { cookie: ctx.adminCookie },
    payload: { name, headcount, industry: 'G', streetOrgId: tree.dcStreet.id, unionOrgId, ...(uscc ? { uscc } : {}) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: number }>().id;
}

const coverageOf = async (orgId: number) =>
  (await ctx.app.inject({ method: 'GET', url: `/api/coverage/${orgId}`, headers: { cookie: ctx.adminCookie } })).json<Coverage>();

const employersOfMembers = async (orgId: number) =>
  (await ctx.database.db.selectFrom('member').select(['employer_id']).where('org_id', '=', orgId).execute()).map((m) => m.employer_id);

describe('rosters that name employers', () => {
  it('puts each member on the covered employer the roster names, holds and reports the rows of an unknown one', async () => {
    const joint = await buildOrg(ctx, tree.dcStreet.id, 'joint_union');
    const courier = await createEmployer('北京顺丰速运有限公司', 3, joint.id);
    const market = await createEmployer('新发地农产品有限责任公司', 2, joint.id, '91110105MA01ABCD13');
    const roster = await rosterNaming([
      '北京顺丰速运有限责任公司', // 有限责任公司 for 有限公司
      ' 北京 顺丰速运有限公司 ',
      '新发地农产品有限公司',
      { name: '新发地市场', uscc: '91110105MA01ABCD13' }, // another name, the USCC in its own column
      '首开天岳恒物业（东城）',
      '首开天岳恒物业(东城)',
      '首开天岳恒物业（东城）',
    ]);

    const job = await importRoster(joint.id, roster);
    expect(job).toMatchObject({ status: 'done', rowsRead: 7, imported: 4, rejected: 0, held: 3, hasErrorFile: true });
    expect(job.unknownEmployers).toEqual([{ name: '首开天岳恒物业（东城）', rows: 3 }]);
    expect((await employersOfMembers(joint.id)).sort()).toEqual([courier, courier, market, market].sort());
    const coverage = await coverageOf(joint.id);
    expect(coverage).toMatchObject({ members: 4, employeesCovered: 5 });
    expect(coverage.membershipRate).toBeLessThanOrEqual(1); // 入会率 80 %, not 7 / 5

    // The cadre creates the employer the result named, and imports the same file again: the held rows join it.
    const created = await createEmployer('首开天岳恒物业（东城）', 4, joint.id);
    const again = await importRoster(joint.id, roster);
    expect(again).toMatchObject({ imported: 3, duplicates: 4, attached: 0, held: 0, unknownEmployers: [] });
    expect((await employersOfMembers(joint.id)).filter((e) => e === created)).toHaveLength(3);
    expect((await coverageOf(joint.id)).membershipRate).toBeLessThanOrEqual(1);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('a union with no employer on record yet imports its rows without one, names them, and a re-import attaches them', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const roster = await rosterNaming(['某某科技有限公司', '某某科技有限公司']);
    const job = await importRoster(union.id, roster);
    expect(job, JSON.stringify(job)).toMatchObject({ imported: 2, held: 0, unknownEmployers: [{ name: '某某科技有限公司', rows: 2 }] });
    expect(await employersOfMembers(union.id)).toEqual([null, null]);

    // Once the employer is recorded, the same roster imported again puts them on it.
    const employer = await createEmployer('某某科技有限责任公司', 5, union.id);
    const again = await importRoster(union.id, roster);
    expect(again).toMatchObject({ imported: 0, duplicates: 2, attached: 2, held: 0, unknownEmployers: [] });
    expect(await employersOfMembers(union.id)).toEqual([employer, employer]);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });
});
