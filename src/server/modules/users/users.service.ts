import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/users.errors.js';
import type { Page } from '../../../common/paging.js';
import type { CreateUserBody, GrantBody, UpdateUserBody, User, UserListQuery } from '../../../common/users.js';
import { scopeFor, type Actor, type InScope, type OrgScope } from '../../auth/scope.js';
import { isRootPath } from '../../auth/tree.js';
import { assertPasswordAcceptable, hashPassword } from '../../auth/passwords.js';
import { clearLoginFailuresOfUsername, deleteSessionsOfUser } from '../../auth/auth.repo.js';
import { forgetResolvedSessions } from '../../auth/session-cache.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgPathInScope, findOrgFor } from '../orgs/orgs.service.js';
import * as repo from './users.repo.js';

type UserRow = InScope<{ id: number; username: string; display_name: string; is_disabled: boolean; last_login_at: string | null }>;

async function presentUsers(db: Executor, scope: OrgScope, users: readonly UserRow[]): Promise<User[]> {
  const grants = await repo.listGrantsOfUsers(db, scope, users);
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    isDisabled: u.is_disabled,
    lastLoginAt: u.last_login_at,
    grants: grants.filter((g) => g.user_id === u.id).map((g) => ({ id: g.id, orgId: g.org_id, orgName: g.org_name, role: g.role })),
  }));
}

export async function listUsers(db: Kysely<DB>, actor: Actor, query: UserListQuery): Promise<Page<User>> {
  const scope = scopeFor(actor, 'user.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const underPath = query.orgId === undefined ? undefined : await findOrgPathInScope(db, scope, query.orgId);
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.listUsers(db, scope, { underPath, afterId, limit: query.limit }),
    present: (rows) => presentUsers(db, scope, rows),
    sortKey: (last) => last.id,
    total: () => repo.countUsers(db, scope, { underPath }),
  });
}

/**
 * A user the caller may manage: every grant the user holds lies inside the caller's user.write scope,
 * so a district admin can never disable or re-password someone who also works elsewhere.
 */
async function findManageableUser(tx: Executor, actor: Actor, id: number) {
  const scope = scopeFor(actor, 'user.write');
  const readScope = scopeFor(actor, 'user.read');
  const user = await repo.findManageableUser(tx, { read: readScope, write: scope, writeAtRoot: scope.paths.some(isRootPath) }, id);
  if (user) return { user, scope, orgIds: user.org_ids };
  throw new AppError((await repo.findUserInScope(tx, readScope, id)) ? 'FORBIDDEN' : 'NOT_FOUND');
}

/** Creates an account with its first role on a node the caller administers. */
export async function createUser(db: Kysely<DB>, actor: Actor, body: CreateUserBody): Promise<User> {
  assertPasswordAcceptable(body.password, body);
  const passwordHash = await hashPassword(body.password);
  return db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'user.write', body.orgId);
    if (await repo.usernameExists(tx, body.username)) throw new AppError('USERNAME_TAKEN', { username: body.username });
    const id = await repo.insertUser(tx, { username: body.username, displayName: body.displayName, passwordHash });
    await repo.insertGrant(tx, { userId: id, orgId: org.id, orgPath: org.path, role: body.role });
    await recordWrite(tx, actor, 'user.create', { type: 'user', id, orgPath: org.path }, { username: body.username, role: body.role });
    const readScope = scopeFor(actor, 'user.read');
    const [user] = await presentUsers(tx, readScope, [(await repo.findUserInScope(tx, readScope, id))!]);
    return user!;
  });
}

/** Renames, disables/enables or resets the password of an account; disabling or a new password ends its sessions. */
export async function updateUser(db: Kysely<DB>, actor: Actor, id: number, body: UpdateUserBody): Promise<User> {
  const updated = await db.transaction().execute(async (tx) => {
    const { user, orgIds } = await findManageableUser(tx, actor, id);
    if (body.password !== undefined) {
      assertPasswordAcceptable(body.password, { username: user.username, displayName: body.displayName ?? user.display_name });
    }
    const passwordHash = body.password === undefined ? undefined : await hashPassword(body.password);
    if (body.isDisabled === true && id === actor.userId) throw new AppError('CANNOT_DISABLE_SELF');
    await repo.updateUserRow(tx, id, {
      ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
      ...(body.isDisabled !== undefined ? { is_disabled: body.isDisabled } : {}),
      ...(passwordHash !== undefined ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
    });
    if (body.isDisabled === true || passwordHash !== undefined) await deleteSessionsOfUser(tx, id);
    if (passwordHash !== undefined) await clearLoginFailuresOfUsername(tx, user.username);
    await recordWrite(
      tx,
      actor,
      'user.update',
      // Placed at the nodes of the user's grants, where that user's auditors look (a user without any: root auditors only).
      { type: 'user', id, orgPath: null, orgIds },
      {
        username: user.username,
        displayName: body.displayName,
        isDisabled: body.isDisabled,
        passwordChanged: passwordHash !== undefined,
      },
    );
    const [presented] = await presentUsers(tx, scopeFor(actor, 'user.read'), [(await repo.findUserAgain(tx, user))!]);
    return presented!;
  });
  // Sessions of this process that were resolved before the change are looked up again (session-cache.ts).
  forgetResolvedSessions(db);
  return updated;
}

export async function grantRole(db: Kysely<DB>, actor: Actor, userId: number, body: GrantBody): Promise<User> {
  const granted = await db.transaction().execute(async (tx) => {
    const { user: manageable } = await findManageableUser(tx, actor, userId);
    const org = await findOrgFor(tx, actor, 'user.write', body.orgId);
    const grantId = await repo.insertGrant(tx, { userId, orgId: org.id, orgPath: org.path, role: body.role });
    await recordWrite(tx, actor, 'user.grant', { type: 'user', id: userId, orgPath: org.path }, { grantId, role: body.role });
    const [user] = await presentUsers(tx, scopeFor(actor, 'user.read'), [(await repo.findUserAgain(tx, manageable))!]);
    return user!;
  });
  forgetResolvedSessions(db);
  return granted;
}

export async function revokeGrant(db: Kysely<DB>, actor: Actor, userId: number, grantId: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const { user, scope } = await findManageableUser(tx, actor, userId);
    const grant = await repo.findGrantInScope(tx, scope, user, grantId);
    if (!grant) throw new AppError('NOT_FOUND');
    await repo.deleteGrant(tx, grantId);
    await recordWrite(tx, actor, 'user.revoke', { type: 'user', id: userId, orgPath: grant.org_path }, { grantId, role: grant.role });
  });
  forgetResolvedSessions(db);
}
