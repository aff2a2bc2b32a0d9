import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/users.errors.js';
import type { Role } from '../../../common/auth.js';
import type { Actor, InScope } from '../../auth/scope.js';
import { generatePassword, hashPassword } from '../../auth/passwords.js';
import { recordWrite } from '../../audit/audit.js';
import * as repo from './users.repo.js';

/** The narrow roles an organiser hands out for one job: a merchant's cashier, a contest's judge, a tournament's referee. */
export type NarrowRole = Extract<Role, 'cashier' | 'judge' | 'referee'>;

/** A generated first password and its hash; hashing is slow, so it runs before the transaction opens. */
export async function firstPasswordOf(username: string): Promise<{ firstPassword: string; passwordHash: string }> {
  const firstPassword = generatePassword(username);
  return { firstPassword, passwordHash: await hashPassword(firstPassword) };
}

/**
 * A narrow account, inside the caller's transaction: refuses a taken username (409), inserts the user with the
 * first password to be changed at the first sign-in, grants the narrow role on `node` (the merchant's, contest's or
 * tournament's node, already read in scope) and records the module's audit action with the user and username.
 * The module then names the account in its own table (cashier, judge, referee row).
 */
export async function createNarrowAccount(
  tx: Executor,
  actor: Actor,
  account: {
    username: string;
    displayName: string;
    passwordHash: string;
    role: NarrowRole;
    node: InScope<{ org_id: number; org_path: string }>;
  },
  audit: { action: string; target: { type: string; id: number; orgPath: string }; detail?: Record<string, unknown> },
): Promise<number> {
  if (await repo.usernameExists(tx, account.username)) throw new AppError('USERNAME_TAKEN', { username: account.username });
  const userId = await repo.insertNarrowAccount(tx, account);
  await recordWrite(tx, actor, audit.action, audit.target, { userId, username: account.username, ...audit.detail });
  return userId;
}
