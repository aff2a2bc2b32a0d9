import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, type OrgScope } from '../../auth/scope.js';
import { isRootPath } from '../../auth/tree.js';

/**
 * SQL condition: the entry `a` is placed inside one of `paths`. Its organisations are looked up by id at
 * their current place in the tree (so entries follow a moved subtree); when none of them exists any more,
 * or the entry predates org_ids, the path recorded at the time decides.
 */
function placedIn(paths: readonly string[]): RawBuilder<SqlBool> {
  const scope: OrgScope = { action: 'audit.read', paths };
  return sql<SqlBool>`coalesce(
    (SELECT bool_or(${inScope(scope, sql.ref('o.path'))}) FROM org_unit o WHERE o.id = ANY(a.org_ids)),
    ${inScope(scope, sql.ref('a.org_path'))},
    false)`;
}

/** The entry's target id as a number, or null (a batch, a route, "all"). */
const targetNumber = sql`(CASE WHEN a.target_id ~ '^[0-9]{1,15}$' THEN a.target_id::bigint END)`;

/**
 * The target's name now, looked up by its type: organisations, zones, employers, accounts, meetings and roster files
 * by id; a member, applicant or transferred member only while their record lies in `people` (the reader's member.read
 * scope) — a name, never a personal number.
 */
function targetName(people: OrgScope): RawBuilder<string | null> {
  return sql<string | null>`CASE a.target_type
    WHEN 'org' THEN (SELECT o.name FROM org_unit o WHERE o.id = ${targetNumber})
    WHEN 'zone' THEN (SELECT z.name FROM collaboration_zone z WHERE z.id = ${targetNumber})
    WHEN 'employer' THEN (SELECT e.name FROM employer e WHERE e.id = ${targetNumber})
    WHEN 'user' THEN (SELECT u.display_name FROM app_user u WHERE u.id = ${targetNumber})
    WHEN 'meeting' THEN (SELECT m.title FROM outreach_meeting m WHERE m.id = ${targetNumber})
    WHEN 'import' THEN (SELECT j.file_name FROM import_job j WHERE j.id = ${targetNumber})
    WHEN 'member' THEN (SELECT m.name FROM member m WHERE m.id = ${targetNumber} AND ${inScope(people, sql.ref('m.org_path'))})
    WHEN 'application' THEN
      (SELECT x.name FROM member_application x WHERE x.id = ${targetNumber} AND ${inScope(people, sql.ref('x.org_path'))})
    WHEN 'transfer' THEN
      (SELECT m.name FROM member_transfer t JOIN member m ON m.region_id = t.region_id AND m.id = t.member_id
        WHERE t.id = ${targetNumber} AND ${inScope(people, sql.ref('m.org_path'))})
  END`;
}

export type AuditFilter = {
  cursor: number | undefined;
  limit: number;
  orgPath?: string | undefined;
  actions?: readonly string[] | undefined;
  /** A username, or a name as shown (姓名) of an account. */
  person?: string | undefined;
  result?: 'ok' | 'denied' | 'failed' | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/**
 * Audit entries placed in the caller's subtree, newest first, with the actor's and the target's names; entries without
 * any organisation only for scopes at the root. `people` is the reader's member.read scope (whose names may be shown).
 */
function listAuditQuery(db: Executor, scope: OrgScope, people: OrgScope, f: AuditFilter) {
  const atRoot = scope.paths.some(isRootPath);
  let query = db
    .selectFrom('audit_log as a')
    .select(['a.id', 'a.at', 'a.username', 'a.action', 'a.target_type', 'a.target_id', 'a.result', 'a.ip', 'a.detail'])
    .select(sql<string | null>`(SELECT u.display_name FROM app_user u WHERE u.id = a.user_id)`.as('actor_name'))
    .select(targetName(people).as('target_name'))
    .where((eb) => eb.or([placedIn(scope.paths), atRoot ? sql<SqlBool>`(a.org_ids IS NULL AND a.org_path IS NULL)` : sql<SqlBool>`false`]))
    .orderBy('a.id', 'desc')
    .limit(f.limit + 1);
  if (f.orgPath) query = query.where(placedIn([f.orgPath]));
  if (f.actions && f.actions.length > 0) query = query.where('a.action', 'in', [...f.actions]);
  if (f.person) {
    const person = f.person;
    query = query.where(
      sql<SqlBool>`(a.username = ${person} OR a.user_id IN (SELECT u.id FROM app_user u WHERE u.display_name = ${person}))`,
    );
  }
  if (f.result) query = query.where('a.result', '=', f.result);
  if (f.from) query = query.where(sql<SqlBool>`a.at >= ${f.from}::timestamptz`);
  if (f.to) query = query.where(sql<SqlBool>`a.at < ${f.to}::timestamptz`);
  if (f.cursor !== undefined) query = query.where('a.id', '<', f.cursor);
  return query;
}

export async function listAudit(db: Executor, scope: OrgScope, people: OrgScope, f: AuditFilter) {
  return listAuditQuery(db, scope, people, f).execute();
}

/** How many entries the list's filters hold (bounded: `boundedTotal`). */
export function countAudit(db: Executor, scope: OrgScope, people: OrgScope, f: Omit<AuditFilter, 'cursor' | 'limit'>): Promise<ListTotal> {
  return boundedTotal(db, listAuditQuery(db, scope, people, { ...f, cursor: undefined, limit: 0 }));
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];

/** The newest entries the user wrote themselves (the 工作台's recent activity of a cadre without audit.read). */
export async function listOwnAudit(db: Executor, userId: number, people: OrgScope, limit: number) {
  return (
    db
      .selectFrom('audit_log as a')
      .select(['a.id', 'a.at', 'a.username', 'a.action', 'a.target_type', 'a.target_id', 'a.result', 'a.ip', 'a.detail'])
      .select(sql<string | null>`(SELECT u.display_name FROM app_user u WHERE u.id = a.user_id)`.as('actor_name'))
      .select(targetName(people).as('target_name'))
      .where('a.user_id', '=', userId)
      .where('a.result', '=', 'ok')
      // Signing in and out is not work done.
      .where('a.action', 'not like', 'auth.%')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute()
  );
}
