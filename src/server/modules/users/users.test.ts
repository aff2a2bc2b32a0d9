import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, buildTree, createTestContext, login, TEST_PASSWORD, type TestContext } from '../../testing/harness.js';
import type { User } from '../../../common/users.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

describe('users and role grants', () => {
  it('a district admin creates an account in the district, and it sees only that subtree', async () => {
    const districtAdmin = await actorWith(ctx, 'federation_admin', tree.dongcheng.id);
    const created = await ctx.call(
      'POST',
      '/api/users',
      { username: 'dc.cadre', displayName: '东城干部', password: TEST_PASSWORD, orgId: tree.dcStreet.id, role: 'union_cadre' },
      districtAdmin.cookie,
    );
    expect(created.statusCode).toBe(201);
    const cookie = await login(ctx.app, 'dc.cadre', TEST_PASSWORD);
    expect((await ctx.call('GET', `/api/orgs/${tree.dcUnion.id}`, undefined, cookie)).statusCode).toBe(200);
    expect((await ctx.call('GET', `/api/orgs/${tree.dcStreet2.id}`, undefined, cookie)).statusCode).toBe(404);
  });

  it('refuses a weak password and a taken username', async () => {
    const weak = await ctx.call('POST', '/api/users', {
      username: 'weak.user',
      displayName: '弱',
      password: 'aaaaaaaaaaaa',
      orgId: tree.dongcheng.id,
      role: 'read_only',
    });
    expect(weak.json().code).toBe('PASSWORD_WEAK');
    expect(weak.statusCode).toBe(422);
    const taken = await ctx.call('POST', '/api/users', {
      username: 'admin',
      displayName: '重名',
      password: TEST_PASSWORD,
      orgId: tree.dongcheng.id,
      role: 'read_only',
    });
    expect(taken.json().code).toBe('USERNAME_TAKEN');
  });

  it('refuses a short password, a common one and one like the username, each with its own message in the caller language', async () => {
    const create = (password: string, lang?: string) =>
      ctx.call(
        'POST',
        '/api/users',
        { username: 'zhangwei', displayName: '张伟', password, orgId: tree.dongcheng.id, role: 'read_only' },
        ctx.adminCookie,
        lang,
      );
    // The form schema already says so (and so does the console, as you type).
    expect((await create('Xq7-kite')).json().code).toBe('VALIDATION');
    const common = await create('Password123!', 'en');
    expect(common.statusCode).toBe(422);
    expect(common.json()).toMatchObject({ code: 'PASSWORD_COMMON', message: expect.stringMatching(/common one/) });
    expect((await create('qwertyuiop12')).json().code).toBe('PASSWORD_COMMON');
    expect((await create('Zhangwei-2026')).json().code).toBe('PASSWORD_LIKE_USERNAME');
    expect((await create('iewgnahz12345')).json().code).toBe('PASSWORD_LIKE_USERNAME');
    expect((await create('Xq7-umbrella-kite')).statusCode).toBe(201);
  });

  it('refuses a weak password when an admin resets one', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    const reset = await ctx.call('PATCH', `/api/users/${user.userId}`, { password: `${user.username}-2026!` });
    expect(reset.json().code).toBe('PASSWORD_LIKE_USERNAME');
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { password: 'password1234' })).json().code).toBe('PASSWORD_COMMON');
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { password: 'Xq7-umbrella-kite' })).statusCode).toBe(200);
  });

  it('a district admin cannot manage an account that also holds a role elsewhere', async () => {
    const districtAdmin = await actorWith(ctx, 'federation_admin', tree.dongcheng.id);
    const both = await actorWith(ctx, 'read_only', tree.dcStreet.id);
    await ctx.call('POST', `/api/users/${both.userId}/grants`, { orgId: tree.xicheng.id, role: 'read_only' });
    const response = await ctx.call('PATCH', `/api/users/${both.userId}`, { isDisabled: true }, districtAdmin.cookie);
    expect(response.statusCode).toBe(403);
    const listed = (await ctx.call('GET', `/api/users?orgId=${tree.dongcheng.id}`, undefined, districtAdmin.cookie)).json<{
      items: User[];
    }>();
    const seen = listed.items.find((u) => u.id === both.userId)!;
    expect(seen.grants.map((g) => g.orgId)).toEqual([tree.dcStreet.id]);
  });

  it('nobody disables their own account', async () => {
    const me = await ctx.call('GET', '/api/auth/me');
    const response = await ctx.call('PATCH', `/api/users/${me.json().id}`, { isDisabled: true });
    expect(response.json().code).toBe('CANNOT_DISABLE_SELF');
  });

  it('revoking the last grant takes the subtree away at once', async () => {
    const user = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/orgs/${tree.xicheng.id}`, undefined, user.cookie)).statusCode).toBe(200);
    const listed = (await ctx.call('GET', `/api/users?orgId=${tree.xicheng.id}`)).json<{ items: User[] }>();
    const grant = listed.items.find((u) => u.id === user.userId)!.grants[0]!;
    expect((await ctx.call('DELETE', `/api/users/${user.userId}/grants/${grant.id}`)).statusCode).toBe(204);
    expect((await ctx.call('GET', `/api/orgs/${tree.xicheng.id}`, undefined, user.cookie)).statusCode).toBe(404);
  });
});
