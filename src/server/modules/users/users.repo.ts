import { sql, type SqlBool } from 'kysely';
import type { ListTotal } from '../../../common/paging.js';
import { boundedTotal } from '../../http/list-total.js';
import type { Executor } from '../../db/executor.js';
import { inScope, provenInScope, type InScope, type OrgScope } from '../../auth/scope.js';
import type { Role } from '../../../common/auth.js';

/** Users holding at least one grant inside the scope (and under `underPath`), by id. */
function listUsersQuery(db: Executor, scope: OrgScope, f: { underPath: string | undefined; afterId: number | undefined; limit: number }) {
  let q = db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.username', 'u.display_name', 'u.is_disabled', 'u.last_login_at'])
    .where((eb) => {
      let grants = eb
        .selectFrom('role_grant as g')
        .select('g.id')
        .whereRef('g.user_id', '=', 'u.id')
        .where(inScope(scope, sql.ref('g.org_path')));
      if (f.underPath) grants = grants.where(sql<boolean>`g.org_path <@ ${f.underPath}::ltree`);
      return eb.exists(grants);
    })
    .orderBy('u.id')
    .limit(f.limit + 1);
  if (f.afterId !== undefined) q = q.where('u.id', '>', f.afterId);
  return q;
}

export async function listUsers(db: Executor, scope: OrgScope, f: Parameters<typeof listUsersQuery>[2]) {
  const q = listUsersQuery(db, scope, f);
  return (await q.execute()).map(provenInScope);
}

/** How many rows the list's filters hold (bounded: `boundedTotal`). */
export function countUsers(
  db: Executor,
  scope: OrgScope,
  f: Omit<Parameters<typeof listUsersQuery>[2], 'afterId' | 'limit'>,
): Promise<ListTotal> {
  return boundedTotal(db, listUsersQuery(db, scope, { ...f, afterId: undefined, limit: 0 }));
}

/** The grants of users already reached through the scope, only those inside it: grants elsewhere are not the caller's business. */
export async function listGrantsOfUsers(db: Executor, scope: OrgScope, users: readonly InScope<{ id: number }>[]) {
  if (users.length === 0) return [];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.user_id', 'g.org_id', 'o.name as org_name', 'o.path', 'g.role'])
    .where(
      'g.user_id',
      'in',
      users.map((u) => u.id),
    )
    .where(inScope(scope, sql.ref('o.path')))
    .orderBy('g.id')
    .execute();
}

const userColumns = ['u.id', 'u.username', 'u.display_name', 'u.is_disabled', 'u.last_login_at'] as const;

/** SQL condition: user `u` holds a grant on a node inside the scope (with `inside` false: one outside it). */
function hasGrant(scope: OrgScope, inside = true) {
  const condition = inScope(scope, sql.ref('o.path'));
  return sql<SqlBool>`EXISTS (SELECT 1 FROM role_grant g JOIN org_unit o ON o.id = g.org_id
                               WHERE g.user_id = u.id AND ${inside ? condition : sql`NOT ${condition}`})`;
}

/** A user holding at least one grant inside the scope. */
export async function findUserInScope(db: Executor, scope: OrgScope, id: number) {
  const row = await db.selectFrom('app_user as u').select(userColumns).where('u.id', '=', id).where(hasGrant(scope)).executeTakeFirst();
  return row && provenInScope(row);
}

/** A user already reached through the scope, read again after a change. */
export async function findUserAgain(db: Executor, user: InScope<{ id: number }>) {
  const row = await db.selectFrom('app_user as u').select(userColumns).where('u.id', '=', user.id).executeTakeFirst();
  return row && provenInScope(row);
}

/**
 * A user the caller may manage, locked, with the nodes of all their grants: one visible in `readScope` whose every
 * grant lies inside `writeScope` — or, for a `writeScope` at the root, a user without any grant.
 */
export async function findManageableUser(db: Executor, scopes: { read: OrgScope; write: OrgScope; writeAtRoot: boolean }, id: number) {
  const row = await db
    .selectFrom('app_user as u')
    .select(userColumns)
    .select(
      sql<number[]>`coalesce((SELECT json_agg(g.org_id ORDER BY g.id) FROM role_grant g WHERE g.user_id = u.id), '[]'::json)`.as('org_ids'),
    )
    .where('u.id', '=', id)
    .where(
      sql<SqlBool>`((${hasGrant(scopes.read)} AND NOT ${hasGrant(scopes.write, false)})
        OR (${scopes.writeAtRoot ? sql`true` : sql`false`} AND NOT EXISTS (SELECT 1 FROM role_grant g WHERE g.user_id = u.id)))`,
    )
    .forUpdate()
    .executeTakeFirst();
  return row && provenInScope(row);
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
}

/** A narrow account's user (first password to change at the first sign-in) and its one grant. */
export async function insertNarrowAccount(
  tx: Executor,
  a: { username: string; displayName: string; passwordHash: string; role: Role; node: InScope<{ org_id: number; org_path: string }> },
): Promise<number> {
  const user = await tx
    .insertInto('app_user')
    .values({ username: a.username, display_name: a.displayName, password_hash: a.passwordHash, must_change_password: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('role_grant').values({ user_id: user.id, org_id: a.node.org_id, org_path: a.node.org_path, role: a.role }).execute();
  return user.id;
}

export async function insertUser(tx: Executor, user: { username: string; displayName: string; passwordHash: string }): Promise<number> {
  const row = await tx
    .insertInto('app_user')
    .values({ username: user.username, display_name: user.displayName, password_hash: user.passwordHash })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  tx: Executor,
  id: number,
  fields: { display_name?: string; is_disabled?: boolean; password_hash?: string; failed_logins?: number; locked_until?: null },
): Promise<void> {
  await tx
    .updateTable('app_user')
    .set({ ...fields, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertGrant(tx: Executor, grant: { userId: number; orgId: number; orgPath: string; role: Role }): Promise<number> {
  const row = await tx
    .insertInto('role_grant')
    .values({ user_id: grant.userId, org_id: grant.orgId, org_path: grant.orgPath, role: grant.role })
    .onConflict((oc) => oc.columns(['user_id', 'org_id', 'role']).doUpdateSet({ role: grant.role }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A grant of a user already reached through the scope, if the grant itself lies inside the scope. */
export async function findGrantInScope(db: Executor, scope: OrgScope, user: InScope<{ id: number }>, grantId: number) {
  return db
    .selectFrom('role_grant as g')
    .select(['g.id', 'g.org_id', 'g.org_path', 'g.role'])
    .where('g.id', '=', grantId)
    .where('g.user_id', '=', user.id)
    .where(inScope(scope, sql.ref('g.org_path')))
    .executeTakeFirst();
}

export async function deleteGrant(tx: Executor, grantId: number): Promise<void> {
  await tx.deleteFrom('role_grant').where('id', '=', grantId).execute();
}
