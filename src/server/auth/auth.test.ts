import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { actorWith, buildTree, createTestContext, login, TEST_PASSWORD, type TestContext } from '../testing/harness.js';
import { TEST_ADMIN_PASSWORD } from '../testing/template.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { forgetResolvedSessions } from './session-cache.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext({ maxFailedLogins: 5, sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const tryLogin = (username: string, password: string, from: { remoteAddress?: string } = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...from });
const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('passwords', () => {
  it('hashes with scrypt and a per-hash salt', async () => {
    const a = await hashPassword('correct horse 1');
    const b = await hashPassword('correct horse 1');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse 1', a)).toBe(true);
    expect(await verifyPassword('correct horse 2', a)).toBe(false);
  });
});

describe('login and sessions', () => {
  it('opens a session in an httpOnly SameSite cookie with a 256-bit id, stored only hashed', async () => {
    const response = await tryLogin('admin', TEST_ADMIN_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'gh_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(Buffer.from(cookie.value, 'base64url').length).toBe(32);
    const stored = await ctx.database.db.selectFrom('user_session').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(cookie.value);
    expect(response.json()).toMatchObject({ username: 'admin', permissions: expect.arrayContaining(['org.write', 'user.write']) });
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await tryLogin('nobody-here', 'whatever-1234');
    const wrong = await tryLogin('admin', 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
  });

  it('throttles five wrong passwords from one IP for that IP only: the account still signs in from another', async () => {
    const fromA = { remoteAddress: '10.0.0.1' };
    const fromB = { remoteAddress: '10.0.0.2' };
    for (let i = 0; i < 5; i++) expect((await tryLogin('admin', 'not-the-password1', fromA)).statusCode).toBe(401);
    const elsewhere = await tryLogin('admin', TEST_ADMIN_PASSWORD, fromB);
    expect(elsewhere.statusCode).toBe(200);
    const refused = await tryLogin('admin', TEST_ADMIN_PASSWORD, fromA);
    expect(refused.statusCode).toBe(401);
    // Throttled, wrong password and unknown user cannot be told apart.
    expect(refused.body).toBe((await tryLogin('nobody-here', 'x', fromB)).body);
    expect(refused.body).toBe((await tryLogin('admin', 'not-the-password1', fromB)).body);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(sql<string>`detail->>'reason'`.as('reason'))
      .where('username', '=', 'admin')
      .where('action', '=', 'auth.login')
      .where('ip', '=', '10.0.0.1')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.reason).toBe('throttled');
  });

  it('lets the IP in again once the refusal has run out, and refuses longer after the next failure', async () => {
    const fromC = { remoteAddress: '10.0.0.3' };
    const user = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    for (let i = 0; i < 5; i++) await tryLogin(user.username, 'not-the-password1', fromC);
    expect((await tryLogin(user.username, TEST_PASSWORD, fromC)).statusCode).toBe(401);
    const blockedFor = async () =>
      (
        await sql<{ minutes: number }>`SELECT round(extract(epoch FROM blocked_until - now()) / 60)::int AS minutes
          FROM login_throttle WHERE username = ${user.username} AND ip = '10.0.0.3'`.execute(ctx.database.db)
      ).rows[0]!.minutes;
    expect(await blockedFor()).toBe(ctx.config.lockoutMinutes);
    await sql`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE username = ${user.username}`.execute(
      ctx.database.db,
    );
    await tryLogin(user.username, 'not-the-password2', fromC);
    expect(await blockedFor()).toBe(ctx.config.lockoutMinutes * 2);
    await sql`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE username = ${user.username}`.execute(
      ctx.database.db,
    );
    expect((await tryLogin(user.username, TEST_PASSWORD, fromC)).statusCode).toBe(200);
  });

  it('lets a throttled account in from the same IP once an administrator has reset its password', async () => {
    const fromE = { remoteAddress: '10.0.0.6' };
    const user = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    for (let i = 0; i < 5; i++) await tryLogin(user.username, 'not-the-password1', fromE);
    expect((await tryLogin(user.username, TEST_PASSWORD, fromE)).statusCode).toBe(401);
    expect((await ctx.call('PATCH', `/api/users/${user.userId}`, { password: 'Xq7-umbrella-kite' })).statusCode).toBe(200);
    expect((await tryLogin(user.username, 'Xq7-umbrella-kite', fromE)).statusCode).toBe(200);
  });

  it('refuses an IP that fails across many usernames, for every username', async () => {
    const limited = await createTestContext({ maxFailedLoginsPerIp: 4 });
    try {
      const fromD = { remoteAddress: '10.0.0.4' };
      for (let i = 0; i < 4; i++) {
        await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `guess${i}`, password: 'x' }, ...fromD });
      }
      const login = (remoteAddress: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
          remoteAddress,
        });
      expect((await login('10.0.0.4')).statusCode).toBe(401);
      expect((await login('10.0.0.5')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('renews the session id at login and ends the old one', async () => {
    const first = await login(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin', password: TEST_ADMIN_PASSWORD },
      headers: { cookie: first },
    });
    const second = `gh_sid=${response.cookies.find((c) => c.name === 'gh_sid')!.value}`;
    expect(second).not.toBe(first);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute timeout', async () => {
    const idle = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    await sql`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = ${idle.userId}`.execute(ctx.database.db);
    // Time passing is written behind the process's back: its session cache notices only after its few seconds.
    forgetResolvedSessions(ctx.database.db);
    const expired = await me(idle.cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe('SESSION_EXPIRED');

    const old = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    await sql`UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = ${old.userId}`.execute(ctx.database.db);
    forgetResolvedSessions(ctx.database.db);
    expect((await me(old.cookie)).statusCode).toBe(401);
  });

  it('ends every session of an account when it is disabled', async () => {
    const user = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect((await me(user.cookie)).statusCode).toBe(200);
    const disabled = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.userId}`,
      payload: { isDisabled: true },
      headers: { cookie: ctx.adminCookie },
    });
    expect(disabled.statusCode).toBe(200);
    expect((await me(user.cookie)).statusCode).toBe(401);
    expect((await tryLogin(user.username, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('logs out', async () => {
    const cookie = await login(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
    expect((await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 in the caller language past the per-minute limit', async () => {
    const limited = await createTestContext({ loginRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      let last = '';
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x', password: 'y' } });
        statuses.push(r.statusCode);
        last = r.json().message;
      }
      expect(statuses.slice(-1)).toEqual([429]);
      expect(last).toMatch(/过于频繁/);
    } finally {
      await limited.close();
    }
  });
});

describe('audit log', () => {
  it('records writes and denied attempts with who, what, when and from where', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    await ctx.app.inject({
      method: 'POST',
      url: '/api/orgs',
      payload: { parentId: tree.dcStreet.id, kind: 'grassroots_union', name: '越权' },
      headers: { cookie: cadre.cookie },
    });
    const denied = await ctx.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('username', '=', cadre.username)
      .where('result', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ action: 'POST /api/orgs', ip: '127.0.0.1' });
    expect(denied.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const created = await ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'org.create').execute();
    expect(created.length).toBeGreaterThan(5);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const db = ctx.database.db;
    await expect(sql`UPDATE audit_log SET result = 'ok'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('shows an auditor of 东城 only 东城 entries', async () => {
    const auditor = await actorWith(ctx, 'auditor', tree.dongcheng.id);
    const page = await ctx.app.inject({ method: 'GET', url: '/api/audit?limit=200', headers: { cookie: auditor.cookie } });
    expect(page.statusCode).toBe(200);
    const ids = page.json<{ items: { targetId: string | null }[] }>().items.map((i) => i.targetId);
    expect(ids).not.toContain(String(tree.xcUnion.id));
    expect(ids).toContain(String(tree.dcUnion.id));
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: cadre.cookie } })).statusCode).toBe(403);
  });
});

describe('own password', () => {
  const changePassword = (cookie: string, currentPassword: string, newPassword: string, lang?: string) =>
    ctx.call('POST', '/api/auth/password', { currentPassword, newPassword }, cookie, lang);

  it('changes one’s own password, keeps this session, ends the others and audits it', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    const other = await login(ctx.app, user.username, TEST_PASSWORD);
    const changed = await changePassword(user.cookie, TEST_PASSWORD, 'Xq7-umbrella-kite');
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ username: user.username, mustChangePassword: false });
    expect((await me(user.cookie)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(401);
    expect((await tryLogin(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await tryLogin(user.username, 'Xq7-umbrella-kite')).statusCode).toBe(200);
    const audit = await ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'result'])
      .where('user_id', '=', user.userId)
      .where('action', '=', 'auth.password')
      .execute();
    expect(audit).toEqual([{ action: 'auth.password', result: 'ok' }]);
  });

  it('refuses a wrong current password, an unchanged one and a weak new one, in the caller language', async () => {
    const user = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    const wrong = await changePassword(user.cookie, 'not-the-password1', 'Xq7-umbrella-kite', 'en');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toEqual({ code: 'PASSWORD_CURRENT_WRONG', message: 'The current password is wrong' });
    expect((await changePassword(user.cookie, TEST_PASSWORD, TEST_PASSWORD)).json().code).toBe('PASSWORD_UNCHANGED');
    const short = await changePassword(user.cookie, TEST_PASSWORD, 'Xq7-kite');
    expect(short.json()).toEqual({ code: 'PASSWORD_TOO_SHORT', message: '密码至少需要 10 个字符' });
    expect((await changePassword(user.cookie, TEST_PASSWORD, 'password1234')).json().code).toBe('PASSWORD_COMMON');
    expect((await changePassword(user.cookie, TEST_PASSWORD, `${user.username}2026!`)).json().code).toBe('PASSWORD_LIKE_USERNAME');
    expect((await changePassword('', TEST_PASSWORD, 'Xq7-umbrella-kite')).statusCode).toBe(401);
  });

  it('holds an account with a generated first password to changing it before anything else', async () => {
    const user = await actorWith(ctx, 'federation_admin', tree.dongcheng.id);
    await sql`UPDATE app_user SET must_change_password = true WHERE id = ${user.userId}`.execute(ctx.database.db);
    const cookie = await login(ctx.app, user.username, TEST_PASSWORD);
    expect((await me(cookie)).json()).toMatchObject({ mustChangePassword: true });
    const refused = await ctx.call('GET', `/api/orgs/${tree.dongcheng.id}`, undefined, cookie, 'en');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await ctx.call('GET', '/api/users', undefined, cookie)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await changePassword(cookie, TEST_PASSWORD, 'Xq7-umbrella-kite')).json()).toMatchObject({ mustChangePassword: false });
    expect((await ctx.call('GET', `/api/orgs/${tree.dongcheng.id}`, undefined, cookie)).statusCode).toBe(200);
    expect((await me(cookie)).json()).toMatchObject({ mustChangePassword: false });
    expect((await ctx.call('POST', '/api/auth/logout', undefined, cookie)).statusCode).toBe(204);
  });
});
