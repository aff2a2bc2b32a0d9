/**
 * Takeover (issue #8): every path we know by which an anonymous caller, a union holding only a secondary affiliation,
 * a read-only user of the member's own union, or a cadre of another district could obtain a valid card of a member,
 * move the member, or read their full ID number or phone. Each path is tried through HTTP; then the transfer sweep
 * runs with every confirmation period forced past. Found must be 0. Two honest controls (the member's own sign-in
 * and consent) prove the detectors see a success when there is one.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  codeSentTo,
  createTestContext,
  makePhone,
  signInMember,
  type TestContext,
} from '../src/server/testing/harness.js';
import { confirmDueTransfers } from '../src/server/modules/transfers/transfers.service.js';
import { recordFigure } from './summary.js';
import { multipart } from './support.js';

type Attacker = 'anonymous' | 'secondary union' | 'read-only user' | 'outsider cadre';
type Method = 'GET' | 'POST';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let victim: Awaited<ReturnType<typeof buildMember>>;
const tried: Record<Attacker, number> = { anonymous: 0, 'secondary union': 0, 'read-only user': 0, 'outsider cadre': 0 };
const found: string[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  victim = await buildMember(ctx, tree.dcUnion.id, { name: '靶子会员' });
});
afterAll(async () => ctx?.close());

/** What a response must never carry for these callers: the victim's full ID number or phone. */
function inspect(who: Attacker, path: string, response: LightMyRequestResponse): LightMyRequestResponse {
  if (response.body.includes(victim.idNumber) || response.body.includes(victim.phone)) found.push(`${who}: ${path} read personal data`);
  return response;
}

/** A token that verifies for the victim's card, from whatever an answer carried. */
async function holdsVictimCard(response: LightMyRequestResponse): Promise<boolean> {
  const token = /"token":"([^"]+)"/.exec(response.body)?.[1];
  if (!token) return false;
  const verified = await ctx.app.inject({ method: 'POST', url: '/api/public/cards/verify', payload: { token } });
  if (!verified.json<{ valid: boolean }>().valid) return false;
  const card = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { c?: string };
  return card.c === (await currentCardNo());
}

async function currentCardNo(): Promise<string | null> {
  return (await ctx.database.db.selectFrom('member').select('card_no').where('id', '=', victim.id).executeTakeFirstOrThrow()).card_no;
}

async function attempt(who: Attacker, path: string, method: Method, url: string, options: { cookie?: string; payload?: object } = {}) {
  tried[who]++;
  const response = inspect(
    who,
    path,
    await ctx.app.inject({
      method,
      url,
      ...(options.payload ? { payload: options.payload } : {}),
      headers: options.cookie ? { cookie: options.cookie } : {},
      remoteAddress: who === 'anonymous' ? '203.0.113.7' : '127.0.0.1',
    }),
  );
  if (await holdsVictimCard(response)) found.push(`${who}: ${path} obtained a valid card`);
  return response;
}

describe('takeover', () => {
  it('finds no path to a valid card, a move or a full ID number or phone for any of four attackers', async () => {
    const attackerPhone = makePhone();
    const U = tree.dcUnion.id;

    // Anonymous: apply with the victim's ID number and one's own phone, then every way to a card or a session.
    const applied = await attempt('anonymous', 'application with the victim ID', 'POST', '/api/public/applications', {
      payload: { name: '靶子会员', idNumber: victim.idNumber, phone: attackerPhone, employmentForm: 'standard', orgId: tree.xcUnion.id },
    });
    const trackingCode = applied.json<{ trackingCode: string }>().trackingCode;
    await attempt('anonymous', 'the old card route', 'POST', '/api/public/card', { payload: { trackingCode, phone: attackerPhone } });
    await attempt('anonymous', 'status by tracking code', 'GET', `/api/public/applications/${trackingCode}`);
    const ownPhoneCode = await attempt('anonymous', 'sign-in code to the attacker phone', 'POST', '/api/public/member-codes', {
      payload: { idNumber: victim.idNumber, phone: attackerPhone },
    });
    if (await codeSentTo(ctx, attackerPhone)) found.push('anonymous: a code reached a phone not on record');
    for (const guess of ['000000', '123456', '999999', '111111', '654321', '000001']) {
      const signed = await attempt('anonymous', 'guessing the code', 'POST', '/api/public/member-sessions', {
        payload: { challengeId: ownPhoneCode.json<{ challengeId: string }>().challengeId, code: guess },
      });
      if (signed.statusCode === 200) found.push('anonymous: signed in as the victim');
    }
    await sql`UPDATE otp_challenge SET created_at = now() - interval '2 minutes'`.execute(ctx.database.db);
    const victimPhoneCode = await attempt('anonymous', 'sign-in code to the victim phone', 'POST', '/api/public/member-codes', {
      payload: { idNumber: victim.idNumber, phone: victim.phone },
    });
    const real = await codeSentTo(ctx, victim.phone);
    for (let i = 0; i < 6; i++) {
      const guess = String((Number(real) + 1 + i) % 1_000_000).padStart(6, '0'); // never the real one
      const signed = await attempt('anonymous', 'guessing the code sent to the victim', 'POST', '/api/public/member-sessions', {
        payload: { challengeId: victimPhoneCode.json<{ challengeId: string }>().challengeId, code: guess },
      });
      if (signed.statusCode === 200) found.push('anonymous: guessed the victim code');
    }
    for (const url of ['/api/portal/me', '/api/portal/card'])
      await attempt('anonymous', `member page ${url} without a session`, 'GET', url);
    await attempt('anonymous', 'member list', 'GET', `/api/members?orgId=${U}&q=${victim.idNumber}`);

    // A union holding a secondary affiliation of the victim.
    const joint = await buildOrg(ctx, tree.xcStreet.id, 'joint_union', { jointType: 'regional' });
    await ctx.call('POST', `/api/members/${victim.id}/affiliations`, { orgId: joint.id });
    const secondary = (await actorWith(ctx, 'union_cadre', joint.id)).cookie;
    const asSecondary = (path: string, method: Method, url: string, payload?: object) =>
      attempt('secondary union', path, method, url, { cookie: secondary, ...(payload ? { payload } : {}) });
    await asSecondary('list', 'GET', `/api/members?orgId=${joint.id}`);
    await asSecondary('detail', 'GET', `/api/members/${victim.id}`);
    for (const field of ['idNumber', 'phone'])
      await asSecondary(`reveal ${field}`, 'POST', `/api/members/${victim.id}/reveal`, { field, reason: '核对信息' });
    await asSecondary(
      'full export',
      'GET',
      `/api/members/export?orgId=${joint.id}&format=csv&reveal=1&reason=${encodeURIComponent('核对')}`,
    );
    await asSecondary('mint a card', 'GET', `/api/members/${victim.id}/card`);
    await asSecondary('re-issue the card', 'POST', `/api/members/${victim.id}/card/reissue`);
    await asSecondary('put its own phone on record', 'POST', `/api/members/${victim.id}/phone`, {
      phone: attackerPhone,
      reason: '本人到会',
    });
    await asSecondary('lapse', 'POST', `/api/members/${victim.id}/lapse`, { reason: '退会' });
    await asSecondary('transfer to itself', 'POST', '/api/transfers', { idNumber: victim.idNumber, toOrgId: joint.id });

    // A read-only user of the victim's own union.
    const readOnly = (await actorWith(ctx, 'read_only', U)).cookie;
    const asReadOnly = (path: string, method: Method, url: string, payload?: object) =>
      attempt('read-only user', path, method, url, { cookie: readOnly, ...(payload ? { payload } : {}) });
    await asReadOnly('detail', 'GET', `/api/members/${victim.id}`);
    for (const field of ['idNumber', 'phone'])
      await asReadOnly(`reveal ${field}`, 'POST', `/api/members/${victim.id}/reveal`, { field, reason: '核对信息' });
    await asReadOnly('full export', 'GET', `/api/members/export?orgId=${U}&format=csv&reveal=1&reason=${encodeURIComponent('核对')}`);
    await asReadOnly('mint a card', 'GET', `/api/members/${victim.id}/card`);
    await asReadOnly('put a phone on record', 'POST', `/api/members/${victim.id}/phone`, { phone: attackerPhone, reason: '本人到会' });
    await asReadOnly('search by ID number', 'GET', `/api/members?orgId=${U}&q=${victim.idNumber}`);
    const roster = multipart(
      'roster.csv',
      Buffer.from(
        `姓名,身份证号,手机号,性别,用工形式,所在单位,入会日期\r\n靶子会员,${victim.idNumber},${attackerPhone},男,全日制,某公司,2024-01-01\r\n`,
      ),
    );
    const job = await ctx.app.inject({
      method: 'POST',
      url: `/api/imports?orgId=${U}`,
      payload: roster.payload,
      headers: { cookie: ctx.adminCookie, 'content-type': roster.contentType },
    });
    await ctx.app.importQueue.idle();
    await asReadOnly('import error file', 'GET', `/api/imports/${job.json<{ id: number }>().id}/errors`);

    // A cadre of another district: every joining path that could pull the victim over.
    const district = await buildOrg(ctx, 1, 'district_federation');
    const foreignUnion = await buildOrg(ctx, (await buildOrg(ctx, district.id, 'street_federation')).id, 'grassroots_union');
    const outsider = (await actorWith(ctx, 'union_cadre', district.id)).cookie;
    const asOutsider = (path: string, method: Method, url: string, payload?: object) =>
      attempt('outsider cadre', path, method, url, { cookie: outsider, ...(payload ? { payload } : {}) });
    await asOutsider('detail', 'GET', `/api/members/${victim.id}`);
    await asOutsider('reveal', 'POST', `/api/members/${victim.id}/reveal`, { field: 'idNumber', reason: '核对信息' });
    await asOutsider('mint a card', 'GET', `/api/members/${victim.id}/card`);
    const requested = await asOutsider('transfer by ID number', 'POST', '/api/transfers', {
      idNumber: victim.idNumber,
      toOrgId: foreignUnion.id,
    });
    if (requested.statusCode === 201) {
      const transferId = requested.json<{ id: number }>().id;
      await asOutsider('confirm its own request', 'POST', `/api/transfers/${transferId}/decision`, {
        decision: 'confirm',
        paperConsentRef: '伪造',
      });
      await ctx.call('POST', `/api/transfers/${transferId}/decision`, { decision: 'reject', note: '会员未同意' }); // clears the way for the next path
    }
    const outsiderApplication = await attempt('outsider cadre', 'public application to its union', 'POST', '/api/public/applications', {
      payload: { name: '靶子会员', idNumber: victim.idNumber, phone: attackerPhone, employmentForm: 'standard', orgId: foreignUnion.id },
    });
    const queue = await asOutsider('its review queue', 'GET', `/api/applications?orgId=${foreignUnion.id}`);
    const app = queue
      .json<{ items: { id: number; trackingCode: string }[] }>()
      .items.find((a) => a.trackingCode === outsiderApplication.json<{ trackingCode: string }>().trackingCode);
    if (app) await asOutsider('approve it', 'POST', '/api/applications/decisions', { ids: [app.id], decision: 'approve' });
    const rosterJob = await ctx.app.inject({
      method: 'POST',
      url: `/api/imports?orgId=${foreignUnion.id}`,
      payload: roster.payload,
      headers: { cookie: outsider, 'content-type': roster.contentType },
    });
    tried['outsider cadre']++;
    await ctx.app.importQueue.idle();
    await asOutsider('ask the roster transfers', 'POST', `/api/imports/${rosterJob.json<{ id: number }>().id}/transfers`);

    // Every confirmation period over: the sweep moves nobody who did not consent.
    await sql`UPDATE member_transfer SET auto_confirm_at = now() - interval '1 minute' WHERE status = 'pending'`.execute(ctx.database.db);
    await confirmDueTransfers(ctx.app.deps);
    const after = await ctx.database.db
      .selectFrom('member')
      .select(['org_id', 'status'])
      .where('id', '=', victim.id)
      .executeTakeFirstOrThrow();
    if (after.org_id !== U || after.status !== 'member') found.push('a path moved or lapsed the victim');

    // Honest controls: the member's own code opens the card, and their consent moves them: the detectors see success.
    await sql`UPDATE otp_challenge SET created_at = now() - interval '2 minutes'`.execute(ctx.database.db); // a minute later
    const own = await signInMember(ctx, victim.idNumber, victim.phone, '198.51.100.1');
    const controlCard = await holdsVictimCard(await ctx.call('GET', '/api/portal/card', undefined, own));
    const pending = await ctx.database.db
      .selectFrom('member_transfer')
      .select('id')
      .where('member_id', '=', victim.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    let controlMove = false;
    if (pending) {
      const asked = await ctx.call('POST', `/api/portal/transfers/${pending.id}/consent-code`, undefined, own);
      const code = await codeSentTo(ctx, victim.phone);
      await ctx.call(
        'POST',
        `/api/portal/transfers/${pending.id}/consent`,
        { challengeId: asked.json<{ challengeId: string }>().challengeId, code },
        own,
      );
      await confirmDueTransfers(ctx.app.deps);
      const moved = await ctx.database.db.selectFrom('member').select('org_id').where('id', '=', victim.id).executeTakeFirstOrThrow();
      controlMove = moved.org_id !== U;
    }

    const total = Object.values(tried).reduce((a, b) => a + b, 0);
    const per = (Object.entries(tried) as [Attacker, number][]).map(([who, n]) => `${who} ${n}`).join(', ');
    recordFigure(
      'takeover',
      `paths tried ${total} (${per}); valid card, member moved or full ID/phone read: found ${found.length}; honest controls ${Number(controlCard) + Number(controlMove)}/2`,
      import.meta.filename,
    );
    expect(found).toEqual([]);
    expect({ controlCard, controlMove }).toEqual({ controlCard: true, controlMove: true });
    expect(total).toBeGreaterThan(40);
  });
});
