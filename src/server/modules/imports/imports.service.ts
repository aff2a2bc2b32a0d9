import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import type { Locale } from '../../../common/i18n.js';
import type { ImportJob } from '../../../common/imports.js';
import type { Page } from '../../../common/paging.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { SealedFileError } from '../../crypto/sealed-file.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { coveringKinds } from '../../../common/orgs.js';
import { ROSTER_LIMITS } from '../rosters/roster.columns.js';
import { describeFileError, RosterFileError, type RosterFileErrorCode } from '../rosters/roster.file-error.js';
import { errorMessage, isErrorCode } from '../../../common/errors.js';
import '../../../common/imports.errors.js';
import '../../../common/members.errors.js';
import * as repo from './imports.repo.js';
import { importsDir, runImportJob, errorFilePath, type ImportSummary } from './imports.runner.js';
import { openTransfer } from '../transfers/transfers.service.js';
import { maskName } from '../../../common/identity.js';
import type { ElsewhereTransfersResult, ImportElsewhereRow } from '../../../common/imports.js';

function failureText(row: repo.JobRow, locale: Locale): string | null {
  if (row.status !== 'failed' || !row.error_code) return null;
  const params = (row.error_params ?? {}) as Record<string, string | number>;
  if (isErrorCode(row.error_code)) return errorMessage(row.error_code, locale, params);
  return describeFileError(new RosterFileError(row.error_code as RosterFileErrorCode, params), locale);
}

type UnknownEmployer = ImportJob['unknownEmployers'][number];

export function toImportJob(row: repo.JobRow, locale: Locale, unknownEmployers: UnknownEmployer[] = []): ImportJob {
  return {
    id: row.id,
    orgId: row.org_id,
    fileName: row.file_name,
    status: row.status,
    rowsRead: row.rows_read,
    imported: row.imported,
    rejected: row.rejected,
    duplicates: row.duplicates,
    elsewhere: row.elsewhere,
    held: row.held,
    attached: row.attached,
    unknownEmployers,
    hasErrorFile: row.error_file !== null,
    errorFileExpiredAt: row.error_file_expired_at,
    failure: failureText(row, locale),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * One import at a time per process, in the background; `idle()` resolves when the queue is empty, `stop()`
 * ends the running job after its current batch (it resumes at the next start).
 */
export type ImportQueue = { enqueue(jobId: number): void; idle(): Promise<void>; stop(): Promise<void> };

export function createImportQueue(deps: Deps, log: FastifyBaseLogger): ImportQueue {
  let tail: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  return {
    enqueue(jobId) {
      tail = tail.then(async () => {
        if (stopping.signal.aborted) return;
        try {
          const summary = await runImportJob(deps, jobId, { signal: stopping.signal });
          log.info({ jobId, summary }, 'roster import finished');
        } catch (error) {
          log.warn({ jobId, err: error }, 'roster import failed');
        }
      });
    },
    idle: () => tail,
    async stop() {
      stopping.abort();
      await tail;
    },
  };
}

/**
 * Streams an upload to the data directory, sealed (encrypted, mode 0600) on the way in; bounded in size and
 * hashed (the hash of the plaintext) as it passes; then queues its import.
 */
export async function startImport(
  deps: Deps,
  queue: ImportQueue,
  actor: Actor,
  upload: { orgId: number; fileName: string; stream: Readable; truncated: () => boolean },
  locale: Locale,
): Promise<ImportJob> {
  const org = await findOrgFor(deps.db, actor, 'member.write', upload.orgId);
  if (!coveringKinds.includes(org.kind)) throw new AppError('RECEIVING_ORG_KIND');
  const ext = path.extname(upload.fileName).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new AppError('UPLOAD_TYPE');
  const target = path.join(importsDir(deps.config.dataDir), `${Date.now()}-${randomBytes(6).toString('hex')}${ext}.sealed`);
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(upload.stream, meter, deps.files.createWriteStream(target));
    if (upload.truncated() || bytes > ROSTER_LIMITS.maxFileBytes)
      throw new AppError('UPLOAD_TOO_LARGE', { maxMb: ROSTER_LIMITS.maxFileBytes / 1024 / 1024 });
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  const id = await deps.db.transaction().execute(async (tx) => {
    const jobId = await repo.insertJob(tx, {
      orgId: org.id,
      orgPath: org.path,
      fileName: upload.fileName.slice(0, 200),
      filePath: target,
      sha256: hash.digest('hex'),
      bytes,
      createdBy: actor.userId,
      isSealed: true,
    });
    await recordWrite(tx, actor, 'import.start', { type: 'import', id: jobId, orgPath: org.path }, { fileName: upload.fileName, bytes });
    return jobId;
  });
  queue.enqueue(id);
  return toImportJob((await repo.findJob(deps.db, id))!, locale);
}

export async function getImport(deps: Deps, actor: Actor, id: number, locale: Locale): Promise<ImportJob> {
  const row = await repo.findJobInScope(deps.db, scopeFor(actor, 'member.read'), id);
  if (!row) throw new AppError('NOT_FOUND');
  return toImportJob(row, locale, (await unknownEmployersOf(deps, [row])).get(row.id));
}

/** The unknown employers of jobs the caller has just read in their scope, per job. */
async function unknownEmployersOf(deps: Deps, jobs: readonly repo.JobRow[]): Promise<Map<number, UnknownEmployer[]>> {
  const byJob = new Map<number, UnknownEmployer[]>();
  for (const u of await repo.listUnknownEmployers(deps.db, jobs)) {
    const list = byJob.get(u.job_id) ?? [];
    list.push({ name: u.name, rows: u.row_count });
    byJob.set(u.job_id, list);
  }
  return byJob;
}

export async function listImports(
  deps: Deps,
  actor: Actor,
  query: { orgId: number; cursor?: string | undefined; limit: number },
  locale: Locale,
): Promise<Page<ImportJob>> {
  const org = await findOrgFor(deps.db, actor, 'member.read', query.orgId);
  const scope = scopeFor(actor, 'member.read');
  return listPage(query, {
    cursor: 'number',
    read: (beforeId) => repo.listJobs(deps.db, scope, { underPath: org.path, beforeId, limit: query.limit }),
    present: async (rows) => {
      const unknown = await unknownEmployersOf(deps, rows);
      return rows.map((r) => toImportJob(r, locale, unknown.get(r.id)));
    },
    sortKey: (last) => last.id,
    total: () => repo.countJobs(deps.db, scope, org.path),
  });
}

export type ErrorFileDownload = { stream: Readable; name: string; format: 'xlsx' | 'csv' };

/** Opens a job's error file as plaintext: sealed (current) or plain (written before files were sealed). */
async function openErrorFile(deps: Deps, row: repo.JobRow): Promise<{ stream: Readable; format: 'xlsx' | 'csv' }> {
  if (!row.error_file) {
    if (row.error_file_expired_at) throw new AppError('IMPORT_ERRORS_EXPIRED', { days: deps.config.importErrorFileDays });
    throw new AppError('IMPORT_NO_ERRORS');
  }
  const format = /\.csv(\.sealed)?$/.test(row.error_file) ? 'csv' : 'xlsx';
  if (!row.error_file_sealed) {
    if (!fs.existsSync(row.error_file)) throw new AppError('IMPORT_NO_ERRORS');
    return { stream: fs.createReadStream(row.error_file), format };
  }
  try {
    const sealed = await deps.files.open(row.error_file);
    const stream = sealed.createReadStream();
    stream.once('close', () => void sealed.close());
    return { stream, format };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('IMPORT_NO_ERRORS');
    if (error instanceof SealedFileError) throw new AppError('IMPORT_ERRORS_UNREADABLE');
    throw error;
  }
}

/**
 * The error file of an import: rejected rows as uploaded (full ID numbers and phones), with a column saying
 * what is wrong. Seeing the job needs member.read (else 404); the file needs member.reveal on its union (else
 * 403), and every download is audited.
 */
export async function downloadImportErrors(deps: Deps, actor: Actor, id: number): Promise<ErrorFileDownload> {
  const row = await repo.findJobInScope(deps.db, scopeFor(actor, 'member.reveal'), id);
  if (!row) {
    if (await repo.findJobInScope(deps.db, scopeFor(actor, 'member.read'), id)) throw new AppError('FORBIDDEN');
    throw new AppError('NOT_FOUND');
  }
  const file = await openErrorFile(deps, row);
  try {
    await recordWrite(deps.db, actor, 'import.errors.download', { type: 'import', id, orgPath: row.org_path }, { rows: row.rejected });
  } catch (error) {
    file.stream.destroy();
    throw error;
  }
  const base = row.file_name.replace(/\.[^.]+$/, '');
  return { ...file, name: `${base}-错误行.${file.format}` };
}

/**
 * The command line's way to an error file: writes a decrypted copy (mode 0600, never over an existing file).
 * Needs the data key; with another key the file cannot be read and nothing is written.
 */
export async function exportImportErrors(deps: Deps, jobId: number, outFile: string): Promise<{ file: string; rows: number }> {
  const row = await repo.findJob(deps.db, jobId);
  if (!row) throw new AppError('NOT_FOUND');
  const file = await openErrorFile(deps, row);
  let out: fs.WriteStream;
  try {
    out = fs.createWriteStream(outFile, { flags: 'wx', mode: 0o600 });
    await new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  } catch (error) {
    file.stream.destroy();
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('IMPORT_ERRORS_OUT_EXISTS', { file: outFile });
    throw error;
  }
  try {
    await pipeline(file.stream, out);
  } catch (error) {
    fs.rmSync(outFile, { force: true });
    if (error instanceof SealedFileError) throw new AppError('IMPORT_ERRORS_UNREADABLE');
    throw error;
  }
  return { file: path.resolve(outFile), rows: row.rejected };
}

/**
 * Housekeeping, safe to run any time and again: deletes the error files of jobs that ended more than
 * GONGHUI_IMPORT_ERROR_FILE_DAYS ago (the job then says so), and files under the imports folder no job needs
 * any more (an upload whose job ended but whose deletion was cut short, an upload cut short by a crash) once
 * they are an hour old — younger ones may be uploads still arriving.
 */
export async function sweepExpiredImportFiles(deps: Deps, now: Date = new Date()): Promise<{ expired: number; orphans: number }> {
  const cutoff = new Date(now.getTime() - deps.config.importErrorFileDays * 86_400_000);
  let expired = 0;
  for (const job of await repo.errorFilesEndedBefore(deps.db, cutoff)) {
    await fs.promises.rm(job.error_file, { force: true });
    await repo.markErrorFileExpired(deps.db, job.id);
    expired++;
  }
  const dir = importsDir(deps.config.dataDir);
  const inUse = await repo.filesInUse(deps.db);
  const kept = new Set(inUse.paths.map((p) => path.resolve(p)));
  for (const id of inUse.unfinishedIds)
    for (const format of ['xlsx', 'csv'] as const) kept.add(errorFilePath(deps.config.dataDir, id, format));
  let orphans = 0;
  for (const name of await fs.promises.readdir(dir)) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (!stat?.isFile() || kept.has(file) || now.getTime() - stat.mtimeMs < 3_600_000) continue;
    await fs.promises.rm(file, { force: true });
    orphans++;
  }
  return { expired, orphans };
}

/** An import of the caller's subtree they may change members of (listing and asking transfers are cadre work). */
async function jobForCadre(deps: Deps, actor: Actor, id: number): Promise<InScope<repo.JobRow>> {
  const row = await repo.findJobInScope(deps.db, scopeFor(actor, 'member.write'), id);
  if (row) return row;
  if (await repo.findJobInScope(deps.db, scopeFor(actor, 'member.read'), id)) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** The rows of an import that name members of other unions, masked, with the state of any transfer asked for them. */
export async function listElsewhere(
  deps: Deps,
  actor: Actor,
  id: number,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<ImportElsewhereRow>> {
  const job = await jobForCadre(deps, actor, id);
  return listPage(query, {
    cursor: 'number',
    read: (afterRow) => repo.findElsewhere(deps.db, job, { afterRow, limit: query.limit }),
    present: (rows) =>
      rows.map((r) => ({
        rowNumber: r.row_no,
        maskedName: maskName(r.name),
        idNumberMasked: r.id_number_masked,
        transferId: r.transfer_id,
        transferStatus: r.transfer_status,
      })),
    sortKey: (last) => last.rowNumber,
  });
}

/**
 * Asks, in one action, for the transfers of every listed member of another union not yet asked for. Each transfer
 * moves its member only with the member's consent and the releasing union's confirmation. One audit entry names them.
 */
export async function requestElsewhereTransfers(deps: Deps, actor: Actor, id: number): Promise<ElsewhereTransfersResult> {
  const job = await jobForCadre(deps, actor, id);
  return deps.db.transaction().execute(async (tx) => {
    const rows = await repo.findElsewhere(tx, job);
    if (rows.length === 0) throw new AppError('IMPORT_NO_ELSEWHERE');
    const opened: { memberId: number; transferId: number }[] = [];
    let skipped = 0;
    for (const r of rows) {
      if (r.transfer_id !== null || r.member_status !== 'member' || r.org_id === job.org_id) {
        skipped++;
        continue;
      }
      try {
        const transferId = await openTransfer(tx, deps, {
          member: { regionId: r.member_region_id, id: r.member_id, orgId: r.org_id, orgPath: r.org_path },
          to: { id: job.org_id, path: job.org_path },
          via: 'roster',
          requestedBy: actor.userId,
          applicationId: null,
        });
        await repo.setElsewhereTransfer(tx, { regionId: r.region_id, jobId: job.id, memberId: r.member_id, transferId });
        opened.push({ memberId: r.member_id, transferId });
      } catch (error) {
        if (!(error instanceof AppError && (error.code === 'TRANSFER_PENDING' || error.code === 'TRANSFER_SAME_ORG'))) throw error;
        skipped++;
      }
    }
    await recordWrite(
      tx,
      actor,
      'import.request_transfers',
      { type: 'import', id: job.id, orgPath: job.org_path },
      { requested: opened.length, skipped, transfers: opened },
    );
    return { requested: opened.length, skipped };
  });
}

/**
 * The command-line import: a job on a file already on disk, run in the foreground with progress reports.
 * The org is checked to exist and to be able to hold members; whoever runs the command has the database.
 */
export async function importRosterFile(
  deps: Deps,
  input: { filePath: string; orgId: number },
  onProgress: (job: { rowsRead: number; imported: number; rejected: number; duplicates: number }) => void,
): Promise<ImportSummary & { jobId: number }> {
  const org = await deps.db.selectFrom('org_unit').select(['id', 'path', 'kind']).where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw new AppError('NOT_FOUND');
  if (!coveringKinds.includes(org.kind)) throw new AppError('RECEIVING_ORG_KIND');
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(input.filePath), hash);
  const sha256 = hash.digest('hex');
  // The same file for the same union, interrupted (killed, crashed): carry on after its committed batches.
  const id =
    (await repo.findUnfinishedJob(deps.db, org.id, sha256)) ??
    (await repo.insertJob(deps.db, {
      orgId: org.id,
      orgPath: org.path,
      fileName: path.basename(input.filePath),
      filePath: input.filePath,
      sha256,
      bytes: fs.statSync(input.filePath).size,
      createdBy: null,
    }));
  const timer = setInterval(() => {
    void repo
      .findJob(deps.db, id)
      .then(
        (job) => job && onProgress({ rowsRead: job.rows_read, imported: job.imported, rejected: job.rejected, duplicates: job.duplicates }),
      );
  }, 1000);
  try {
    // Loads from the command line may be larger than an upload: a bulk load of a whole district.
    const summary = await runImportJob(deps, id, { limits: { maxFileBytes: 4 * 1024 ** 3 } });
    if (summary === 'stopped') throw new Error('import stopped');
    return { jobId: id, ...summary };
  } finally {
    clearInterval(timer);
  }
}

/** Jobs a previous process left unfinished are queued again at start; they resume after their committed batches. */
export async function resumeUnfinishedImports(deps: Deps, queue: ImportQueue): Promise<number> {
  const ids = await repo.unfinishedJobIds(deps.db);
  for (const id of ids) queue.enqueue(id);
  return ids.length;
}
