import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Config } from '../config.js';
import { AppError } from '../../common/errors.js';
import { actions, roleAllows, type Me, type Role } from '../../common/auth.js';
import { decoyHash, verifyPassword } from './passwords.js';
import * as repo from './auth.repo.js';
import type { Actor } from './scope.js';
import { recordRefusal } from '../modules/audit/audit.service.js';
import { insertAudit } from '../modules/audit/audit.repo.js';

export const SESSION_COOKIE = 'gh_sid';

/** Session ids are 256 random bits; the database keeps only their SHA-256. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}
export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

type LoginContext = { ip: string; userAgent: string | null; previousSessionId: string | undefined };

/**
 * Checks a username and password and opens a new session. Unknown users, wrong passwords, disabled
 * and locked accounts all get the same answer after the same work, so none can be told apart.
 */
export async function login(
  db: Kysely<DB>,
  config: Config,
  credentials: { username: string; password: string },
  context: LoginContext,
): Promise<{ sessionId: string; userId: number }> {
  const user = await repo.findUserByUsername(db, credentials.username);
  const passwordOk = await verifyPassword(credentials.password, user?.password_hash ?? (await decoyHash));
  const locked = user?.locked_until !== null && user?.locked_until !== undefined && Date.parse(user.locked_until) > Date.now();
  if (!user || !passwordOk || locked || user.is_disabled) {
    let reason = 'unknown_user';
    if (user) {
      reason = user.is_disabled ? 'disabled' : locked ? 'locked' : 'wrong_password';
      if (!passwordOk && !locked) await repo.recordFailedLogin(db, user.id, config.maxFailedLogins, config.lockoutMinutes);
    }
    await recordRefusal(db, {
      userId: user?.id ?? null,
      username: credentials.username.slice(0, 40),
      action: 'auth.login',
      // A known account's refusals belong where its auditors look: the nodes it holds roles on.
      orgIds: user ? (await repo.listGrantsOfUser(db, user.id)).map((g) => g.org_id) : undefined,
      result: 'denied',
      ip: context.ip,
      detail: { reason },
    });
    throw new AppError('LOGIN_FAILED');
  }
  const sessionId = newSessionId();
  await db.transaction().execute(async (tx) => {
    if (context.previousSessionId) await repo.deleteSession(tx, hashSessionId(context.previousSessionId));
    await repo.recordSuccessfulLogin(tx, user.id);
    await repo.insertSession(tx, {
      idHash: hashSessionId(sessionId),
      userId: user.id,
      absoluteHours: config.sessionAbsoluteHours,
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 300) ?? null,
    });
    const orgIds = (await repo.listGrantsOfUser(tx, user.id)).map((g) => g.org_id);
    await insertAudit(tx, { userId: user.id, username: user.username, action: 'auth.login', orgIds, result: 'ok', ip: context.ip });
  });
  return { sessionId, userId: user.id };
}

export async function logout(db: Kysely<DB>, sessionId: string, actor: Actor | undefined): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await repo.deleteSession(tx, hashSessionId(sessionId));
    if (actor) {
      const orgIds = actor.grants.map((g) => g.orgId);
      await insertAudit(tx, { userId: actor.userId, username: actor.username, action: 'auth.logout', orgIds, result: 'ok', ip: actor.ip });
    }
  });
}

/** The actor behind a session cookie, or undefined when the session is unknown, expired or its account disabled. */
export async function resolveActor(db: Kysely<DB>, config: Config, sessionId: string, ip: string): Promise<Actor | undefined> {
  const idHash = hashSessionId(sessionId);
  const session = await repo.findLiveSession(db, idHash, config.sessionIdleMinutes);
  if (!session) return undefined;
  if (session.needs_touch) await repo.touchSession(db, idHash);
  const grants = await repo.listGrantsOfUser(db, session.user_id);
  return {
    userId: session.user_id,
    username: session.username,
    displayName: session.display_name,
    ip,
    grants: grants.map((g) => ({ id: g.id, orgId: g.org_id, orgPath: g.path, orgName: g.name, orgKind: g.kind, role: g.role as Role })),
  };
}

/** What the console needs to know of the signed-in caller; built from the grants resolved with the session. */
export function describeMe(actor: Actor): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    grants: actor.grants.map((g) => ({ id: g.id, orgId: g.orgId, orgName: g.orgName, orgKind: g.orgKind, role: g.role })) as Me['grants'],
    permissions: actions.filter((a) => actor.grants.some((g) => roleAllows(g.role, a))),
  };
}
