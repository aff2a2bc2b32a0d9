import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  codeSentTo,
  createTestContext,
  signInMember,
  type TestContext,
} from '../../testing/harness.js';
import type { MemberDetail } from '../../../common/members.js';
import type { Transfer } from '../../../common/transfers.js';
import type { Coverage } from '../../../common/coverage.js';
// The periodic sweep main.ts runs every minute: the one way a transfer confirms itself.
import { confirmDueTransfers } from './transfers.service.js';

/**
 * A transfer as both unions and the member live it: asked by the receiving union, consented by the member (code or
 * paper), confirmed or refused by the releasing union, or confirmed by itself after the configured days.
 * transfers.test.ts holds the first walk-through; this file the other paths and the refusals.
 */

const AUTO_CONFIRM_DAYS = 3;

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
let receiving: { cookie: string; userId: number };
let releasing: { cookie: string; userId: number };
beforeAll(async () => {
  ctx = await createTestContext({ transferAutoConfirmDays: AUTO_CONFIRM_DAYS });
  tree = await buildTree(ctx);
  receiving = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
  releasing = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
});
afterAll(async () => ctx?.close());

const ask = (idNumber: string, toOrgId = tree.dcUnion.id, cookie = receiving.cookie) =>
  ctx.call('POST', '/api/transfers', { idNumber, toOrgId }, cookie);

const decide = (id: number, body: { decision: 'confirm' | 'reject'; note?: string; paperConsentRef?: string }, cookie = releasing.cookie) =>
  ctx.call('POST', `/api/transfers/${id}/decision`, body, cookie);

const transferRow = async (id: number) =>
  ctx.database.db
    .selectFrom('member_transfer')
    .select(['status', 'consent', 'consent_ref', 'released_by', 'decided_by', 'decision_note'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

const orgOf = async (memberId: number) =>
  (await ctx.database.db.selectFrom('member').select('org_id').where('id', '=', memberId).executeTakeFirstOrThrow()).org_id;

const membersOf = async (orgId: number) => (await ctx.call('GET', `/api/coverage/${orgId}`)).json<Coverage>().members;

/** Members under a node counted from the member table itself, to hold the roll-up against. */
const countedMembersOf = async (orgId: number) =>
  (
    await sql<{ n: number }>`SELECT count(*)::int AS n FROM member m JOIN org_unit o ON o.id = ${orgId}
                              WHERE m.status = 'member' AND m.org_path <@ o.path`.execute(ctx.database.db)
  ).rows[0]!.n;

async function consentCodeFor(m: { idNumber: string; phone: string }, transferId: number) {
  const cookie = await signInMember(ctx, m.idNumber, m.phone);
  const asked = await ctx.call('POST', `/api/portal/transfers/${transferId}/consent-code`, undefined, cookie);
  expect(asked.statusCode).toBe(201);
  return { cookie, challengeId: asked.json<{ challengeId: string }>().challengeId, code: (await codeSentTo(ctx, m.phone))! };
}

describe('asking for a transfer', () => {
  it('tells the member at the phone on record, and sets the confirmation period from the configured days', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const asked = await ask(m.idNumber);
    expect(asked.statusCode).toBe(201);
    const t = asked.json<Transfer>();
    expect(t).toMatchObject({
      memberId: m.id,
      fromOrgId: tree.xcUnion.id,
      toOrgId: tree.dcUnion.id,
      status: 'pending',
      requestedVia: 'union',
    });
    // Calendar days: within an hour of exact when the database's time zone crosses a daylight-saving change.
    expect(Math.abs(Date.parse(t.autoConfirmAt) - Date.parse(t.requestedAt) - AUTO_CONFIRM_DAYS * 86_400_000)).toBeLessThanOrEqual(
      3_600_000,
    );
    const notices = await ctx.database.db
      .selectFrom('message_outbox')
      .select(['phone_enc', 'body_zh'])
      .where('purpose', '=', 'transfer_notice')
      .execute();
    const toMember = notices.filter((n) => ctx.app.deps.cipher.decrypt(n.phone_enc) === m.phone);
    expect(toMember).toHaveLength(1);
    expect(toMember[0]!.body_zh).toContain(tree.dcUnion.name);
    // Both sides see it in their lists: incoming for the receiving union, outgoing for the releasing one.
    const incoming = (
      await ctx.call('GET', `/api/transfers?orgId=${tree.dongcheng.id}&direction=incoming`, undefined, receiving.cookie)
    ).json<{
      items: Transfer[];
    }>();
    const outgoing = (
      await ctx.call('GET', `/api/transfers?orgId=${tree.xicheng.id}&direction=outgoing`, undefined, releasing.cookie)
    ).json<{
      items: Transfer[];
    }>();
    expect(incoming.items.map((i) => i.id)).toContain(t.id);
    expect(outgoing.items.map((i) => i.id)).toContain(t.id);
  });

  it('refuses a transfer into the union the member already belongs to, and into a node members cannot join', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const same = await ask(m.idNumber, tree.dcUnion.id);
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('TRANSFER_SAME_ORG');
    const street = await ask(m.idNumber, tree.dcStreet2.id);
    expect(street.json().code).toBe('RECEIVING_ORG_KIND');
    expect(await ctx.database.db.selectFrom('member_transfer').select('id').where('member_id', '=', m.id).execute()).toEqual([]);
  });

  it('refuses a member who has lapsed', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    await ctx.call('POST', `/api/members/${m.id}/lapse`, { reason: '退休' });
    const asked = await ask(m.idNumber);
    expect(asked.statusCode).toBe(409);
    expect(asked.json().code).toBe('MEMBER_NOT_ACTIVE');
  });

  it('a cadre may ask only into their own subtree', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    const asked = await ask(m.idNumber, tree.xcUnion.id, receiving.cookie);
    expect(asked.statusCode).toBe(404);
  });
});

describe('consent and confirmation', () => {
  it('the member consents first, then the releasing union confirms: the move happens once, on the confirmation', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const t = (await ask(m.idNumber)).json<Transfer>();
    const before = { dc: await membersOf(tree.dongcheng.id), xc: await membersOf(tree.xicheng.id) };
    const { cookie, challengeId, code } = await consentCodeFor(m, t.id);
    const wrong = await ctx.call(
      'POST',
      `/api/portal/transfers/${t.id}/consent`,
      { challengeId, code: code === '000000' ? '111111' : '000000' },
      cookie,
    );
    expect(wrong.json().code).toBe('OTP_INVALID');
    expect((await transferRow(t.id)).consent).toBeNull();
    const consented = await ctx.call('POST', `/api/portal/transfers/${t.id}/consent`, { challengeId, code }, cookie);
    expect(consented.json()).toMatchObject({ status: 'pending', consent: 'code' });
    expect(await orgOf(m.id)).toBe(tree.xcUnion.id);
    expect(await membersOf(tree.dongcheng.id)).toBe(before.dc);

    const confirmed = await decide(t.id, { decision: 'confirm', note: '同意转出' });
    expect(confirmed.json<Transfer>()).toMatchObject({ status: 'confirmed', consent: 'code' });
    expect(await orgOf(m.id)).toBe(tree.dcUnion.id);
    expect(await transferRow(t.id)).toMatchObject({ status: 'confirmed', released_by: releasing.userId, decided_by: releasing.userId });
    expect(await membersOf(tree.dongcheng.id)).toBe(before.dc + 1);
    expect(await membersOf(tree.xicheng.id)).toBe(before.xc - 1);

    // Deciding again is a conflict and moves nobody a second time.
    const again = await decide(t.id, { decision: 'confirm' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRANSFER_NOT_PENDING');
    expect(await membersOf(tree.dongcheng.id)).toBe(before.dc + 1);
    expect(await membersOf(tree.xicheng.id)).toBe(before.xc - 1);
    for (const org of [tree.dongcheng.id, tree.xicheng.id, tree.dcUnion.id, tree.xcUnion.id, 1]) {
      expect(await membersOf(org)).toBe(await countedMembersOf(org));
    }
    const history = (await ctx.call('GET', `/api/members/${m.id}`)).json<MemberDetail>().history;
    expect(history.filter((h) => h.event === 'transferred')).toHaveLength(1);
  });

  it('the releasing union records a signed paper form: the form reference is kept and the member moves at once', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const t = (await ask(m.idNumber)).json<Transfer>();
    const confirmed = await decide(t.id, { decision: 'confirm', paperConsentRef: '西城转字2026第31号' });
    expect(confirmed.json<Transfer>()).toMatchObject({ status: 'confirmed', consent: 'paper' });
    expect(await transferRow(t.id)).toMatchObject({ consent: 'paper', consent_ref: '西城转字2026第31号', released_by: releasing.userId });
    expect(await orgOf(m.id)).toBe(tree.dcUnion.id);
  });

  it('the releasing union refuses with a note: nobody moves, and the member can no longer consent', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const t = (await ask(m.idNumber)).json<Transfer>();
    const refused = await decide(t.id, { decision: 'reject', note: '会费未结清' });
    expect(refused.json<Transfer>().status).toBe('rejected');
    expect(await transferRow(t.id)).toMatchObject({ status: 'rejected', decided_by: releasing.userId, decision_note: '会费未结清' });
    expect(await orgOf(m.id)).toBe(tree.xcUnion.id);
    const cookie = await signInMember(ctx, m.idNumber, m.phone);
    const late = await ctx.call('POST', `/api/portal/transfers/${t.id}/consent-code`, undefined, cookie);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('TRANSFER_NOT_PENDING');
  });

  it('the member declines a transfer a union asked for; the releasing union cannot confirm it afterwards', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const t = (await ask(m.idNumber)).json<Transfer>();
    const cookie = await signInMember(ctx, m.idNumber, m.phone);
    const declined = await ctx.call('POST', `/api/portal/transfers/${t.id}/decline`, undefined, cookie);
    expect(declined.json()).toMatchObject({ status: 'rejected' });
    expect(await transferRow(t.id)).toMatchObject({ status: 'rejected', decided_by: null, decision_note: 'member declined' });
    expect((await decide(t.id, { decision: 'confirm', paperConsentRef: '迟到的表格' })).json().code).toBe('TRANSFER_NOT_PENDING');
    expect(await orgOf(m.id)).toBe(tree.xcUnion.id);
    // A new request may follow a closed one.
    expect((await ask(m.idNumber)).statusCode).toBe(201);
  });

  it('only the releasing side decides: the receiving union is refused, a cadre of neither side does not see it', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const t = (await ask(m.idNumber)).json<Transfer>();
    expect((await decide(t.id, { decision: 'reject' }, receiving.cookie)).statusCode).toBe(403);
    const neither = await actorWith(ctx, 'union_cadre', tree.dcStreet2.id);
    expect((await decide(t.id, { decision: 'reject' }, neither.cookie)).statusCode).toBe(404);
    const reader = await actorWith(ctx, 'read_only', tree.xicheng.id);
    expect((await decide(t.id, { decision: 'reject' }, reader.cookie)).statusCode).toBe(403);
    expect((await transferRow(t.id)).status).toBe('pending');
  });
});

describe('confirming by itself', () => {
  it('after the configured days a consented transfer confirms itself, once; one not yet due or refused does not', async () => {
    const newUnion = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    const due = await buildMember(ctx, tree.xcUnion.id);
    const early = await buildMember(ctx, tree.xcUnion.id);
    const refused = await buildMember(ctx, tree.xcUnion.id);
    const tDue = (await ask(due.idNumber, newUnion.id)).json<Transfer>();
    const tEarly = (await ask(early.idNumber, newUnion.id)).json<Transfer>();
    const tRefused = (await ask(refused.idNumber, newUnion.id)).json<Transfer>();
    for (const [m, t] of [
      [due, tDue],
      [early, tEarly],
      [refused, tRefused],
    ] as const) {
      const { cookie, challengeId, code } = await consentCodeFor(m, t.id);
      expect((await ctx.call('POST', `/api/portal/transfers/${t.id}/consent`, { challengeId, code }, cookie)).statusCode).toBe(200);
    }
    await decide(tRefused.id, { decision: 'reject', note: '不同意' });
    // The configured days pass for two of them (moved back in time as a whole: request and deadline alike).
    await sql`UPDATE member_transfer
                 SET requested_at = requested_at - make_interval(days => ${AUTO_CONFIRM_DAYS}, mins => 1),
                     auto_confirm_at = auto_confirm_at - make_interval(days => ${AUTO_CONFIRM_DAYS}, mins => 1)
               WHERE id IN (${tDue.id}, ${tRefused.id})`.execute(ctx.database.db);
    const before = await membersOf(newUnion.id);
    expect(await confirmDueTransfers(ctx.app.deps)).toBe(1);
    expect(await confirmDueTransfers(ctx.app.deps)).toBe(0);
    expect(await orgOf(due.id)).toBe(newUnion.id);
    expect(await orgOf(early.id)).toBe(tree.xcUnion.id);
    expect(await orgOf(refused.id)).toBe(tree.xcUnion.id);
    expect(await membersOf(newUnion.id)).toBe(before + 1);
    expect(await transferRow(tDue.id)).toMatchObject({ status: 'confirmed', decided_by: null, decision_note: 'auto-confirmed' });
    const entries = await ctx.database.db
      .selectFrom('audit_log')
      .select(['username', 'user_id'])
      .where('action', '=', 'transfer.auto_confirm')
      .where('target_id', '=', String(tDue.id))
      .execute();
    expect(entries).toEqual([{ username: 'system', user_id: null }]);
  });
});
