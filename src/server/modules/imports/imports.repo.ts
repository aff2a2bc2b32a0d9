import { sql } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import { regionOfPath } from '../../auth/tree.js';

const jobColumns = [
  'j.id',
  'j.org_id',
  'j.org_path',
  'j.file_name',
  'j.file_path',
  'j.status',
  'j.rows_read',
  'j.imported',
  'j.rejected',
  'j.duplicates',
  'j.elsewhere',
  'j.held',
  'j.attached',
  'j.region_id',
  'j.error_file',
  'j.file_sealed',
  'j.error_file_sealed',
  'j.error_file_expired_at',
  'j.error_code',
  'j.error_params',
  'j.created_at',
  'j.started_at',
  'j.finished_at',
  'j.created_by',
] as const;

export async function insertJob(
  tx: Executor,
  job: {
    orgId: number;
    orgPath: string;
    fileName: string;
    filePath: string;
    sha256: string;
    bytes: number;
    createdBy: number | null;
    /** The file is a sealed upload the platform owns (deleted when the job ends), not an operator's own file. */
    isSealed?: boolean;
  },
): Promise<number> {
  const row = await tx
    .insertInto('import_job')
    .values({
      kind: 'members',
      region_id: regionOfPath(job.orgPath),
      org_id: job.orgId,
      org_path: job.orgPath,
      file_name: job.fileName,
      file_path: job.filePath,
      file_sha256: job.sha256,
      file_bytes: job.bytes,
      created_by: job.createdBy,
      file_sealed: job.isSealed ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findJob(db: Executor, id: number) {
  return db.selectFrom('import_job as j').select(jobColumns).where('j.id', '=', id).executeTakeFirst();
}
export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

export async function findJobInScope(db: Executor, scope: OrgScope, id: number) {
  const row = await db
    .selectFrom('import_job as j')
    .select(jobColumns)
    .where('j.id', '=', id)
    .where(inScope(scope, sql.ref('j.org_path'), sql.ref('j.region_id')))
    .executeTakeFirst();
  return row && provenInScope(row);
}

function listJobsQuery(db: Executor, scope: OrgScope, f: { underPath: string; beforeId: number | undefined; limit: number }) {
  let q = db
    .selectFrom('import_job as j')
    .select(jobColumns)
    .where(inScope(scope, sql.ref('j.org_path'), sql.ref('j.region_id')))
    .where(sql<boolean>`j.org_path <@ ${f.underPath}::ltree`)
    .orderBy('j.id', 'desc')
    .limit(f.limit + 1);
  if (f.beforeId !== undefined) q = q.where('j.id', '<', f.beforeId);
  return q;
}

export async function listJobs(db: Executor, scope: OrgScope, f: { underPath: string; beforeId: number | undefined; limit: number }) {
  return listJobsQuery(db, scope, f).execute();
}

/** How many import jobs the subtree holds (bounded: `boundedTotal`). */
export function countJobs(db: Executor, scope: OrgScope, underPath: string): Promise<ListTotal> {
  return boundedTotal(db, listJobsQuery(db, scope, { underPath, beforeId: undefined, limit: 0 }));
}

/**
 * Running again (a resumed job keeps its first start time). Two statements: Citus refuses now() inside COALESCE or
 * CASE in an UPDATE of a distributed table ("non-IMMUTABLE functions are not allowed in CASE or COALESCE statements").
 */
export async function markStarted(db: Executor, id: number): Promise<void> {
  await db.updateTable('import_job').set({ status: 'running', error_code: null, error_params: null }).where('id', '=', id).execute();
  await db
    .updateTable('import_job')
    .set({ started_at: sql`now()` })
    .where('id', '=', id)
    .where('started_at', 'is', null)
    .execute();
}

/** Adds one committed batch's counts; runs inside that batch's transaction. */
export async function addProgress(
  tx: Executor,
  id: number,
  d: {
    rowsRead: number;
    imported: number;
    rejected: number;
    duplicates: number;
    elsewhere: number;
    held: number;
    attached: number;
    idsInvalid: number;
    idsDuplicate: number;
  },
): Promise<void> {
  await tx
    .updateTable('import_job')
    .set({
      rows_read: sql`rows_read + ${d.rowsRead}`,
      imported: sql`imported + ${d.imported}`,
      rejected: sql`rejected + ${d.rejected}`,
      duplicates: sql`duplicates + ${d.duplicates}`,
      elsewhere: sql`elsewhere + ${d.elsewhere}`,
      held: sql`held + ${d.held}`,
      attached: sql`attached + ${d.attached}`,
      ids_invalid: sql`ids_invalid + ${d.idsInvalid}`,
      ids_duplicate: sql`ids_duplicate + ${d.idsDuplicate}`,
    })
    .where('id', '=', id)
    .execute();
}

export async function resetCounts(db: Executor, id: number): Promise<void> {
  await db.updateTable('import_job').set({ rows_read: 0, imported: 0, rejected: 0, duplicates: 0 }).where('id', '=', id).execute();
}

export async function markFinished(
  db: Executor,
  id: number,
  outcome: { status: 'done' | 'failed'; errorFile: string | null; errorCode?: string; errorParams?: Record<string, unknown> },
): Promise<void> {
  await db
    .updateTable('import_job')
    .set({
      status: outcome.status,
      error_file: outcome.errorFile,
      error_file_sealed: outcome.errorFile !== null,
      error_code: outcome.errorCode ?? null,
      error_params: outcome.errorParams ? JSON.stringify(outcome.errorParams) : null,
      finished_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

/** Jobs a crashed process left queued or running: the next start finishes them. */
export async function unfinishedJobIds(db: Executor): Promise<number[]> {
  return (await db.selectFrom('import_job').select('id').where('status', 'in', ['queued', 'running']).orderBy('id').execute()).map(
    (r) => r.id,
  );
}

/** An unfinished job of the same file for the same union (a command-line import that was killed): resume it. */
export async function findUnfinishedJob(db: Executor, orgId: number, sha256: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('import_job')
    .select('id')
    .where('org_id', '=', orgId)
    .where('file_sha256', '=', sha256)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id;
}

export type ElsewhereRow = { memberId: number; orgPath: string; rowNumber: number };

/** Lists roster rows naming members of other unions; a member listed once per job. Returns how many were new. */
export async function listElsewhere(tx: Executor, job: { region_id: number; id: number }, rows: ElsewhereRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insertInto('import_job_elsewhere')
    .values(
      rows.map((r) => ({
        region_id: job.region_id,
        job_id: job.id,
        member_region_id: regionOfPath(r.orgPath),
        member_id: r.memberId,
        row_no: r.rowNumber,
      })),
    )
    .onConflict((oc) => oc.columns(['region_id', 'job_id', 'member_id']).doNothing())
    .returning('member_id')
    .execute();
  return inserted.length;
}

/**
 * The rows of a job naming members of other unions, with the member's masked record and any transfer asked for, in
 * roster order; a page after `afterRow` when `limit` is given.
 */
export async function findElsewhere(
  db: Executor,
  job: InScope<{ region_id: number; id: number }>,
  page?: { afterRow: number | undefined; limit: number },
) {
  let q = db
    .selectFrom('import_job_elsewhere as e')
    .select(['e.member_region_id', 'e.member_id', 'e.row_no', 'e.region_id', 'e.transfer_id'])
    .where('e.region_id', '=', job.region_id)
    .where('e.job_id', '=', job.id)
    .orderBy('e.row_no');
  if (page?.afterRow !== undefined) q = q.where('e.row_no', '>', page.afterRow);
  if (page) q = q.limit(page.limit + 1);
  const rows = await q.execute();
  // The members (and their transfers) live in their own regions, not the job's: a distributed database cannot join
  // them to the job's rows (not co-located, docs/scale-out.md), so they are read apart, in their regions.
  const members = await db
    .selectFrom('member as m')
    .select(['m.region_id', 'm.id', 'm.name', 'm.id_number_masked', 'm.org_id', 'm.org_path', 'm.status as member_status'])
    .where(
      inRegions(
        'm',
        rows.map((r) => [r.member_region_id, r.member_id]),
      ),
    )
    .execute();
  const transfers = await db
    .selectFrom('member_transfer as t')
    .select(['t.region_id', 't.id', 't.status as transfer_status'])
    .where(
      inRegions(
        't',
        rows.flatMap((r) => (r.transfer_id === null ? [] : [[r.member_region_id, r.transfer_id] as const])),
      ),
    )
    .execute();
  const memberOf = new Map(members.map((m) => [`${m.region_id}.${m.id}`, m]));
  const transferOf = new Map(transfers.map((t) => [`${t.region_id}.${t.id}`, t]));
  return rows.flatMap((r) => {
    const m = memberOf.get(`${r.member_region_id}.${r.member_id}`);
    if (!m) return [];
    const t = r.transfer_id === null ? undefined : transferOf.get(`${r.member_region_id}.${r.transfer_id}`);
    const { region_id: _region, id: _id, ...member } = m;
    return [{ ...r, ...member, transfer_status: t?.transfer_status ?? null }];
  });
}

/** SQL condition: the row of `alias` is one of these (region, id) keys; the region list lets Citus prune shards. */
function inRegions(alias: 'm' | 't', keys: readonly (readonly [number, number])[]) {
  if (keys.length === 0) return sql<boolean>`false`;
  const region = sql.ref(`${alias}.region_id`);
  const pairs = keys.map(([r, id]) => sql`(${r}::bigint, ${id}::bigint)`);
  return sql<boolean>`(${region} = ANY(${[...new Set(keys.map(([r]) => r))]}::bigint[]) AND (${region}, ${sql.ref(`${alias}.id`)}) IN (${sql.join(pairs)}))`;
}

export async function setElsewhereTransfer(tx: Executor, e: { regionId: number; jobId: number; memberId: number; transferId: number }) {
  await tx
    .updateTable('import_job_elsewhere')
    .set({ transfer_id: e.transferId })
    .where('region_id', '=', e.regionId)
    .where('job_id', '=', e.jobId)
    .where('member_id', '=', e.memberId)
    .execute();
}

/** Error files of jobs that ended before `cutoff`: due for deletion. */
export async function errorFilesEndedBefore(db: Executor, cutoff: Date): Promise<{ id: number; error_file: string }[]> {
  const rows = await db
    .selectFrom('import_job')
    .select(['id', 'error_file'])
    .where('error_file', 'is not', null)
    .where('status', 'in', ['done', 'failed'])
    .where('finished_at', '<', cutoff.toISOString())
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, error_file: r.error_file! }));
}

export async function markErrorFileExpired(db: Executor, id: number): Promise<void> {
  await db
    .updateTable('import_job')
    .set({ error_file: null, error_file_sealed: false, error_file_expired_at: sql`now()` })
    .where('id', '=', id)
    .where('error_file', 'is not', null)
    .execute();
}

/** Every file a job still needs: the uploads of unfinished jobs and the error files kept. */
export async function filesInUse(db: Executor): Promise<{ unfinishedIds: number[]; paths: string[] }> {
  const unfinished = await db.selectFrom('import_job').select(['id', 'file_path']).where('status', 'in', ['queued', 'running']).execute();
  const kept = await db.selectFrom('import_job').select('error_file').where('error_file', 'is not', null).execute();
  return {
    unfinishedIds: unfinished.map((r) => r.id),
    paths: [...unfinished.map((r) => r.file_path), ...kept.map((r) => r.error_file!)],
  };
}

/** Adds a batch's rows held for naming an employer the union does not cover, per name (a resumed batch is not counted twice: batches commit whole). */
export async function addUnknownEmployers(
  tx: Executor,
  job: { id: number; region_id: number },
  names: readonly { key: string; name: string; rows: number }[],
): Promise<void> {
  if (names.length === 0) return;
  await tx
    .insertInto('import_job_unknown_employer')
    .values(names.map((n) => ({ region_id: job.region_id, job_id: job.id, name_key: n.key, name: n.name, row_count: n.rows })))
    .onConflict((oc) =>
      oc
        .columns(['region_id', 'job_id', 'name_key'])
        .doUpdateSet({ row_count: sql`import_job_unknown_employer.row_count + excluded.row_count` }),
    )
    .execute();
}

/** The employer names a job held rows for, most rows first; the jobs were read in the caller's scope. */
export async function listUnknownEmployers(db: Executor, jobs: readonly { id: number; region_id: number }[]) {
  if (jobs.length === 0) return [];
  return db
    .selectFrom('import_job_unknown_employer')
    .select(['job_id', 'name', 'row_count'])
    .where((eb) => eb.or(jobs.map((j) => eb.and([eb('region_id', '=', j.region_id), eb('job_id', '=', j.id)]))))
    .orderBy('job_id')
    .orderBy('row_count', 'desc')
    .orderBy('name')
    .execute();
}
