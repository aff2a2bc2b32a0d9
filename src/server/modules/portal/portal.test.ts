import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  actorWith,
  buildMember,
  buildTree,
  codeSentTo,
  createTestContext,
  makeIdNumber,
  makePhone,
  signInMember,
  type TestContext,
} from '../../testing/harness.js';
import type { CardToken } from '../../../common/cards.js';
import type { CodeChallenge, PortalMe } from '../../../common/portal.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

const askCode = (idNumber: string, phone: string, ip = '127.0.0.1') =>
  ctx.app.inject({ method: 'POST', url: '/api/public/member-codes', payload: { idNumber, phone }, remoteAddress: ip });
const answer = (challengeId: string, code: string) =>
  ctx.app.inject({ method: 'POST', url: '/api/public/member-sessions', payload: { challengeId, code } });
const verify = async (token: string) =>
  (await ctx.app.inject({ method: 'POST', url: '/api/public/cards/verify', payload: { token } })).json<{ valid: boolean }>();
const auditCount = async (action: string, result: string) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND result = ${result}`.execute(
      ctx.database.db,
    )
  ).rows[0]!.n;

describe('member sign-in by a one-time code to the phone on record', () => {
  it('signs a member in on their own cookie, shows their own name and card, and opens no cadre route', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id, { name: '张三丰' });
    const cookie = await signInMember(ctx, m.idNumber, m.phone);
    const me = await ctx.call('GET', '/api/portal/me', undefined, cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json<PortalMe>()).toMatchObject({ name: '张三丰', status: 'member', cardNo: m.cardNo, cardStatus: 'active' });
    expect(me.json<PortalMe>().idNumberMasked).not.toContain(m.idNumber.slice(6, 14));
    const card = await ctx.call('GET', '/api/portal/card', undefined, cookie);
    expect(card.json<CardToken>().cardNo).toBe(m.cardNo);
    expect((await verify(card.json<CardToken>().token)).valid).toBe(true);
    expect((await ctx.call('GET', `/api/members?orgId=${tree.dcUnion.id}`, undefined, cookie)).statusCode).toBe(401);
    expect((await ctx.call('GET', '/api/portal/me')).json().code).toBe('MEMBER_UNAUTHENTICATED');
    expect(await auditCount('card.mint', 'ok')).toBeGreaterThan(0);
    expect((await ctx.call('POST', '/api/portal/logout', undefined, cookie)).statusCode).toBe(204);
    expect((await ctx.call('GET', '/api/portal/me', undefined, cookie)).statusCode).toBe(401);
  });

  it('answers alike for a member, a stranger and a wrong phone, and sends a code only to the phone on record', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const attackerPhone = makePhone();
    const cases = [
      await askCode(m.idNumber, attackerPhone), // someone else's ID number with the attacker's phone
      await askCode(makeIdNumber(), makePhone()), // nobody
      await askCode(m.idNumber, m.phone), // the member
    ];
    for (const c of cases) {
      expect(c.statusCode).toBe(201);
      expect(Object.keys(c.json<CodeChallenge>()).sort()).toEqual(['challengeId', 'expiresAt']);
    }
    expect(await codeSentTo(ctx, attackerPhone)).toBeUndefined();
    expect(await codeSentTo(ctx, m.phone)).toMatch(/^\d{6}$/);
    // The attacker's challenge opens nothing, whatever code is tried.
    const attackerChallenge = cases[0]!.json<CodeChallenge>().challengeId;
    const memberCode = (await codeSentTo(ctx, m.phone))!;
    expect((await answer(attackerChallenge, memberCode)).json().code).toBe('OTP_INVALID');
  });

  it('keeps only a hash of the code, which expires, allows five tries and opens once', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const asked = (await askCode(m.idNumber, m.phone)).json<CodeChallenge>();
    const code = (await codeSentTo(ctx, m.phone))!;
    expect(Date.parse(asked.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
    const stored = await ctx.database.db.selectFrom('otp_challenge').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(code);
    const wrong = code === '000000' ? '111111' : '000000';
    const failedBefore = await auditCount('otp.verify', 'denied');
    for (let i = 0; i < 5; i++) expect((await answer(asked.challengeId, wrong)).json().code).toBe('OTP_INVALID');
    expect(await auditCount('otp.verify', 'denied')).toBe(failedBefore + 5);
    expect((await answer(asked.challengeId, code)).json().code).toBe('OTP_INVALID'); // five tries spent

    const other = await buildMember(ctx, tree.dcUnion.id);
    const second = (await askCode(other.idNumber, other.phone)).json<CodeChallenge>();
    const secondCode = (await codeSentTo(ctx, other.phone))!;
    await sql`UPDATE otp_challenge SET expires_at = now() - interval '1 second' WHERE id = ${second.challengeId}`.execute(ctx.database.db);
    expect((await answer(second.challengeId, secondCode)).json().code).toBe('OTP_INVALID');

    const third = await buildMember(ctx, tree.dcUnion.id);
    await sql`UPDATE otp_challenge SET created_at = now() - interval '2 minutes'`.execute(ctx.database.db);
    const fresh = (await askCode(third.idNumber, third.phone)).json<CodeChallenge>();
    const freshCode = (await codeSentTo(ctx, third.phone))!;
    expect((await answer(fresh.challengeId, freshCode)).statusCode).toBe(200);
    expect((await answer(fresh.challengeId, freshCode)).json().code).toBe('OTP_INVALID'); // used once
  });

  it('limits codes per phone and per address, and audits every send and refusal', async () => {
    const limited = await createTestContext({ otpPerPhonePerHour: 2, otpPerIpPerHour: 3 });
    try {
      const t = await buildTree(limited);
      const m = await buildMember(limited, t.dcUnion.id);
      const ask = (idNumber: string, phone: string, ip: string) =>
        limited.app.inject({ method: 'POST', url: '/api/public/member-codes', payload: { idNumber, phone }, remoteAddress: ip });
      expect((await ask(m.idNumber, m.phone, '10.0.0.1')).statusCode).toBe(201);
      const again = await ask(m.idNumber, m.phone, '10.0.0.2');
      expect(again.statusCode).toBe(429);
      expect(again.json().code).toBe('OTP_TOO_MANY');
      await sql`UPDATE otp_challenge SET created_at = now() - interval '2 minutes'`.execute(limited.database.db);
      expect((await ask(m.idNumber, m.phone, '10.0.0.2')).statusCode).toBe(201);
      await sql`UPDATE otp_challenge SET created_at = now() - interval '2 minutes'`.execute(limited.database.db);
      expect((await ask(m.idNumber, m.phone, '10.0.0.3')).json().code).toBe('OTP_TOO_MANY'); // two an hour for this phone
      for (let i = 0; i < 3; i++) expect((await ask(makeIdNumber(), makePhone(), '10.0.0.9')).statusCode).toBe(201);
      expect((await ask(makeIdNumber(), makePhone(), '10.0.0.9')).json().code).toBe('OTP_TOO_MANY'); // three an hour from one address
      const audit = await sql<{ result: string; n: number }>`
        SELECT result, count(*)::int AS n FROM audit_log WHERE action = 'otp.send' GROUP BY result ORDER BY result`.execute(
        limited.database.db,
      );
      expect(audit.rows).toEqual([
        { result: 'denied', n: 3 + 3 }, // three codes to nobody, three refusals
        { result: 'ok', n: 2 },
      ]);
    } finally {
      await limited.close();
    }
  });

  it("a member whose phone changed is re-verified by their union: the cadre's change is audited and ends the old sessions", async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const cookie = await signInMember(ctx, m.idNumber, m.phone);
    const readOnly = await actorWith(ctx, 'read_only', tree.dcUnion.id);
    const newPhone = makePhone();
    expect(
      (await ctx.call('POST', `/api/members/${m.id}/phone`, { phone: newPhone, reason: '本人持身份证到会更换' }, readOnly.cookie))
        .statusCode,
    ).toBe(403);
    const changed = await ctx.call('POST', `/api/members/${m.id}/phone`, { phone: newPhone, reason: '本人持身份证到会更换' });
    expect(changed.statusCode).toBe(200);
    expect((await ctx.call('GET', '/api/portal/me', undefined, cookie)).statusCode).toBe(401);
    await sql`UPDATE otp_challenge SET created_at = now() - interval '2 minutes'`.execute(ctx.database.db);
    const outboxBefore = (await ctx.database.db.selectFrom('message_outbox').select('id').execute()).length;
    expect((await askCode(m.idNumber, m.phone)).statusCode).toBe(201);
    expect((await ctx.database.db.selectFrom('message_outbox').select('id').execute()).length).toBe(outboxBefore); // the old phone gets nothing
    expect(await signInMember(ctx, m.idNumber, newPhone)).toMatch(/^gh_msid=/);
    expect(await auditCount('member.phone_change', 'ok')).toBe(1);
  });
});
