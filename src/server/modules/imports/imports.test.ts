import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { actorWith, buildOrg, buildTree, createTestContext, type TestContext } from '../../testing/harness.js';
import type { ImportJob } from '../../../common/imports.js';
import type { Coverage } from '../../../common/coverage.js';
import { diffCoverage } from '../coverage/coverage.rollup.js';
import { createJob, runImportJob } from './imports.runner.js';
import { importRosterFile } from './imports.service.js';
import { bombSheet, buildZip, workbookAround } from '../rosters/roster.test-support.js';

const fixtures = path.resolve(import.meta.dirname, '../../../../../shared/fixtures');
// The fixtures are the same people in different files, so each test gets a database of its own.
let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeEach(async () => {
  ctx = await createTestContext({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-imports-')) });
  tree = await buildTree(ctx);
});
afterEach(async () => ctx?.close());

function multipart(fileName: string, content: Buffer) {
  const boundary = `----gonghui${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function upload(orgId: number, fixture: string, cookie = ctx.adminCookie) {
  const body = multipart(fixture, fs.readFileSync(path.join(fixtures, fixture)));
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/api/imports?orgId=${orgId}`,
    payload: body.payload,
    headers: { cookie, 'content-type': body.contentType },
  });
  return response;
}

async function finished(id: number): Promise<ImportJob> {
  await ctx.app.importQueue.idle();
  return (await ctx.app.inject({ method: 'GET', url: `/api/imports/${id}`, headers: { cookie: ctx.adminCookie } })).json<ImportJob>();
}

describe('roster imports', () => {
  it('imports the messy roster: valid rows after normalising, every other row in the error file with its reason', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const started = await upload(union.id, 'roster-messy.xlsx');
    expect(started.statusCode).toBe(202);
    const job = await finished(started.json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 200, imported: 193, rejected: 7, duplicates: 0, hasErrorFile: true });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/coverage/${union.id}`, headers: { cookie: ctx.adminCookie } })).json<Coverage>()
        .members,
    ).toBe(193);

    const errors = await ctx.app.inject({ method: 'GET', url: `/api/imports/${job.id}/errors`, headers: { cookie: ctx.adminCookie } });
    expect(errors.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(errors.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(header).toContain('错误原因');
    const reasons: string[] = [];
    sheet.eachRow((row, n) => n > 1 && reasons.push(String(row.getCell(header.indexOf('错误原因')).value)));
    expect(reasons).toHaveLength(7);
    expect(reasons.join('\n')).toMatch(/校验位/);
    expect(reasons.join('\n')).toMatch(/15 位/);
    expect(reasons.join('\n')).toMatch(/重复/);
  });

  it('a roster naming members of another union opens no transfer: they are listed apart and asked for in one action', async () => {
    const first = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const second = await buildOrg(ctx, tree.xcStreet.id, 'grassroots_union');
    await finished((await upload(first.id, 'roster-messy.xlsx')).json<ImportJob>().id);
    const job = await finished((await upload(second.id, 'roster-messy.xlsx')).json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'done', rowsRead: 200, imported: 0, rejected: 7, duplicates: 0, elsewhere: 193 });
    const transfers = () =>
      ctx.database.db.selectFrom('member_transfer').select(['id', 'consent', 'requested_by', 'requested_via']).execute();
    expect(await transfers()).toEqual([]);
    type Listed = { items: { rowNumber: number; idNumberMasked: string; transferId: number | null }[]; nextCursor: string | null };
    const page = async (cursor?: string) =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/imports/${job.id}/elsewhere?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          headers: { cookie: ctx.adminCookie },
        })
      ).json<Listed>();
    const pageOne = await page();
    const pageTwo = await page(pageOne.nextCursor!);
    expect([pageOne.items.length, pageTwo.items.length, pageTwo.nextCursor]).toEqual([100, 93, null]);
    const rows = [...pageOne.items, ...pageTwo.items];
    expect(new Set(rows.map((r) => r.rowNumber)).size).toBe(193);
    expect(rows.every((r) => r.transferId === null && /\*/.test(r.idNumberMasked))).toBe(true);
    const outsider = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const foreign = await ctx.app.inject({ method: 'POST', url: `/api/imports/${job.id}/transfers`, headers: { cookie: outsider.cookie } });
    expect(foreign.statusCode).toBe(404);
    const cadre = await actorWith(ctx, 'union_cadre', second.id);
    const asked = await ctx.app.inject({ method: 'POST', url: `/api/imports/${job.id}/transfers`, headers: { cookie: cadre.cookie } });
    expect(asked.json()).toEqual({ requested: 193, skipped: 0 });
    const opened = await transfers();
    expect(opened).toHaveLength(193);
    expect(opened.every((t) => t.consent === null && t.requested_by === cadre.userId && t.requested_via === 'roster')).toBe(true);
    const again = await ctx.app.inject({ method: 'POST', url: `/api/imports/${job.id}/transfers`, headers: { cookie: cadre.cookie } });
    expect(again.json()).toEqual({ requested: 0, skipped: 193 });
    const audit = await ctx.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'import.request_transfers').execute();
    expect(audit).toHaveLength(2);
    const notices = await ctx.database.db.selectFrom('message_outbox').select('id').where('purpose', '=', 'transfer_notice').execute();
    expect(notices).toHaveLength(193);
  });

  it('the same file uploaded twice creates no duplicates', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const first = await finished((await upload(union.id, 'roster-clean.xlsx')).json<ImportJob>().id);
    expect(first).toMatchObject({ imported: 200, rejected: 0, duplicates: 0 });
    const second = await finished((await upload(union.id, 'roster-clean.xlsx')).json<ImportJob>().id);
    expect(second).toMatchObject({ imported: 0, rejected: 0, duplicates: 200 });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/coverage/${union.id}`, headers: { cookie: ctx.adminCookie } })).json<Coverage>()
        .members,
    ).toBe(200);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('reads GBK and UTF-8 CSV rosters', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'joint_union');
    expect(await finished((await upload(union.id, 'roster-gbk.csv')).json<ImportJob>().id)).toMatchObject({
      status: 'done',
      imported: 100,
      rejected: 0,
    });
    const names = await ctx.app.inject({
      method: 'GET',
      url: `/api/members?orgId=${union.id}&limit=200`,
      headers: { cookie: ctx.adminCookie },
    });
    expect(names.body).toMatch(/[\u4e00-\u9fa5]{2,}/);
    // The UTF-8 file holds the same 100 people: read right, every one is recognised as already in.
    expect(await finished((await upload(union.id, 'roster-utf8.csv')).json<ImportJob>().id)).toMatchObject({
      status: 'done',
      imported: 0,
      duplicates: 100,
    });
  });

  it('explains ID numbers that Excel turned into numbers', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    const job = await finished((await upload(union.id, 'roster-id-as-number.xlsx')).json<ImportJob>().id);
    // Numbers ending in X cannot become numbers, so those stay text and are valid; every other row is lost digits.
    const imported = (
      await ctx.app.inject({ method: 'GET', url: `/api/members?orgId=${union.id}&limit=200`, headers: { cookie: ctx.adminCookie } })
    ).json<{ items: { idNumberMasked: string }[] }>().items;
    expect(imported.every((m) => m.idNumberMasked.endsWith('X'))).toBe(true);
    expect(job.imported).toBe(imported.length);
    expect(job.rejected).toBe(200 - imported.length);
    const errors = await ctx.app.inject({ method: 'GET', url: `/api/imports/${job.id}/errors`, headers: { cookie: ctx.adminCookie } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(errors.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const reasonColumn = (sheet.getRow(1).values as unknown[]).map(String).indexOf('错误原因');
    sheet.eachRow((row, n) => n > 1 && expect(String(row.getCell(reasonColumn).value)).toMatch(/科学计数法/));
  });

  it('refuses a file that is not a spreadsheet, and an upload to a foreign subtree', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    const body = multipart('notes.txt', Buffer.from('hello'));
    const wrongType = await ctx.app.inject({
      method: 'POST',
      url: `/api/imports?orgId=${union.id}`,
      payload: body.payload,
      headers: { cookie: ctx.adminCookie, 'content-type': body.contentType },
    });
    expect(wrongType.json().code).toBe('UPLOAD_TYPE');
    const broken = multipart('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    const started = await ctx.app.inject({
      method: 'POST',
      url: `/api/imports?orgId=${union.id}`,
      payload: broken.payload,
      headers: { cookie: ctx.adminCookie, 'content-type': broken.contentType },
    });
    const job = await finished(started.json<ImportJob>().id);
    expect(job.status).toBe('failed');
    expect(job.failure).toBeTruthy();
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await upload(union.id, 'roster-clean.xlsx', cadre.cookie)).statusCode).toBe(404);
  });

  it('a roster refused for a lie inside its archive imports nobody, not even the rows before the lie', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const sheet = await bombSheet(20 * 1024 * 1024);
    const body = multipart('liar.xlsx', buildZip(workbookAround({ ...sheet, uncompressedSize: sheet.data.length * 10 })));
    const started = await ctx.app.inject({
      method: 'POST',
      url: `/api/imports?orgId=${union.id}`,
      payload: body.payload,
      headers: { cookie: ctx.adminCookie, 'content-type': body.contentType },
    });
    const job = await finished(started.json<ImportJob>().id);
    expect(job).toMatchObject({ status: 'failed', rowsRead: 0, imported: 0, rejected: 0, hasErrorFile: false });
    expect(job.failure).toMatch(/解压后过大/);
  });

  it("a write the database refuses fails the job as the platform's error, naming the job, and imports nobody", async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    // A real refusal from the database mid-import: a trigger stands in for a disk that fills or a constraint that breaks.
    await sql`CREATE FUNCTION refuse_member() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'refused for the test'; END $$`.execute(ctx.database.db);
    await sql`CREATE TRIGGER refuse_member BEFORE INSERT ON member FOR EACH ROW EXECUTE FUNCTION refuse_member()`.execute(ctx.database.db);
    const started = await upload(union.id, 'roster-clean.xlsx');
    const id = started.json<ImportJob>().id;
    const job = await finished(id);
    expect(job).toMatchObject({ status: 'failed', imported: 0 });
    expect(job.failure).toContain(`import-${id}`);
    expect(job.failure).not.toMatch(/\{ref\}|refused for the test|at .*\.js/);
  });

  it('a job stopped between batches resumes after the rows already committed, each member exactly once', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const deps = ctx.app.deps;
    const body = multipart('roster-clean.xlsx', fs.readFileSync(path.join(fixtures, 'roster-clean.xlsx')));
    // Queue nothing: create the job through the CLI path's repository, then run it by hand in small batches.
    const jobId = await createJob(ctx.database.db, {
      orgId: union.id,
      orgPath: (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', union.id).executeTakeFirstOrThrow()).path,
      fileName: 'roster-clean.xlsx',
      filePath: path.join(fixtures, 'roster-clean.xlsx'),
      sha256: 'x',
      bytes: body.payload.length,
      createdBy: null,
    });
    const stop = new AbortController();
    stop.abort(); // stops after the first committed batch
    expect(await runImportJob(deps, jobId, { batchRows: 50, signal: stop.signal })).toBe('stopped');
    const halfway = await ctx.database.db
      .selectFrom('import_job')
      .select(['status', 'rows_read', 'imported'])
      .where('id', '=', jobId)
      .executeTakeFirstOrThrow();
    expect(halfway).toEqual({ status: 'running', rows_read: 50, imported: 50 });
    const summary = await runImportJob(deps, jobId, { batchRows: 50 });
    expect(summary).toMatchObject({ imported: 200, rejected: 0, duplicates: 0 });
    const count = await ctx.database.db
      .selectFrom('member')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', union.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(200);
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });

  it('the command-line import carries on an interrupted job of the same file instead of starting another', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const file = path.join(fixtures, 'roster-clean.xlsx');
    const first = await importRosterFile(ctx.app.deps, { filePath: file, orgId: union.id }, () => undefined);
    expect(first).toMatchObject({ imported: 200, duplicates: 0 });
    await ctx.database.db.updateTable('import_job').set({ status: 'running' }).where('org_id', '=', union.id).execute();
    const again = await importRosterFile(ctx.app.deps, { filePath: file, orgId: union.id }, () => undefined);
    expect(again).toMatchObject({ imported: 200, duplicates: 0 });
    const jobs = await ctx.database.db.selectFrom('import_job').select('id').where('org_id', '=', union.id).execute();
    expect(jobs).toHaveLength(1);
  });
});

describe('data quality per unit', () => {
  it('scores a unit on its rosters and records, rolled up the tree, and a rebuild agrees', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    await finished((await upload(union.id, 'roster-messy.xlsx')).json<ImportJob>().id);
    const coverage = (
      await ctx.app.inject({ method: 'GET', url: `/api/coverage/${union.id}`, headers: { cookie: ctx.adminCookie } })
    ).json<Coverage>();
    // 200 ID rows submitted: 3 invalid (wrong check digit, 15-digit, …) and 1 repeated; incomplete records are
    // the fixture's under-16 join dates among the 193 imported.
    expect(coverage).toMatchObject({ members: 193, idRowsSubmitted: 200, idsDuplicate: 1 });
    expect(coverage.idsInvalid).toBeGreaterThanOrEqual(2);
    expect(coverage.membersIncomplete).toBeGreaterThan(0);
    expect(coverage.qualityScore).toBeGreaterThan(50);
    expect(coverage.qualityScore).toBeLessThan(100);
    const district = (
      await ctx.app.inject({ method: 'GET', url: `/api/coverage/${tree.dongcheng.id}`, headers: { cookie: ctx.adminCookie } })
    ).json<Coverage>();
    expect(district).toMatchObject({ idRowsSubmitted: 200, idsDuplicate: 1, membersIncomplete: coverage.membersIncomplete });
    expect(await diffCoverage(ctx.database.db)).toEqual([]);
  });
});
