import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildOrg, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';

let ctx: TestContext;
let union: { id: number };
/** Employer names as a worker may type them on the public form: each starts with a full-width formula trigger. */
const fullWidthTriggers = ['＝HYPERLINK("http://x")', '＋1+1', '－2+3', '＠SUM(A1)'];

beforeAll(async () => {
  ctx = await createTestContext();
  const tree = await buildTree(ctx);
  union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
  for (const employerName of fullWidthTriggers) {
    const applied = await ctx.call(
      'POST',
      '/api/public/applications',
      { name: '全角', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'standard', employerName, orgId: union.id },
      '',
    );
    expect(applied.statusCode).toBe(201);
  }
  const pending = await ctx.call('GET', `/api/applications?orgId=${union.id}`);
  const ids = pending.json<{ items: { id: number }[] }>().items.map((a) => a.id);
  expect((await ctx.call('POST', '/api/applications/decisions', { ids, decision: 'approve' })).statusCode).toBe(200);
});
afterAll(async () => ctx?.close());

describe('member export of full-width formula triggers', () => {
  it('a CSV export neutralises cells starting with ＝ ＋ － ＠ like their ASCII forms', async () => {
    const response = await ctx.call('GET', `/api/members/export?orgId=${union.id}&format=csv`);
    expect(response.statusCode).toBe(200);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(1 + fullWidthTriggers.length);
    for (const name of fullWidthTriggers) {
      const field = name.includes('"') || name.includes(',') ? `"'${name.replaceAll('"', '""')}"` : `'${name}`;
      expect(response.body).toContain(`,${field},`);
    }
  });

  it('an .xlsx export stores those cells as text with the apostrophe, never as formulas', async () => {
    const response = await ctx.call('GET', `/api/members/export?orgId=${union.id}&format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const texts: string[] = [];
    book.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        texts.push(String(cell.value));
      }),
    );
    for (const name of fullWidthTriggers) expect(texts).toContain(`'${name}`);
  });
});
