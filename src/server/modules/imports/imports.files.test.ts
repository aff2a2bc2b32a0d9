import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildOrg, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import type { ImportJob } from '../../../common/imports.js';
import { createDeps } from '../../deps.js';
import { createJob, importsDir as importsDirOf, runImportJob } from './imports.runner.js';
import { exportImportErrors, importRosterFile, sweepExpiredImportFiles } from './imports.service.js';

// Personal data in import files (issue #8): sealed at rest, gone when no longer needed, behind member.reveal.
let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let dataDir: string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-import-files-'));
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-imports-data-'));
  ctx = await createTestContext({ dataDir });
  tree = await buildTree(ctx);
});
afterAll(async () => {
  await ctx?.close();
  fs.rmSync(work, { recursive: true, force: true });
});

const HEADER = ['姓名', '身份证号', '手机号', '性别', '用工形式', '所在单位', '入会日期'];
/** A roster of `good` new people and one row with a wrong check digit; returns its text and the rejected row's ID and phone. */
function roster(good: number): { text: string; badId: string; badPhone: string } {
  const rows = Array.from({ length: good }, () => ['张三', makeIdNumber(), makePhone(), '', '全日制', '北京市自来水集团', '2020-05-01']);
  const id = makeIdNumber();
  const badId = id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
  const badPhone = makePhone();
  rows.push(['李四', badId, badPhone, '', '全日制', '北京市自来水集团', '2020-05-01']);
  return { text: [HEADER, ...rows].map((r) => r.join(',')).join('\r\n'), badId, badPhone };
}

function multipart(fileName: string, content: Buffer) {
  const boundary = `----gonghui${Date.now()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function uploadAndFinish(orgId: number, text: string): Promise<ImportJob> {
  const body = multipart('名册.csv', Buffer.from(text));
  const started = await ctx.app.inject({
    method: 'POST',
    url: `/api/imports?orgId=${orgId}`,
    payload: body.payload,
    headers: { cookie: ctx.adminCookie, 'content-type': body.contentType },
  });
  expect(started.statusCode).toBe(202);
  await ctx.app.importQueue.idle();
  return (await ctx.call('GET', `/api/imports/${started.json<ImportJob>().id}`)).json<ImportJob>();
}

const importsDir = () => importsDirOf(dataDir);
const filesOnDisk = () => fs.readdirSync(importsDir()).map((n) => path.join(importsDir(), n));
const holds = (file: string, needle: string) => fs.readFileSync(file).includes(needle);

describe('import files at rest', () => {
  it('keeps an upload sealed, deletes it when its job ends, and seals the error file with mode 0600', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const { text, badId, badPhone } = roster(5);
    const before = new Set(filesOnDisk());
    const job = await uploadAndFinish(union.id, text);
    expect(job).toMatchObject({ status: 'done', imported: 5, rejected: 1, hasErrorFile: true });
    const added = filesOnDisk().filter((f) => !before.has(f));
    expect(added).toHaveLength(1); // the error file: the upload is gone
    expect(fs.statSync(added[0]!).mode & 0o777).toBe(0o600);
    expect(holds(added[0]!, badId) || holds(added[0]!, badPhone) || holds(added[0]!, '李四')).toBe(false);
    const download = await ctx.call('GET', `/api/imports/${job.id}/errors`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/text\/csv/);
    expect(download.body).toContain(badId);
    expect(download.body).toContain(badPhone);
  });

  it('keeps a sealed upload while its job is unfinished, so a restart resumes it, and deletes it at the end', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const { text } = roster(6);
    const sealed = path.join(importsDir(), 'resume-test.csv.sealed');
    await pipeline(Readable.from([Buffer.from(text)]), ctx.app.deps.files.createWriteStream(sealed));
    const orgPath = (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', union.id).executeTakeFirstOrThrow()).path;
    const jobId = await createJob(ctx.database.db, {
      orgId: union.id,
      orgPath,
      fileName: '名册.csv',
      filePath: sealed,
      sha256: 'x',
      bytes: text.length,
      createdBy: null,
      isSealed: true,
    });
    const stop = new AbortController();
    stop.abort();
    expect(await runImportJob(ctx.app.deps, jobId, { batchRows: 2, signal: stop.signal })).toBe('stopped');
    expect(fs.existsSync(sealed)).toBe(true);
    expect(await runImportJob(ctx.app.deps, jobId, { batchRows: 2 })).toMatchObject({ imported: 6, rejected: 1 });
    expect(fs.existsSync(sealed)).toBe(false);
    expect((await ctx.call('GET', `/api/imports/${jobId}`)).json<ImportJob>()).toMatchObject({ status: 'done', imported: 6 });
  });

  it('deletes the upload of a failed job too', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const before = new Set(filesOnDisk());
    const job = await uploadAndFinish(union.id, '只有一行，没有表头');
    expect(job.status).toBe('failed');
    expect(filesOnDisk().filter((f) => !before.has(f))).toEqual([]);
  });
});

describe('downloading an error file', () => {
  it('needs member.reveal on the union and is audited; read-only, finance and audit roles get 403, outsiders 404', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const job = await uploadAndFinish(union.id, roster(2).text);
    for (const role of ['read_only', 'finance_officer', 'auditor'] as const) {
      const viewer = await actorWith(ctx, role, union.id);
      expect((await ctx.call('GET', `/api/imports/${job.id}`, undefined, viewer.cookie)).statusCode).toBe(200);
      const refused = await ctx.call('GET', `/api/imports/${job.id}/errors`, undefined, viewer.cookie);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    const outsider = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/imports/${job.id}/errors`, undefined, outsider.cookie)).statusCode).toBe(404);

    const cadre = await actorWith(ctx, 'union_cadre', union.id);
    expect((await ctx.call('GET', `/api/imports/${job.id}/errors`, undefined, cadre.cookie)).statusCode).toBe(200);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'action', 'target_type', 'target_id', 'result', 'detail'])
      .where('action', '=', 'import.errors.download')
      .where('target_id', '=', String(job.id))
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ user_id: cadre.userId, target_type: 'import', result: 'ok', detail: { rows: 1 } });
  });
});

describe('error file retention', () => {
  it('deletes error files past GONGHUI_IMPORT_ERROR_FILE_DAYS, says so on the job and in the download, and sweeps again harmlessly', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const old = await uploadAndFinish(union.id, roster(1).text);
    const recent = await uploadAndFinish(union.id, roster(1).text);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await ctx.database.db
      .updateTable('import_job')
      .set({ finished_at: ago(31) })
      .where('id', '=', old.id)
      .execute();
    await ctx.database.db
      .updateTable('import_job')
      .set({ finished_at: ago(29) })
      .where('id', '=', recent.id)
      .execute();
    const files = await ctx.database.db
      .selectFrom('import_job')
      .select(['id', 'error_file'])
      .where('id', 'in', [old.id, recent.id])
      .orderBy('id')
      .execute();
    // A file no job names, an hour old (an upload a crash cut short), and a young one (an upload still arriving).
    const stray = path.join(importsDir(), 'stray.csv.sealed');
    const arriving = path.join(importsDir(), 'arriving.csv.sealed');
    fs.writeFileSync(stray, 'x');
    fs.writeFileSync(arriving, 'x');
    fs.utimesSync(stray, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000));

    expect(await sweepExpiredImportFiles(ctx.app.deps)).toEqual({ expired: 1, orphans: 1 });
    expect(await sweepExpiredImportFiles(ctx.app.deps)).toEqual({ expired: 0, orphans: 0 });
    expect(fs.existsSync(files[0]!.error_file!)).toBe(false);
    expect(fs.existsSync(files[1]!.error_file!)).toBe(true);
    expect([fs.existsSync(stray), fs.existsSync(arriving)]).toEqual([false, true]);
    fs.rmSync(arriving);

    const job = (await ctx.call('GET', `/api/imports/${old.id}`)).json<ImportJob>();
    expect(job.hasErrorFile).toBe(false);
    expect(job.errorFileExpiredAt).not.toBeNull();
    const gone = await ctx.call('GET', `/api/imports/${old.id}/errors`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json()).toMatchObject({ code: 'IMPORT_ERRORS_EXPIRED' });
    expect(gone.json().message).toMatch(/30 天/);
    expect((await ctx.call('GET', `/api/imports/${recent.id}/errors`)).statusCode).toBe(200);
  });
});

describe('row limit', () => {
  it('a UTF-16 CSV over the row limit imports nobody, not even the batches before the limit', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const text = roster(9).text.replaceAll(',', '\t');
    const file = path.join(work, 'unicode.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]));
    const orgPath = (await ctx.database.db.selectFrom('org_unit').select('path').where('id', '=', union.id).executeTakeFirstOrThrow()).path;
    const jobId = await createJob(ctx.database.db, {
      orgId: union.id,
      orgPath,
      fileName: 'unicode.txt',
      filePath: file,
      sha256: 'x',
      bytes: 0,
      createdBy: null,
    });
    await expect(runImportJob(ctx.app.deps, jobId, { batchRows: 2, limits: { maxRows: 8 } })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
    });
    expect((await ctx.call('GET', `/api/imports/${jobId}`)).json<ImportJob>()).toMatchObject({
      status: 'failed',
      rowsRead: 0,
      imported: 0,
    });
    expect((await ctx.call('GET', `/api/coverage/${union.id}`)).json<{ members: number }>().members).toBe(0);
  });
});

describe('the command-line import', () => {
  it('leaves the operator’s file alone, seals the error file in the data directory, and import-errors decrypts it only with the key', async () => {
    const union = await buildOrg(ctx, tree.dcStreet.id, 'grassroots_union');
    const { text, badId } = roster(3);
    const operatorDir = fs.mkdtempSync(path.join(work, 'operator-'));
    const file = path.join(operatorDir, 'roster.csv');
    fs.writeFileSync(file, text);
    const summary = await importRosterFile(ctx.app.deps, { filePath: file, orgId: union.id }, () => undefined);
    expect(summary).toMatchObject({ imported: 3, rejected: 1 });
    expect(fs.readdirSync(operatorDir)).toEqual(['roster.csv']);
    expect(path.dirname(summary.errorFile!)).toBe(importsDir());
    expect(holds(summary.errorFile!, badId)).toBe(false);

    const out = path.join(operatorDir, 'errors.csv');
    expect(await exportImportErrors(ctx.app.deps, summary.jobId, out)).toMatchObject({ rows: 1 });
    expect(fs.readFileSync(out, 'utf8')).toContain(badId);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    await expect(exportImportErrors(ctx.app.deps, summary.jobId, out)).rejects.toMatchObject({ code: 'IMPORT_ERRORS_OUT_EXISTS' });

    const stranger = createDeps(ctx.database, { ...ctx.config, secret: 'b'.repeat(64) });
    const elsewhere = path.join(operatorDir, 'stolen.csv');
    await expect(exportImportErrors(stranger, summary.jobId, elsewhere)).rejects.toMatchObject({ code: 'IMPORT_ERRORS_UNREADABLE' });
    expect(fs.existsSync(elsewhere)).toBe(false);
  });
});
