import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildTree, createTestContext, makeIdNumber, makePhone, type TestContext } from '../../testing/harness.js';
import { sealPerson } from '../members/members.person.js';
import type { Admission } from '../members/members.service.js';
import { enrol } from './enrolment.service.js';
import { regionOfPath } from '../../auth/tree.js';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
/** The receiving union and another union, with their paths (the API's Org carries none). */
let dc: { id: number; path: string };
let xc: { id: number; path: string };
const withPath = (id: number) =>
  ctx.database.db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', id).executeTakeFirstOrThrow();
beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  dc = await withPath(tree.dcUnion.id);
  xc = await withPath(tree.xcUnion.id);
});
afterAll(async () => ctx?.close());

const admissionTo = (org: { id: number; path: string }, idNumber: string): Admission => ({
  person: sealPerson(ctx.app.deps.cipher, { name: '测试会员', idNumber, phone: makePhone() }),
  employerId: null,
  employerName: null,
  employmentForm: 'standard',
  org: { id: org.id, path: org.path },
  joinDate: '2026-01-05',
});

const memberRow = (id: number) =>
  ctx.database.db.selectFrom('member').select(['org_id', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
const pendingTransfersOf = (memberId: number) =>
  ctx.database.db
    .selectFrom('member_transfer')
    .select(['to_org_id', 'requested_via', 'application_id', 'requested_by'])
    .where('member_id', '=', memberId)
    .where('status', '=', 'pending')
    .execute();

describe('enrol(): the one rule of every joining path', () => {
  it('admits a new person, asks a transfer for a member of another union, and admits nobody twice', async () => {
    const elsewhere = await buildMember(ctx, tree.xcUnion.id);
    const here = await buildMember(ctx, tree.dcUnion.id);
    const newcomer = makeIdNumber();
    const result = await ctx.database.db.transaction().execute((tx) =>
      enrol(tx, ctx.app.deps, {
        actorId: null,
        elsewhere: { action: 'requestTransfer', via: 'roster', requestedBy: null, applicationOf: () => null },
        candidates: [
          { key: 'new', admission: admissionTo(dc, newcomer) },
          { key: 'elsewhere', admission: admissionTo(dc, elsewhere.idNumber) },
          { key: 'here', admission: admissionTo(dc, here.idNumber) },
          { key: 'new again', admission: admissionTo(dc, newcomer) },
        ],
      }),
    );
    expect(result.admitted.map((a) => a.key)).toEqual(['new']);
    expect(result.transferRequested).toEqual(['elsewhere']);
    expect(result.duplicates).toEqual(['here', 'new again']);
    expect(result.elsewhere).toEqual([]);
    expect(await memberRow(result.admitted[0]!.memberId)).toEqual({ org_id: tree.dcUnion.id, status: 'member' });
    // The member of another union is not moved: a transfer request waits for their consent.
    expect(await memberRow(elsewhere.id)).toEqual({ org_id: tree.xcUnion.id, status: 'member' });
    expect(await pendingTransfersOf(elsewhere.id)).toEqual([
      { to_org_id: tree.dcUnion.id, requested_via: 'roster', application_id: null, requested_by: null },
    ]);

    // Asked again while that transfer is pending: a duplicate, not a second request.
    const again = await ctx.database.db.transaction().execute((tx) =>
      enrol(tx, ctx.app.deps, {
        actorId: null,
        elsewhere: { action: 'requestTransfer', via: 'roster', requestedBy: null, applicationOf: () => null },
        candidates: [{ key: 1, admission: admissionTo(dc, elsewhere.idNumber) }],
      }),
    );
    expect(again).toEqual({ admitted: [], transferRequested: [], elsewhere: [], duplicates: [1] });
    expect(await pendingTransfersOf(elsewhere.id)).toHaveLength(1);
  });

  it('keeps a member of another union apart, unmoved and with no request, when the caller asks for that', async () => {
    const elsewhere = await buildMember(ctx, tree.xcUnion.id);
    const result = await ctx.database.db.transaction().execute((tx) =>
      enrol(tx, ctx.app.deps, {
        actorId: null,
        elsewhere: { action: 'keepApart' },
        candidates: [
          { key: 7, admission: admissionTo(dc, elsewhere.idNumber) },
          { key: 8, admission: admissionTo(dc, makeIdNumber()) },
        ],
      }),
    );
    expect(result.elsewhere).toEqual([
      { key: 7, member: { regionId: regionOfPath(xc.path), id: elsewhere.id, orgId: tree.xcUnion.id, orgPath: xc.path } },
    ]);
    expect(result.admitted.map((a) => a.key)).toEqual([8]);
    expect(result.transferRequested).toEqual([]);
    expect(await pendingTransfersOf(elsewhere.id)).toEqual([]);
    expect(await memberRow(elsewhere.id)).toEqual({ org_id: tree.xcUnion.id, status: 'member' });
  });
});
