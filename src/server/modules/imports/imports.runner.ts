import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Locale } from '../../../common/i18n.js';
import { AppError } from '../../../common/errors.js';
import type { RosterHeader } from '../rosters/roster.read.js';
import type { RosterLimits } from '../rosters/roster.columns.js';
import { createRosterErrorsFile, type RosterErrorsFile } from '../rosters/roster.errors-file.js';
import { asRosterFileError } from '../rosters/roster.file-error.js';
import { enrol } from '../enrolment/enrolment.service.js';
import { attachMissingEmployers } from '../members/members.service.js';
import * as repo from './imports.repo.js';
import { addToCoverage } from '../coverage/coverage.rollup.js';
import { employersCoveredBy } from '../employers/employers.service.js';
import { employerNameKey } from '../rosters/roster.employer-match.js';
import { PreparationCrashed, prepareInWorker, type PrepareInput, type PreparedRow } from './imports.prepare.js';

/** Rows per transaction: big enough to amortise a commit, small enough to keep locks short. */
export const IMPORT_BATCH_ROWS = 1000;

export type ImportSummary = {
  imported: number;
  rejected: number;
  duplicates: number;
  /** Rows naming a member of another union: listed apart, for the cadre to ask their transfers in one action. */
  elsewhere: number;
  /** Rows whose 所在单位 is none of the employers the union covers: held, listed by employer name. */
  held: number;
  errorFile: string | null;
};

/** The held rows of a batch per employer name, spelled as first met. */
function unknownEmployers(pending: readonly PreparedRow[]): { key: string; name: string; rows: number }[] {
  const byKey = new Map<string, { key: string; name: string; rows: number }>();
  for (const p of pending) {
    if (p.heldFor === null) continue;
    const key = employerNameKey(p.heldFor);
    const entry = byKey.get(key) ?? { key, name: p.heldFor, rows: 0 };
    entry.rows++;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * Runs one roster import job to the end: stream the file, validate and seal every row (in a worker thread:
 * `imports.prepare.ts`), and admit valid rows in transactions of IMPORT_BATCH_ROWS rows, each also recording the
 * job's progress, so a crash leaves whole batches or nothing. A job found half-done resumes after the rows already
 * committed. The error file is written sealed; a sealed upload is deleted once the job ends (done or failed), and
 * kept while it is unfinished so that a restart can resume it.
 */
export async function runImportJob(
  deps: Deps,
  jobId: number,
  options: { locale?: Locale; actorId?: number | null; signal?: AbortSignal; limits?: Partial<RosterLimits>; batchRows?: number } = {},
): Promise<ImportSummary | 'stopped'> {
  const { db } = deps;
  const job = await repo.findJob(db, jobId);
  if (!job) throw new AppError('NOT_FOUND');
  const covered = await employersCoveredBy(db, { id: job.org_id, path: job.org_path });
  const isHolding = covered.length > 0;
  await repo.markStarted(db, jobId);
  let errors: RosterErrorsFile | undefined;
  let header: RosterHeader | undefined;
  let errorFile: string | null = null;
  let writing = false; // an error while writing is ours, not the file's
  // The batch being written while the worker prepares the next ones: its work overlaps the database's.
  let inFlight: Promise<void> | undefined;

  const writeErrors = async (rows: readonly PreparedRow[]) => {
    for (const p of rows) {
      if (p.problems.length === 0 || !p.row) continue;
      if (!errors) {
        errorFile = errorFilePath(deps.config.dataDir, jobId, header?.format ?? 'xlsx');
        errors = createRosterErrorsFile(deps.files.createWriteStream(errorFile), {
          format: header?.format ?? 'xlsx',
          headers: header?.headers ?? [],
          locale: options.locale ?? 'zh-CN',
        });
      }
      await errors.addRow(p.row, p.problems);
    }
  };

  const write = async (pending: PreparedRow[]) => {
    const valid = pending.filter((p) => p.admission !== null);
    await db.transaction().execute(async (tx) => {
      const enrolled = await enrol(tx, deps, {
        actorId: options.actorId ?? null,
        // A member of another union: never a silent transfer. Listed apart; the cadre asks for the transfers in one
        // action, and each moves the member only with their consent.
        elsewhere: { action: 'keepApart' },
        candidates: valid.map((p) => ({ key: p.rowNumber, admission: { ...p.admission!, org: { id: job.org_id, path: job.org_path } } })),
      });
      // Already members here: a row that now names a covered employer puts a member who has none on it (re-importing
      // the file after creating the employers the first import reported).
      const duplicateRows = new Set(enrolled.duplicates);
      const attached = await attachMissingEmployers(
        tx,
        { id: job.org_id, path: job.org_path },
        valid
          .filter((p) => p.admission!.employerId !== null && duplicateRows.has(p.rowNumber))
          .map((p) => ({ idNumberBidx: p.admission!.person.id_number_bidx, employerId: p.admission!.employerId! })),
      );
      const elsewhere = enrolled.elsewhere.map((e) => ({ memberId: e.member.id, orgPath: e.member.orgPath, rowNumber: e.key }));
      const listedElsewhere = await repo.listElsewhere(tx, job, elsewhere);
      const held = unknownEmployers(pending);
      const heldRows = isHolding ? held.reduce((n, h) => n + h.rows, 0) : 0;
      await repo.addUnknownEmployers(tx, job, held);
      const idsDuplicate = pending.filter((p) => p.problems.some((q) => q.code === 'ID_DUPLICATE')).length;
      const idsInvalid = pending.filter((p) => p.problems.some((q) => q.code.startsWith('ID_') && q.code !== 'ID_DUPLICATE')).length;
      await repo.addProgress(tx, jobId, {
        rowsRead: pending.length,
        imported: enrolled.admitted.length,
        rejected: pending.length - valid.length - heldRows,
        held: heldRows,
        attached,
        duplicates: enrolled.duplicates.length + elsewhere.length - listedElsewhere,
        elsewhere: listedElsewhere,
        idsInvalid,
        idsDuplicate,
      });
      // The unit's data-quality figures: every ID it submitted, and how many were invalid or repeated.
      await addToCoverage(tx, job.org_path, { id_rows_submitted: pending.length, ids_invalid: idsInvalid, ids_duplicate: idsDuplicate });
    });
    await writeErrors(pending);
  };

  const input: PrepareInput = {
    file: { path: job.file_path, sealed: job.file_sealed },
    ...(options.limits ? { limits: options.limits } : {}),
    covered,
    batchRows: options.batchRows ?? IMPORT_BATCH_ROWS,
    committed: job.rows_read,
  };
  const prepared = prepareInWorker(input, deps.config, deps.cipher);
  try {
    for await (const next of prepared) {
      if (next.kind === 'header') header = next.header;
      // Committed before a crash: only their error-file lines are redone.
      else if (next.kind === 'replay') await writeErrors(next.rows);
      else {
        // One batch in the database at a time, in file order.
        await inFlight;
        const writingNow = write(next.rows).catch((error: unknown) => {
          writing = true;
          throw error;
        });
        writingNow.catch(() => undefined); // awaited before the next batch or at the end; not an unhandled rejection meanwhile
        inFlight = writingNow;
        // Stopping between batches leaves the job 'running' with whole batches in: the next start resumes it.
        if (options.signal?.aborted) {
          await inFlight;
          await errors?.close();
          return 'stopped';
        }
      }
    }
    await inFlight;
    await errors?.close();
    await repo.markFinished(db, jobId, { status: 'done', errorFile });
  } catch (error) {
    await inFlight?.catch(() => undefined); // a batch still being written ends (commits or not) before the job is failed
    await errors?.close().catch(() => undefined);
    const failure = failureOf(error, { writing, jobId });
    await repo.markFinished(db, jobId, { status: 'failed', errorFile, errorCode: failure.code, errorParams: failure.params });
    await removeUpload(job);
    throw error;
  }
  await removeUpload(job);
  const done = (await repo.findJob(db, jobId))!;
  return {
    imported: done.imported,
    rejected: done.rejected,
    duplicates: done.duplicates,
    elsewhere: done.elsewhere,
    held: done.held,
    errorFile,
  };
}

/**
 * What a failed job tells its user: the platform's own error as it is; a failed write or a preparation worker that
 * died as an internal error naming the job (the log line 'roster import failed' carries its id); else what was wrong
 * with the file.
 */
function failureOf(error: unknown, at: { writing: boolean; jobId: number }): { code: string; params: AppError['params'] } {
  if (error instanceof AppError) return { code: error.code, params: error.params };
  if (at.writing || error instanceof PreparationCrashed) return { code: 'INTERNAL', params: { ref: `import-${at.jobId}` } };
  const { code, params } = asRosterFileError(error);
  return { code, params };
}

/** The raw upload holds every row as typed: once its job has ended nothing needs it. An operator's own file is left alone. */
async function removeUpload(job: repo.JobRow): Promise<void> {
  if (job.file_sealed) await fs.promises.rm(job.file_path, { force: true });
}

/** Where a job's (sealed) error file is kept, whatever file the job read. */
export function errorFilePath(dataDir: string, jobId: number, format: 'xlsx' | 'csv'): string {
  return path.join(importsDir(dataDir), `job-${jobId}-errors.${format}.sealed`);
}

/** Where uploads and error files are kept (mode 0700); the files themselves are sealed, mode 0600. */
export function importsDir(dataDir: string): string {
  const dir = path.join(dataDir, 'imports');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export async function createJob(db: Kysely<DB>, job: Parameters<typeof repo.insertJob>[1]): Promise<number> {
  return repo.insertJob(db, job);
}
