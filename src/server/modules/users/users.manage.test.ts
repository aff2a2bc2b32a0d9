import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildTree, createTestContext, login, TEST_PASSWORD, type TestContext } from '../../testing/harness.js';
import type { User } from '../../../common/users.js';

/**
 * Managing accounts as a district admin relies on it: what may be created and granted where, what ends a
 * session, and what the database keeps. users.test.ts holds the password rules and the first scope cases.
 */

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let districtAdmin: { cookie: string; userId: number; username: string };
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  districtAdmin = await actorWith(ctx, 'federation_admin', tree.dongcheng.id);
});
afterAll(async () => ctx?.close());

let serial = 0;
const newUsername = () => `mgr.user${++serial}`;

const create = (body: { username?: string; orgId: number; role: string; displayName?: string }, cookie = districtAdmin.cookie) =>
  ctx.call(
    'POST',
    '/api/users',
    {
      username: body.username ?? newUsername(),
      displayName: body.displayName ?? '账号',
      password: TEST_PASSWORD,
      orgId: body.orgId,
      role: body.role,
    },
    cookie,
  );

const grantsInDb = async (userId: number) =>
  (
    await ctx.database.db
      .selectFrom('role_grant')
      .select(['org_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('org_id')
      .orderBy('role')
      .execute()
  ).map((g) => [g.org_id, g.role]);

const sessionsOf = async (userId: number) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('user_session')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const canRead = async (cookie: string, orgId: number) => (await ctx.call('GET', `/api/orgs/${orgId}`, undefined, cookie)).statusCode;

describe('creating accounts', () => {
  it('creates an account with its first role inside the subtree, recorded once in the audit log', async () => {
    const username = newUsername();
    const created = await create({ username, orgId: tree.dcStreet.id, role: 'auditor', displayName: '街道审计' });
    expect(created.statusCode).toBe(201);
    const user = created.json<User>();
    expect(user).toMatchObject({ username, displayName: '街道审计', isDisabled: false, lastLoginAt: null });
    expect(user.grants).toEqual([{ id: user.grants[0]!.id, orgId: tree.dcStreet.id, orgName: tree.dcStreet.name, role: 'auditor' }]);
    expect(await grantsInDb(user.id)).toEqual([[tree.dcStreet.id, 'auditor']]);
    const stored = await ctx.database.db
      .selectFrom('app_user')
      .select(['password_hash'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(TEST_PASSWORD);
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'target_id'])
      .where('action', '=', 'user.create')
      .where('target_id', '=', String(user.id))
      .execute();
    expect(entries).toEqual([{ user_id: districtAdmin.userId, target_id: String(user.id) }]);
  });

  it('refuses an account on a node outside the subtree, and a taken username in any letter case', async () => {
    const outside = await create({ orgId: tree.xcStreet.id, role: 'read_only' });
    expect(outside.statusCode).toBe(404);
    const username = newUsername();
    expect((await create({ username, orgId: tree.dcStreet.id, role: 'read_only' })).statusCode).toBe(201);
    const taken = await create({ username: username.toUpperCase(), orgId: tree.dcStreet2.id, role: 'read_only' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('USERNAME_TAKEN');
    const rows = await ctx.database.db.selectFrom('app_user').select('id').where('username', '=', username).execute();
    expect(rows).toHaveLength(1);
  });

  it('a cadre may list accounts of the subtree but not create one', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect((await ctx.call('GET', `/api/users?orgId=${tree.dongcheng.id}`, undefined, cadre.cookie)).statusCode).toBe(200);
    const refused = await create({ orgId: tree.dcUnion.id, role: 'read_only' }, cadre.cookie);
    expect(refused.statusCode).toBe(403);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await ctx.call('GET', '/api/users', undefined, reader.cookie)).statusCode).toBe(403);
  });

  it('lists only accounts that hold a role inside the caller’s subtree', async () => {
    const inside = await actorWith(ctx, 'read_only', tree.dcUnion.id);
    const outside = await actorWith(ctx, 'read_only', tree.xcUnion.id);
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: User[]; nextCursor: string | null } = (
        await ctx.call(
          'GET',
          `/api/users?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          undefined,
          districtAdmin.cookie,
        )
      ).json();
      ids.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toContain(inside.userId);
    expect(ids).not.toContain(outside.userId);
  });
});

describe('granting and revoking roles', () => {
  it('grants a second role inside the subtree, and refuses one outside it without writing anything', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    expect(await canRead(user.cookie, tree.dcStreet2.id)).toBe(404);
    const granted = await ctx.call(
      'POST',
      `/api/users/${user.userId}/grants`,
      { orgId: tree.dcStreet2.id, role: 'union_cadre' },
      districtAdmin.cookie,
    );
    expect(granted.statusCode).toBe(200);
    expect(granted.json<User>().grants.map((g) => [g.orgId, g.role])).toEqual(
      expect.arrayContaining([
        [tree.dcStreet.id, 'read_only'],
        [tree.dcStreet2.id, 'union_cadre'],
      ]),
    );
    // The new role takes effect on the open session.
    expect(await canRead(user.cookie, tree.dcStreet2.id)).toBe(200);
    const twice = await ctx.call(
      'POST',
      `/api/users/${user.userId}/grants`,
      { orgId: tree.dcStreet2.id, role: 'union_cadre' },
      districtAdmin.cookie,
    );
    // Granting a role the account already holds there is a no-op, not a second grant (checked below).
    expect(twice.statusCode).toBe(200);
    const outside = await ctx.call(
      'POST',
      `/api/users/${user.userId}/grants`,
      { orgId: tree.xicheng.id, role: 'read_only' },
      districtAdmin.cookie,
    );
    expect(outside.statusCode).toBe(404);
    expect(await grantsInDb(user.userId)).toEqual(
      [
        [tree.dcStreet.id, 'read_only'],
        [tree.dcStreet2.id, 'union_cadre'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('a district admin may not grant on an account of another district', async () => {
    const foreign = await actorWith(ctx, 'read_only', tree.xcStreet.id);
    const refused = await ctx.call(
      'POST',
      `/api/users/${foreign.userId}/grants`,
      { orgId: tree.dcStreet.id, role: 'union_cadre' },
      districtAdmin.cookie,
    );
    expect(refused.statusCode).toBe(404);
    expect(await grantsInDb(foreign.userId)).toEqual([[tree.xcStreet.id, 'read_only']]);
  });

  it('revokes a grant only of the account it belongs to, and an account left without grants is the root admins’ alone', async () => {
    const user = await actorWith(ctx, 'union_cadre', tree.dcUnion.id);
    const other = await actorWith(ctx, 'union_cadre', tree.dcUnion.id);
    const listed = (await ctx.call('GET', `/api/users?orgId=${tree.dcUnion.id}`, undefined, districtAdmin.cookie)).json<{
      items: User[];
    }>();
    const grant = listed.items.find((u) => u.id === user.userId)!.grants[0]!;
    // The account's session is in use (and resolved recently) when its grant goes.
    expect((await ctx.call('GET', `/api/orgs/${tree.dcUnion.id}`, undefined, user.cookie)).statusCode).toBe(200);
    const wrongOwner = await ctx.call('DELETE', `/api/users/${other.userId}/grants/${grant.id}`, undefined, districtAdmin.cookie);
    expect(wrongOwner.statusCode).toBe(404);
    expect(await grantsInDb(user.userId)).toEqual([[tree.dcUnion.id, 'union_cadre']]);

    expect((await ctx.call('DELETE', `/api/users/${user.userId}/grants/${grant.id}`, undefined, districtAdmin.cookie)).statusCode).toBe(
      204,
    );
    expect(await grantsInDb(user.userId)).toEqual([]);
    // At once, not after the session cache's seconds: the revoked role reaches nothing on the next request.
    expect((await ctx.call('GET', `/api/orgs/${tree.dcUnion.id}`, undefined, user.cookie)).statusCode).toBe(404);
    const revoked = await ctx.database.db
      .selectFrom('audit_log')
      .select(['user_id'])
      .where('action', '=', 'user.revoke')
      .where('target_id', '=', String(user.userId))
      .execute();
    expect(revoked).toEqual([{ user_id: districtAdmin.userId }]);
    // Without any grant the account lies in no subtree: the district admin no longer reaches it, the root admin does.
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { displayName: '无角色' }, districtAdmin.cookie)).statusCode).toBe(404);
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { displayName: '无角色' })).statusCode).toBe(200);
  });
});

describe('disabling and resetting', () => {
  it('nobody disables their own account, not even a district admin', async () => {
    const refused = await ctx.call('PATCH', `/api/users/${districtAdmin.userId}`, { isDisabled: true }, districtAdmin.cookie);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CANNOT_DISABLE_SELF');
    const row = await ctx.database.db
      .selectFrom('app_user')
      .select('is_disabled')
      .where('id', '=', districtAdmin.userId)
      .executeTakeFirstOrThrow();
    expect(row.is_disabled).toBe(false);
    expect(await canRead(districtAdmin.cookie, tree.dongcheng.id)).toBe(200);
  });

  it('disabling an account ends its sessions at once and refuses its sign-in until it is enabled again', async () => {
    const user = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    const second = await login(ctx.app, user.username, TEST_PASSWORD);
    expect(await sessionsOf(user.userId)).toBe(2);
    const disabled = await ctx.call('PATCH', `/api/users/${user.userId}`, { isDisabled: true }, districtAdmin.cookie);
    expect(disabled.json<User>().isDisabled).toBe(true);
    expect(await sessionsOf(user.userId)).toBe(0);
    for (const cookie of [user.cookie, second]) expect(await canRead(cookie, tree.dcStreet.id)).toBe(401);
    const refused = await ctx.call('POST', '/api/auth/login', { username: user.username, password: TEST_PASSWORD }, '');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('LOGIN_FAILED');
    await ctx.call('PATCH', `/api/users/${user.userId}`, { isDisabled: false }, districtAdmin.cookie);
    expect(await canRead(await login(ctx.app, user.username, TEST_PASSWORD), tree.dcStreet.id)).toBe(200);
  });

  it('a new password set by an admin ends the old sessions; only the new password signs in', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    const reset = await ctx.call('PATCH', `/api/users/${user.userId}`, { password: 'Xq7-umbrella-kite' }, districtAdmin.cookie);
    expect(reset.statusCode).toBe(200);
    expect(await canRead(user.cookie, tree.dcStreet.id)).toBe(401);
    const old = await ctx.call('POST', '/api/auth/login', { username: user.username, password: TEST_PASSWORD }, '');
    expect(old.statusCode).toBe(401);
    expect(await canRead(await login(ctx.app, user.username, 'Xq7-umbrella-kite'), tree.dcStreet.id)).toBe(200);
    const entry = await ctx.database.db
      .selectFrom('audit_log')
      .select(sql<string>`detail->>'passwordChanged'`.as('changed'))
      .where('action', '=', 'user.update')
      .where('target_id', '=', String(user.userId))
      .executeTakeFirstOrThrow();
    expect(entry.changed).toBe('true');
  });

  it('renaming an account leaves its sessions alone', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    const renamed = await ctx.call('PATCH', `/api/users/${user.userId}`, { displayName: '新名字' }, districtAdmin.cookie);
    expect(renamed.json<User>().displayName).toBe('新名字');
    expect(await canRead(user.cookie, tree.dcStreet.id)).toBe(200);
  });

  it('an account that must still change its generated password manages no accounts until it does', async () => {
    const admin = await actorWith(ctx, 'federation_admin', tree.dcStreet2.id);
    await sql`UPDATE app_user SET must_change_password = true WHERE id = ${admin.userId}`.execute(ctx.database.db);
    const cookie = await login(ctx.app, admin.username, TEST_PASSWORD);
    const held = await create({ orgId: tree.dcStreet2.id, role: 'read_only' }, cookie);
    expect(held.statusCode).toBe(403);
    expect(held.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await ctx.call(
      'POST',
      '/api/auth/password',
      { currentPassword: TEST_PASSWORD, newPassword: 'Xq7-umbrella-kite' },
      cookie,
    );
    expect(changed.statusCode).toBe(200);
    expect((await create({ orgId: tree.dcStreet2.id, role: 'read_only' }, cookie)).statusCode).toBe(201);
  });
});
