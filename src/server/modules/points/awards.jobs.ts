/**
 * Bulk awards as background jobs (0032_award_jobs.sql). `startAwardJob` checks the caller's rights, stores the resolved
 * rows and answers the job (the same batch number with the same rows answers the same job; with other rows 409);
 * `runAwardJob` awards it batch after batch, each batch's awards, result rows and progress in one transaction, and
 * resumes after `rows_done` when a crash interrupted it (`resumeAwardJobs`, when the server listens).
 */
import { createHash } from 'node:crypto';
import { loadExcelJS } from '../../http/file-libraries.js';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.programmes.errors.js';
import type { Locale } from '../../../common/i18n.js';
import { EarnRules } from '../../../common/points.js';
import {
  PROGRAMME_LIMITS,
  type AwardJobRows,
  type AwardJobRowsQuery,
  type BulkAwardJob,
  type BulkAwardRow,
} from '../../../common/points.programmes.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite, type AuditActor } from '../../audit/audit.js';
import * as repo from './programmes.repo.js';
import { findProgrammeFor } from './programmes.service.js';
import { awardBatchOfBulk, type BulkItem } from './awards.service.js';

type Log = { info(details: object, message: string): void; error(details: object, message: string): void };

type JobRow = {
  region_id: number;
  id: number;
  programme_id: number;
  batch_key: string;
  request_hash: string;
  source: 'list' | 'file';
  locale: string;
  actor_user_id: number | null;
  actor_username: string;
  actor_ip: string | null;
  status: BulkAwardJob['status'];
  total_rows: number;
  rows_done: number;
  awarded: number;
  replayed: number;
  refused: number;
  points: number;
  error: string | null;
  created_at: string;
  finished_at: string | null;
};
const JOB_COLUMNS = sql.raw(
  'region_id, id, programme_id, batch_key, request_hash, source, locale, actor_user_id, actor_username, actor_ip, status, total_rows, rows_done, awarded, replayed, refused, points, error, created_at, finished_at',
);

const present = (j: JobRow): BulkAwardJob => ({
  id: j.id,
  programmeId: j.programme_id,
  batchKey: j.batch_key,
  source: j.source,
  status: j.status,
  totalRows: j.total_rows,
  rowsDone: j.rows_done,
  awarded: j.awarded,
  replayed: j.replayed,
  refused: j.refused,
  points: j.points,
  error: j.error,
  createdAt: j.created_at,
  finishedAt: j.finished_at,
});

/** Jobs running in this process: a resume never runs a job twice at once here (and progress is guarded anyway). */
const running = new Map<number, Promise<void>>();

async function findJob(db: Executor, region: number, programmeId: number, jobId: number): Promise<JobRow | undefined> {
  const { rows } = await sql<JobRow>`
    SELECT ${JOB_COLUMNS} FROM points_award_job WHERE region_id = ${region} AND programme_id = ${programmeId} AND id = ${jobId}`.execute(
    db,
  );
  return rows[0];
}

/**
 * Starts a bulk award: the programme read in the caller's scope for points.write, the manual rule on, the resolved rows
 * stored with the job. Re-sending the same batch number with the same rows answers the first job.
 */
export async function startAwardJob(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  input: { batchKey: string; source: 'list' | 'file'; items: BulkItem[]; locale: Locale },
): Promise<{ job: BulkAwardJob; created: boolean; region: number }> {
  const hash = createHash('sha256')
    .update(JSON.stringify(input.items.map((i) => [i.row, i.memberId, i.points, i.reason, i.refusal?.code ?? null])))
    .digest('hex');
  return db.transaction().execute(async (tx) => {
    const p = await findProgrammeFor(tx, actor, 'points.write', id);
    if (p.status !== 'active') throw new AppError('PROGRAMME_CLOSED');
    if (!EarnRules.parse(p.earn_rules).manual) throw new AppError('PROGRAMME_RULE_OFF', { source: 'manual' });
    const { rows } = await sql<JobRow>`
      INSERT INTO points_award_job (region_id, programme_id, batch_key, request_hash, source, items, locale, actor_user_id,
        actor_username, actor_ip, total_rows)
      VALUES (${p.region_id}, ${p.id}, ${input.batchKey}, ${hash}, ${input.source}, ${JSON.stringify(input.items)}::jsonb,
        ${input.locale}, ${actor.userId}, ${actor.username}, ${actor.ip}, ${input.items.length})
      ON CONFLICT (region_id, programme_id, batch_key) DO NOTHING
      RETURNING ${JOB_COLUMNS}`.execute(tx);
    const created = rows[0];
    if (!created) {
      const { rows: before } = await sql<JobRow>`
        SELECT ${JOB_COLUMNS} FROM points_award_job
        WHERE region_id = ${p.region_id} AND programme_id = ${p.id} AND batch_key = ${input.batchKey}`.execute(tx);
      const first = before[0];
      if (!first) throw new Error('award job vanished');
      if (first.request_hash !== hash) throw new AppError('PROGRAMME_BATCH_KEY_REUSED');
      return { job: present(first), created: false, region: p.region_id };
    }
    await recordWrite(
      tx,
      actor,
      'points.award.job',
      { type: 'points_programme', id: p.id, orgPath: p.org_path },
      { batchKey: input.batchKey, rows: input.items.length, jobId: created.id },
    );
    return { job: present(created), created: true, region: p.region_id };
  });
}

/** Runs a job in the background of this process (once at a time per job); errors end up on the job. */
export function launchAwardJob(db: Kysely<DB>, region: number, jobId: number, log?: Log): Promise<void> {
  const already = running.get(jobId);
  if (already) return already;
  const run = runAwardJob(db, region, jobId)
    .catch((error: unknown) => log?.error({ err: error, jobId }, 'points award job failed'))
    .finally(() => running.delete(jobId));
  running.set(jobId, run);
  return run;
}

/**
 * Awards a job's rows after `rows_done`, PROGRAMME_LIMITS.bulkBatchRows at a time: each batch's awards, its result rows
 * and the job's progress commit together (the progress update is guarded by the rows_done it started from, so two
 * runners never both record a batch). The job was authorised when it was started; its programme is read by id.
 */
export async function runAwardJob(db: Kysely<DB>, region: number, jobId: number, now = () => new Date()): Promise<void> {
  const { rows } = await sql<JobRow & { items: BulkItem[] }>`
    SELECT ${JOB_COLUMNS}, items FROM points_award_job WHERE region_id = ${region} AND id = ${jobId}`.execute(db);
  const job = rows[0];
  if (!job || job.status === 'done' || job.status === 'failed') return;
  const items = typeof job.items === 'string' ? (JSON.parse(job.items) as BulkItem[]) : job.items;
  await sql`UPDATE points_award_job SET status = 'running', started_at = coalesce(started_at, now())
    WHERE region_id = ${region} AND id = ${jobId}`.execute(db);
  const actor: AuditActor = { userId: job.actor_user_id ?? 0, username: job.actor_username, ip: job.actor_ip, grants: [] };
  const locale = job.locale as Locale;
  try {
    for (let start = job.rows_done; start < items.length; start += PROGRAMME_LIMITS.bulkBatchRows) {
      const batch = items.slice(start, start + PROGRAMME_LIMITS.bulkBatchRows);
      const stillMine = await db.transaction().execute(async (tx) => {
        const p = await repo.findProgrammeById(tx, job.programme_id);
        if (!p) throw new AppError('NOT_FOUND');
        const results = await awardBatchOfBulk(tx, p, job.batch_key, batch, actor, locale, now());
        const count = (o: BulkAwardRow['outcome']) => results.filter((r) => r.outcome === o).length;
        const points = results.filter((r) => r.outcome === 'awarded').reduce((n, r) => n + (r.points ?? 0), 0);
        const progressed = await sql`
          UPDATE points_award_job SET rows_done = rows_done + ${batch.length}, awarded = awarded + ${count('awarded')},
            replayed = replayed + ${count('replayed')}, refused = refused + ${count('refused')}, points = points + ${points}
          WHERE region_id = ${region} AND id = ${jobId} AND rows_done = ${start}`.execute(tx);
        if (Number(progressed.numAffectedRows ?? 0) !== 1) return false;
        await sql`
          INSERT INTO points_award_job_row (region_id, job_id, row_no, outcome, member_id, name, points, transfer_id, code, reason)
          SELECT ${region}, ${jobId}, r.row, r.outcome, r."memberId", r.name, r.points, r."transferId", r.code, r.reason
          FROM jsonb_to_recordset(${JSON.stringify(results)}::jsonb)
            AS r("row" integer, outcome text, "memberId" bigint, name text, points integer, "transferId" bigint, code text, reason text)`.execute(
          tx,
        );
        return true;
      });
      if (!stillMine) return; // another runner recorded this batch: it carries on
    }
    await sql`UPDATE points_award_job SET status = 'done', finished_at = now()
      WHERE region_id = ${region} AND id = ${jobId} AND status = 'running'`.execute(db);
  } catch (error) {
    const message = error instanceof AppError ? error.code : 'internal error';
    await sql`UPDATE points_award_job SET status = 'failed', error = ${message}, finished_at = now()
      WHERE region_id = ${region} AND id = ${jobId}`.execute(db);
    throw error;
  }
}

const STATUS_WORDS = { queued: '排队中 / queued', running: '进行中 / running', done: '已完成 / done', failed: '已中断 / failed' } as const;

/**
 * Queues an interrupted (failed) job again, to carry on after its last committed batch: the rows already booked are
 * not read again, and each row's award key (award:<batch>:<row>) books a row at most once even if they were.
 * Answers the job, queued; the caller launches it.
 */
export async function retryAwardJob(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  jobId: number,
): Promise<{ job: BulkAwardJob; region: number }> {
  return db.transaction().execute(async (tx) => {
    const p = await findProgrammeFor(tx, actor, 'points.write', id);
    if (p.status !== 'active') throw new AppError('PROGRAMME_CLOSED');
    const { rows } = await sql<JobRow>`
      UPDATE points_award_job SET status = 'queued', error = NULL, finished_at = NULL
      WHERE region_id = ${p.region_id} AND programme_id = ${p.id} AND id = ${jobId} AND status = 'failed'
      RETURNING ${JOB_COLUMNS}`.execute(tx);
    const queued = rows[0];
    if (!queued) {
      const job = await findJob(tx, p.region_id, p.id, jobId);
      if (!job) throw new AppError('NOT_FOUND');
      throw new AppError('PROGRAMME_JOB_NOT_FAILED', { status: STATUS_WORDS[job.status] });
    }
    await recordWrite(
      tx,
      actor,
      'points.award.job.retry',
      { type: 'points_programme', id: p.id, orgPath: p.org_path },
      { jobId, batchKey: queued.batch_key, from: queued.rows_done + 1 },
    );
    return { job: present(queued), region: p.region_id };
  });
}

/** Resumes the jobs a stop or a crash left queued or running (called when the server listens). */
export async function resumeAwardJobs(db: Kysely<DB>, log?: Log): Promise<number> {
  const { rows } = await sql<{ region_id: number; id: number }>`
    SELECT region_id, id FROM points_award_job WHERE status IN ('queued', 'running') ORDER BY id`.execute(db);
  for (const j of rows) await launchAwardJob(db, j.region_id, j.id, log);
  return rows.length;
}

export async function getAwardJob(db: Kysely<DB>, actor: Actor, id: number, jobId: number): Promise<BulkAwardJob> {
  const p = await findProgrammeFor(db, actor, 'points.read', id);
  const job = await findJob(db, p.region_id, p.id, jobId);
  if (!job) throw new AppError('NOT_FOUND');
  return present(job);
}

type ResultRow = {
  row_no: number;
  outcome: BulkAwardRow['outcome'];
  member_id: number | null;
  name: string | null;
  points: number | null;
  transfer_id: number | null;
  code: string | null;
  reason: string | null;
};
const toRow = (r: ResultRow): BulkAwardRow => ({
  row: r.row_no,
  outcome: r.outcome,
  memberId: r.member_id,
  name: r.name,
  points: r.points,
  transferId: r.transfer_id,
  code: r.code,
  reason: r.reason,
});

async function resultRows(
  db: Executor,
  region: number,
  jobId: number,
  f: { after: number; limit: number; outcome?: BulkAwardRow['outcome'] | undefined },
): Promise<ResultRow[]> {
  const { rows } = await sql<ResultRow>`
    SELECT row_no, outcome, member_id, name, points, transfer_id, code, reason FROM points_award_job_row
    WHERE region_id = ${region} AND job_id = ${jobId} AND row_no > ${f.after}
      ${f.outcome ? sql`AND outcome = ${f.outcome}` : sql``}
    ORDER BY row_no LIMIT ${f.limit}`.execute(db);
  return rows;
}

/** A job's result rows in row order, paged by row number. */
export async function awardJobRows(db: Kysely<DB>, actor: Actor, id: number, jobId: number, q: AwardJobRowsQuery): Promise<AwardJobRows> {
  const p = await findProgrammeFor(db, actor, 'points.read', id);
  const job = await findJob(db, p.region_id, p.id, jobId);
  if (!job) throw new AppError('NOT_FOUND');
  const rows = await resultRows(db, p.region_id, jobId, { after: q.after, limit: q.limit + 1, outcome: q.outcome });
  const page = rows.slice(0, q.limit);
  return { items: page.map(toRow), next: rows.length > q.limit ? page.at(-1)!.row_no : null };
}

const FILE_HEADERS = {
  'zh-CN': ['行号', '结果', '会员编号', '姓名', '积分', '流水号', '原因'],
  en: ['Row', 'Outcome', 'Member no.', 'Name', 'Points', 'Transfer', 'Reason'],
} as const;
const OUTCOME_WORDS = {
  'zh-CN': { awarded: '已奖励', replayed: '已处理过', refused: '拒绝' },
  en: { awarded: 'awarded', replayed: 'already handled', refused: 'refused' },
} as const;

/** A job's results as .xlsx (names masked, as in the answer). */
export async function awardJobFile(db: Kysely<DB>, actor: Actor, id: number, jobId: number, locale: Locale): Promise<Buffer> {
  const p = await findProgrammeFor(db, actor, 'points.read', id);
  const job = await findJob(db, p.region_id, p.id, jobId);
  if (!job) throw new AppError('NOT_FOUND');
  const lang = locale === 'en' ? 'en' : 'zh-CN';
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'en' ? 'Results' : '奖励结果');
  sheet.addRow([...FILE_HEADERS[lang]]);
  for (let after = 0; ;) {
    const rows = await resultRows(db, p.region_id, jobId, { after, limit: 2000 });
    for (const r of rows) sheet.addRow([r.row_no, OUTCOME_WORDS[lang][r.outcome], r.member_id, r.name, r.points, r.transfer_id, r.reason]);
    if (rows.length < 2000) break;
    after = rows.at(-1)!.row_no;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
