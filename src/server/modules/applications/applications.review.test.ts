import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  createTestContext,
  makeIdNumber,
  makePhone,
  type TestContext,
} from '../../testing/harness.js';
import type { MemberDetail } from '../../../common/members.js';
import type { Application, ApplicationStatusView, DecisionResult } from '../../../common/applications.js';
import type { Transfer } from '../../../common/transfers.js';
import type { Meeting } from '../../../common/outreach.js';
import type { Coverage } from '../../../common/coverage.js';

/**
 * The review of applications as a cadre relies on it: who decides what, what the applicant then sees, and what
 * the database holds afterwards. The joining basics (public form, flags, 498 at once) are in applications.test.ts.
 */

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
});
afterAll(async () => ctx?.close());

type Applicant = { name: string; idNumber: string; phone: string; employmentForm: string; orgId: number };
const applicant = (orgId: number, over: Partial<Applicant> = {}): Applicant => ({
  name: '李申请',
  idNumber: makeIdNumber(),
  phone: makePhone(),
  employmentForm: 'courier',
  orgId,
  ...over,
});

/** Applies on the public page and returns the application as the reviewing admin sees it in the queue. */
async function applyAndFind(orgId: number, over: Partial<Applicant> = {}): Promise<Application & { person: Applicant }> {
  const person = applicant(orgId, over);
  const applied = await ctx.call('POST', '/api/public/applications', person, '');
  expect(applied.statusCode).toBe(201);
  const { trackingCode } = applied.json<{ trackingCode: string }>();
  const found = (await queue(orgId)).find((a) => a.trackingCode === trackingCode);
  if (!found) throw new Error(`application ${trackingCode} not in the queue of ${orgId}`);
  return { ...found, person };
}

async function queue(orgId: number, query = '', cookie = ctx.adminCookie): Promise<Application[]> {
  const response = await ctx.call('GET', `/api/applications?orgId=${orgId}&limit=500${query}`, undefined, cookie);
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Application[] }>().items;
}

const decide = (body: { ids: number[]; decision: 'approve' | 'reject'; reason?: string }, cookie = ctx.adminCookie) =>
  ctx.call('POST', '/api/applications/decisions', body, cookie);

const publicStatus = async (trackingCode: string) =>
  (await ctx.call('GET', `/api/public/applications/${trackingCode}`, undefined, '')).json<ApplicationStatusView>();

const applicationRows = (ids: number[]) =>
  ctx.database.db
    .selectFrom('member_application')
    .select(['id', 'status', 'reject_reason', 'decided_by', 'decided_at', 'member_id', 'source', 'meeting_id'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();

const membersWithId = (idNumber: string) =>
  ctx.database.db
    .selectFrom('member')
    .select(['id', 'status', 'org_id'])
    .where('id_number_bidx', '=', ctx.app.deps.cipher.blindIndex('id_number', idNumber))
    .execute();

const auditCount = async (action: string) =>
  Number(
    (
      await ctx.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

const membersOf = async (orgId: number) => (await ctx.call('GET', `/api/coverage/${orgId}`)).json<Coverage>().members;

describe('tracking an application', () => {
  it('reads a tracking code typed in lower case with spaces and dashes, and says plainly when a code is unknown', async () => {
    const applied = await ctx.call('POST', '/api/public/applications', applicant(tree.dcUnion.id), '');
    const code = applied.json<{ trackingCode: string }>().trackingCode;
    const typed = `${code.slice(0, 4)}-${code.slice(4, 8)} ${code.slice(8)}`.toLowerCase();
    expect((await publicStatus(typed)).trackingCode).toBe(code);
    const unknown = await ctx.call('GET', '/api/public/applications/ZZZZZZZZZZZZ', undefined, '');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('TRACKING_NOT_FOUND');
  });

  it('refuses an application to a union that does not exist, or naming an employer that does not', async () => {
    const noUnion = await ctx.call('POST', '/api/public/applications', applicant(999_999), '');
    expect(noUnion.statusCode).toBe(404);
    const noEmployer = await ctx.call('POST', '/api/public/applications', { ...applicant(tree.dcUnion.id), employerId: 999_999 }, '');
    expect(noEmployer.statusCode).toBe(422);
    expect(noEmployer.json().code).toBe('EMPLOYER_UNKNOWN');
  });

  it('takes an application to a branch, and shows the approval with its date to the applicant', async () => {
    const a = await applyAndFind(tree.dcBranch.id);
    expect(a).toMatchObject({ status: 'pending', flag: 'new', source: 'self', meetingId: null });
    const before = await membersOf(tree.dcBranch.id);
    expect((await decide({ ids: [a.id], decision: 'approve' })).json<DecisionResult>()).toEqual({
      approved: 1,
      rejected: 0,
      transfersRequested: 0,
      duplicates: 0,
    });
    const status = await publicStatus(a.trackingCode);
    expect(status).toMatchObject({ status: 'approved', rejectReason: null });
    expect(status.decidedAt).not.toBeNull();
    const [row] = await applicationRows([a.id]);
    const [member] = await membersWithId(a.person.idNumber);
    expect(member).toMatchObject({ status: 'member', org_id: tree.dcBranch.id });
    expect(row).toMatchObject({ status: 'approved', member_id: member!.id, decided_by: 1 });
    expect(await membersOf(tree.dcBranch.id)).toBe(before + 1);
    // Approved applications leave the pending queue and show under their own status.
    expect((await queue(tree.dcBranch.id)).map((q) => q.id)).not.toContain(a.id);
    expect((await queue(tree.dcBranch.id, '&status=approved')).map((q) => q.id)).toContain(a.id);
  });
});

describe('deciding a batch', () => {
  it('rejects a batch with one reason that every applicant sees, as one audit entry naming the decider', async () => {
    const cadre = await actorWith(ctx, 'union_cadre', tree.dcStreet.id);
    const batch = [await applyAndFind(tree.dcUnion.id), await applyAndFind(tree.dcUnion.id), await applyAndFind(tree.dcBranch.id)];
    const entriesBefore = await auditCount('application.reject');
    const rejected = await decide({ ids: batch.map((a) => a.id), decision: 'reject', reason: '不属于本单位职工' }, cadre.cookie);
    expect(rejected.json<DecisionResult>()).toEqual({ approved: 0, rejected: 3, transfersRequested: 0, duplicates: 0 });
    for (const a of batch)
      expect(await publicStatus(a.trackingCode)).toMatchObject({ status: 'rejected', rejectReason: '不属于本单位职工' });
    const rows = await applicationRows(batch.map((a) => a.id));
    expect(rows.every((r) => r.status === 'rejected' && r.decided_by === cadre.userId && r.decided_at !== null)).toBe(true);
    expect(await auditCount('application.reject')).toBe(entriesBefore + 1);
    for (const a of batch) expect(await membersWithId(a.person.idNumber)).toEqual([]);
  });

  it('refuses a batch holding already-decided applications with their count, and decides none of the rest', async () => {
    const decided = [await applyAndFind(tree.dcUnion.id), await applyAndFind(tree.dcUnion.id)];
    await decide({ ids: decided.map((a) => a.id), decision: 'reject', reason: '材料不全' });
    const fresh = await applyAndFind(tree.dcUnion.id);
    const again = await decide({ ids: [...decided.map((a) => a.id), fresh.id], decision: 'approve' }, ctx.adminCookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICATION_NOT_PENDING');
    expect(again.json().message).toMatch(/有 2 份/);
    expect((await applicationRows([fresh.id]))[0]!.status).toBe('pending');
    expect(await membersWithId(fresh.person.idNumber)).toEqual([]);
    // Rejected ones stay rejected with their own reason: a second decision does not overwrite the first.
    expect((await applicationRows(decided.map((a) => a.id))).map((r) => r.reject_reason)).toEqual(['材料不全', '材料不全']);
  });

  it('admits a person once when the batch holds two of their applications, and closes the second with a reason', async () => {
    const idNumber = makeIdNumber();
    const first = await applyAndFind(tree.dcUnion.id, { idNumber });
    const second = await applyAndFind(tree.dcUnion.id, { idNumber });
    expect(second.flag).toBe('duplicate');
    const result = await decide({ ids: [first.id, second.id, first.id], decision: 'approve' });
    expect(result.json<DecisionResult>()).toEqual({ approved: 1, rejected: 0, transfersRequested: 0, duplicates: 1 });
    expect(await membersWithId(idNumber)).toHaveLength(1);
    const [a, b] = await applicationRows([first.id, second.id]);
    expect(a).toMatchObject({ status: 'approved' });
    expect(b).toMatchObject({ status: 'rejected', member_id: null });
    expect(b!.reject_reason).toMatch(/Not taken up/);
  });

  it('re-admits a lapsed member who applies again, keeping the one member record', async () => {
    const m = await buildMember(ctx, tree.dcUnion.id);
    expect((await ctx.call('POST', `/api/members/${m.id}/lapse`, { reason: '离职' })).statusCode).toBe(200);
    const a = await applyAndFind(tree.dcBranch.id, { idNumber: m.idNumber });
    expect(a.flag).toBe('lapsed');
    expect((await decide({ ids: [a.id], decision: 'approve' })).json<DecisionResult>()).toMatchObject({ approved: 1 });
    expect(await membersWithId(m.idNumber)).toEqual([{ id: m.id, status: 'member', org_id: tree.dcBranch.id }]);
    const detail = (await ctx.call('GET', `/api/members/${m.id}`)).json<MemberDetail>();
    expect(detail.history.at(-1)).toMatchObject({ event: 'rejoined' });
  });
});

describe('a member of another union applies', () => {
  it('approving opens a transfer tied to the application; the applicant sees pending until the move, then approved', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const a = await applyAndFind(tree.dcUnion.id, { idNumber: m.idNumber, phone: m.phone });
    expect(a.flag).toBe('member_elsewhere');
    expect((await decide({ ids: [a.id], decision: 'approve' })).json<DecisionResult>()).toEqual({
      approved: 0,
      rejected: 0,
      transfersRequested: 1,
      duplicates: 0,
    });
    expect((await applicationRows([a.id]))[0]).toMatchObject({ status: 'transfer_requested', member_id: null });
    expect(await publicStatus(a.trackingCode)).toMatchObject({ status: 'pending', decidedAt: null });
    const transfers = await ctx.database.db
      .selectFrom('member_transfer')
      .select(['id', 'member_id', 'from_org_id', 'to_org_id', 'requested_via', 'status'])
      .where('application_id', '=', a.id)
      .execute();
    expect(transfers).toEqual([
      {
        id: transfers[0]!.id,
        member_id: m.id,
        from_org_id: tree.xcUnion.id,
        to_org_id: tree.dcUnion.id,
        requested_via: 'application',
        status: 'pending',
      },
    ]);
    const releasing = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    const confirmed = await ctx.call(
      'POST',
      `/api/transfers/${transfers[0]!.id}/decision`,
      { decision: 'confirm', paperConsentRef: '西城转字第7号' },
      releasing.cookie,
    );
    expect(confirmed.json<Transfer>().status).toBe('confirmed');
    expect(await publicStatus(a.trackingCode)).toMatchObject({ status: 'approved' });
    expect(await membersWithId(m.idNumber)).toEqual([{ id: m.id, status: 'member', org_id: tree.dcUnion.id }]);
  });

  it('a second application while a transfer is pending is closed as a duplicate, not a second transfer', async () => {
    const m = await buildMember(ctx, tree.xcUnion.id);
    const first = await applyAndFind(tree.dcUnion.id, { idNumber: m.idNumber });
    await decide({ ids: [first.id], decision: 'approve' });
    const second = await applyAndFind(tree.dcBranch.id, { idNumber: m.idNumber });
    expect((await decide({ ids: [second.id], decision: 'approve' })).json<DecisionResult>()).toMatchObject({
      transfersRequested: 0,
      duplicates: 1,
    });
    const open = await ctx.database.db.selectFrom('member_transfer').select('id').where('member_id', '=', m.id).execute();
    expect(open).toHaveLength(1);
  });
});

describe('meetings', () => {
  it('credits an application taken at a meeting of a parent node, and refuses a meeting of a sibling street', async () => {
    const meeting = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet.id, kind: 'worker', title: '快递员沟通会', heldOn: '2026-06-10' })
    ).json<Meeting>();
    const sibling = (
      await ctx.call('POST', '/api/meetings', { orgId: tree.dcStreet2.id, kind: 'worker', title: '景山沟通会', heldOn: '2026-06-10' })
    ).json<Meeting>();
    const cadre = await actorWith(ctx, 'union_cadre', tree.dongcheng.id);
    const taken = await ctx.call('POST', '/api/applications', { ...applicant(tree.dcBranch.id), meetingId: meeting.id }, cadre.cookie);
    expect(taken.statusCode).toBe(201);
    const listed = await queue(tree.dcBranch.id, `&meetingId=${meeting.id}`, cadre.cookie);
    expect(listed.map((a) => [a.trackingCode, a.source, a.meetingId])).toEqual([
      [taken.json<{ trackingCode: string }>().trackingCode, 'meeting', meeting.id],
    ]);
    const intake = await ctx.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'detail'])
      .where('action', '=', 'application.intake')
      .where('user_id', '=', cadre.userId)
      .execute();
    expect(intake).toHaveLength(1);
    expect(JSON.stringify(intake[0]!.detail)).toContain(`"meetingId":${meeting.id}`);

    const countBefore = (await queue(tree.dcUnion.id)).length;
    const mismatch = await ctx.call('POST', '/api/applications', { ...applicant(tree.dcUnion.id), meetingId: sibling.id }, cadre.cookie);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().code).toBe('MEETING_ORG_MISMATCH');
    expect((await queue(tree.dcUnion.id)).length).toBe(countBefore);
  });

  it('records a cadre intake without a meeting as the cadre’s own', async () => {
    const taken = await ctx.call('POST', '/api/applications', applicant(tree.dcUnion.id));
    const code = taken.json<{ trackingCode: string }>().trackingCode;
    expect((await queue(tree.dcUnion.id)).find((a) => a.trackingCode === code)).toMatchObject({ source: 'cadre', meetingId: null });
  });
});

describe('scope', () => {
  it('a cadre of another district can neither list, decide nor take applications of this union', async () => {
    const a = await applyAndFind(tree.dcUnion.id);
    const outsider = await actorWith(ctx, 'union_cadre', tree.xicheng.id);
    expect((await ctx.call('GET', `/api/applications?orgId=${tree.dcUnion.id}`, undefined, outsider.cookie)).statusCode).toBe(404);
    const decided = await decide({ ids: [a.id], decision: 'approve' }, outsider.cookie);
    expect(decided.statusCode).toBe(404);
    const intake = await ctx.call('POST', '/api/applications', applicant(tree.dcUnion.id), outsider.cookie);
    expect(intake.statusCode).toBe(404);
    expect((await applicationRows([a.id]))[0]!.status).toBe('pending');
    // Their own district's queue does not show it either.
    expect((await queue(tree.xicheng.id, '', outsider.cookie)).map((q) => q.id)).not.toContain(a.id);
  });

  it('a read-only account sees the queue but may not decide', async () => {
    const a = await applyAndFind(tree.dcUnion.id);
    const reader = await actorWith(ctx, 'read_only', tree.dongcheng.id);
    expect((await queue(tree.dcUnion.id, '', reader.cookie)).map((q) => q.id)).toContain(a.id);
    const refused = await decide({ ids: [a.id], decision: 'reject', reason: '无权' }, reader.cookie);
    expect(refused.statusCode).toBe(403);
    expect((await applicationRows([a.id]))[0]!.status).toBe('pending');
  });

  it('pages the queue with a cursor, each application once', async () => {
    const union = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
    for (let i = 0; i < 5; i++) await ctx.call('POST', '/api/public/applications', applicant(union.id), '');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Application[]; nextCursor: string | null } = (
        await ctx.call('GET', `/api/applications?orgId=${union.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});
