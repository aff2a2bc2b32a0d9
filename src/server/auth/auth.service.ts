import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Config } from '../config.js';
import { AppError } from '../../common/errors.js';
import '../../common/auth.errors.js';
import { actions, roleAllows, type Me } from '../../common/auth.js';
import { assertPasswordAcceptable, decoyHash, hashPassword, verifyPassword } from './passwords.js';
import * as repo from './auth.repo.js';
import type { Actor } from './scope.js';
import { forgetResolvedSessions, resolveCached, type ResolvedSession } from './session-cache.js';
import { recordRefusal } from '../audit/audit.js';
import { insertAudit } from '../audit/audit.store.js';

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
 * Checks a username and password and opens a new session. Failures are throttled per (username, IP) and per
 * IP, never on the account alone, so nobody can lock someone else out from elsewhere. Unknown users, wrong
 * passwords, disabled accounts and throttled attempts all get the same answer after the same work.
 */
export async function login(
  db: Kysely<DB>,
  config: Config,
  credentials: { username: string; password: string },
  context: LoginContext,
): Promise<{ sessionId: string; userId: number }> {
  const throttleName = credentials.username.slice(0, 40);
  const throttled = (await repo.findLoginThrottle(db, throttleName, context.ip)).some((row) => row.is_blocked);
  const user = await repo.findUserByUsername(db, credentials.username);
  const passwordOk = await verifyPassword(credentials.password, user?.password_hash ?? (await decoyHash));
  if (!user || !passwordOk || throttled || user.is_disabled) {
    const reason = throttled ? 'throttled' : !user ? 'unknown_user' : user.is_disabled ? 'disabled' : 'wrong_password';
    // Attempts refused while throttled do not count, so the refusal ends on time for whoever waits.
    if (!throttled && !passwordOk) {
      const limits = { ip: context.ip, blockMinutes: config.lockoutMinutes };
      await repo.recordLoginFailure(db, { ...limits, username: throttleName, maxFailures: config.maxFailedLogins });
      await repo.recordLoginFailure(db, { ...limits, username: '', maxFailures: config.maxFailedLoginsPerIp });
    }
    await recordRefusal(db, {
      userId: user?.id ?? null,
      username: throttleName,
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
    await repo.clearLoginFailures(tx, throttleName, context.ip);
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
  if (context.previousSessionId) forgetResolvedSessions(db);
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
  forgetResolvedSessions(db);
}

/**
 * The actor behind a session cookie, or undefined when the session is unknown, expired or its account disabled.
 * Reused for `config.sessionCacheSeconds` (session-cache.ts); every change of sessions, accounts or grants in this
 * process empties that cache once committed. A cached session is not touched: its idle expiry counts from the last
 * look-up that reached the database, so an idle session may end up to `sessionCacheSeconds` early — never late.
 */
export async function resolveActor(db: Kysely<DB>, config: Config, sessionId: string, ip: string): Promise<Actor | undefined> {
  const idHash = hashSessionId(sessionId);
  const session = await resolveCached(db, idHash, config.sessionCacheSeconds, () => loadSession(db, config, idHash));
  return session && { ...session, ip };
}

async function loadSession(db: Kysely<DB>, config: Config, idHash: string): Promise<ResolvedSession | undefined> {
  const session = await repo.findLiveSession(db, idHash, config.sessionIdleMinutes);
  if (!session) return undefined;
  if (session.needs_touch) await repo.touchSession(db, idHash);
  const grants = await repo.listGrantsOfUser(db, session.user_id);
  return {
    userId: session.user_id,
    username: session.username,
    displayName: session.display_name,
    mustChangePassword: session.must_change_password,
    grants: grants.map((g) => ({ id: g.id, orgId: g.org_id, orgPath: g.path, orgName: g.name, orgKind: g.kind, role: g.role })),
  };
}

/** What the console needs to know of the signed-in caller; built from the grants resolved with the session. */
export function describeMe(actor: Actor): Me {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    grants: actor.grants.map((g) => ({ id: g.id, orgId: g.orgId, orgName: g.orgName, orgKind: g.orgKind, role: g.role })),
    permissions: actions.filter((a) => actor.grants.some((g) => roleAllows(g.role, a))),
    mustChangePassword: actor.mustChangePassword ?? false,
  };
}

/**
 * The caller replaces their own password: the current one must be right (wrong guesses count towards the
 * sign-in throttle of the pair), the new one must pass the password rule. Ends the caller's other sessions
 * and lifts a forced change; audited.
 */
export async function changeOwnPassword(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  sessionId: string,
  body: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserByUsername(db, actor.username);
  if (!user) throw new AppError('SESSION_EXPIRED');
  const throttled = (await repo.findLoginThrottle(db, actor.username, actor.ip)).some((row) => row.is_blocked);
  if (throttled || !(await verifyPassword(body.currentPassword, user.password_hash))) {
    if (!throttled) {
      await repo.recordLoginFailure(db, {
        username: actor.username,
        ip: actor.ip,
        maxFailures: config.maxFailedLogins,
        blockMinutes: config.lockoutMinutes,
      });
    }
    await recordRefusal(db, {
      userId: actor.userId,
      username: actor.username,
      action: 'auth.password',
      result: 'denied',
      ip: actor.ip,
      detail: { reason: throttled ? 'throttled' : 'wrong_password' },
    });
    throw new AppError('PASSWORD_CURRENT_WRONG');
  }
  if (body.newPassword === body.currentPassword) throw new AppError('PASSWORD_UNCHANGED');
  assertPasswordAcceptable(body.newPassword, { username: user.username, displayName: user.display_name });
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction().execute(async (tx) => {
    await repo.setPassword(tx, actor.userId, passwordHash);
    await repo.deleteOtherSessionsOfUser(tx, actor.userId, hashSessionId(sessionId));
    await insertAudit(tx, {
      userId: actor.userId,
      username: actor.username,
      action: 'auth.password',
      targetType: 'user',
      targetId: actor.userId,
      result: 'ok',
      ip: actor.ip,
    });
  });
  forgetResolvedSessions(db);
}
