import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';
import { inScope, type OrgScope } from '../../auth/scope.js';
import type { Role } from '../../../common/auth.js';

/** Users holding at least one grant inside the scope (and under `underPath`), by id. */
export async function listUsers(
  db: Executor,
  scope: OrgScope,
  f: { underPath: string | undefined; afterId: number | undefined; limit: number },
) {
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
  return q.execute();
}

export async function listGrantsOfUsers(db: Executor, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.user_id', 'g.org_id', 'o.name as org_name', 'o.path', 'g.role'])
    .where('g.user_id', 'in', userIds)
    .orderBy('g.id')
    .execute();
}

export async function findUser(db: Executor, id: number, forUpdate = false) {
  let q = db.selectFrom('app_user').select(['id', 'username', 'display_name', 'is_disabled', 'last_login_at']).where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function usernameExists(db: Executor, username: string): Promise<boolean> {
  return (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
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

export async function findGrant(db: Executor, userId: number, grantId: number) {
  return db
    .selectFrom('role_grant')
    .select(['id', 'org_id', 'org_path', 'role'])
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function deleteGrant(tx: Executor, grantId: number): Promise<void> {
  await tx.deleteFrom('role_grant').where('id', '=', grantId).execute();
}
