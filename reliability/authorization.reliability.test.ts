/**
 * What the authorization matrix (src/server/authorization.test.ts) lacks: actors of another district, an
 * account with no grants at all and a cashier of another district's merchant, aimed at every scoped route of a
 * target subtree (must be 403/404), and every list, count, search and export read as outsiders, counting rows
 * that belong to the target subtree (must be none).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  createTestContext,
  login,
  makeIdNumber,
  makePhone,
  TEST_PASSWORD,
  type TestContext,
} from '../src/server/testing/harness.js';
import { usccCheckChar } from '../src/common/uscc.js';
import type { Role } from '../src/common/auth.js';
import { recordFigure } from './summary.js';
import { fixtures, multipart } from './support.js';
import { buildPointsWorld, spendCode, type PointsWorld } from './authorization.points.js';
import { aimedAtTargetEvents, buildEventsWorld, type EventsWorld } from './authorization.events.js';
import { aimedAtTargetTraining, buildTrainingTarget, type TrainingTarget } from './authorization.training.js';
import { aimedAtTargetMatchmaking, buildMatchmakingTarget, type MatchmakingTarget } from './authorization.matchmaking.js';
import { aimedAtTargetContests, buildContestsTarget, type ContestsTarget } from './authorization.contests.js';
import { aimedAtTargetTournaments, buildTournamentsTarget, type TournamentsTarget } from './authorization.tournaments.js';
import { aimedAtTargetLedger, buildLedgerTarget, type LedgerTarget } from './authorization.ledger.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Req = { method: Method; url: string; payload?: object | Buffer; contentType?: string; headers?: Record<string, string> };
type Kind =
  | 'org'
  | 'member'
  | 'application'
  | 'transfer'
  | 'import'
  | 'meeting'
  | 'employer'
  | 'user'
  | 'audit'
  | 'programme'
  | 'pointsTransfer'
  | 'merchant'
  | 'redemption'
  | 'campaign'
  | 'handout'
  | 'voucher';

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
/** Everything inside the target subtree (东城's street T and below), by kind. */
const target: Record<Kind, Set<number>> = {
  org: new Set(),
  member: new Set(),
  application: new Set(),
  transfer: new Set(),
  import: new Set(),
  meeting: new Set(),
  employer: new Set(),
  user: new Set(),
  audit: new Set(),
  programme: new Set(),
  pointsTransfer: new Set(),
  merchant: new Set(),
  redemption: new Set(),
  campaign: new Set(),
  handout: new Set(),
  voucher: new Set(),
};
/** The points and welfare rows of the target (T's programme, merchant, campaign…) and of each outsider's own node. */
let world: PointsWorld;
let eventsWorld: EventsWorld;
/** T's training plan, course, teacher and session, and the member it marked (authorization.training.ts). */
let training: TrainingTarget;
/** T's matchmaking event and the member opted in there (authorization.matchmaking.ts). */
let matchmaking: MatchmakingTarget;
/** T's contests, open and on notice, and its judge's sheet (authorization.contests.ts). */
let contests: ContestsTarget;
/** T's league (a confirmed match) and dragon-boat race (a drawn heat) (authorization.tournaments.ts). */
let tournaments: TournamentsTarget;
/** T's work-ledger entry (authorization.ledger.ts). */
let ledger: LedgerTarget;
const ownWorlds = new Map<number, PointsWorld>();
const targetMembers: { id: number; name: string; idNumber: string; phone: string }[] = [];
let ids: {
  T: number;
  U: number;
  member: number;
  lapsedMember: number;
  application: number;
  transfer: number;
  importJob: number;
  employer: number;
  employerVersion: number;
  user: number;
  grant: number;
  movable: number;
  ownUnion: number;
  meeting: number;
};
let serial = 700000000;
/** A live spending code of the target's points member, as a cashier would scan it. */
let targetCode = '';
const uscc = () => {
  const body = `91110102${serial++}`;
  return body + usccCheckChar(body);
};

async function asAdmin<T>(r: Req): Promise<T> {
  const response = await ctx.app.inject({
    method: r.method,
    url: r.url,
    ...(r.payload ? { payload: r.payload } : {}),
    headers: { ...r.headers, cookie: ctx.adminCookie, ...(r.contentType ? { 'content-type': r.contentType } : {}) },
  });
  if (response.statusCode >= 300) throw new Error(`${r.method} ${r.url}: ${response.statusCode} ${response.body}`);
  return (response.body ? response.json() : {}) as T;
}

type Items = { items: { id: number }[] };

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  const T = tree.dcStreet.id;
  const U = tree.dcUnion.id;
  // The third district: where transfers out of the target go.
  const district = await buildOrg(ctx, 1, 'district_federation');
  const elsewhere = await buildOrg(ctx, (await buildOrg(ctx, district.id, 'street_federation')).id, 'grassroots_union');
  const movable = await buildOrg(ctx, T, 'grassroots_union');

  for (let i = 0; i < 6; i++) {
    const m = await buildMember(ctx, i % 2 ? tree.dcBranch.id : U, { name: `靶子会员${i}` });
    targetMembers.push({ id: m.id, name: `靶子会员${i}`, idNumber: m.idNumber, phone: m.phone });
  }
  const lapsed = await buildMember(ctx, U, { name: '靶子离会' });
  await asAdmin({ method: 'POST', url: `/api/members/${lapsed.id}/lapse`, payload: { reason: '离职' } });
  targetMembers.push({ id: lapsed.id, name: '靶子离会', idNumber: lapsed.idNumber, phone: lapsed.phone });
  // Members outside the target with the same name prefix, so a name search has something legitimate to find.
  await buildMember(ctx, tree.xcUnion.id, { name: '靶子会员外' });
  const neighbourUnion = await buildOrg(ctx, tree.dcStreet2.id, 'grassroots_union');
  await buildMember(ctx, neighbourUnion.id, { name: '靶子会员邻' });

  const pendingApplication = await ctx.app.inject({
    method: 'POST',
    url: '/api/public/applications',
    payload: { name: '靶子申请', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier', orgId: U },
  });
  expect(pendingApplication.statusCode).toBe(201);
  const applications = await asAdmin<Items>({ method: 'GET', url: `/api/applications?orgId=${T}&limit=500` });
  const transferMember = await buildMember(ctx, U, { name: '靶子转出' });
  targetMembers.push({ id: transferMember.id, name: '靶子转出', idNumber: transferMember.idNumber, phone: transferMember.phone });
  const transfer = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/transfers',
    payload: { idNumber: transferMember.idNumber, toOrgId: elsewhere.id },
  });
  const upload = multipart('roster.xlsx', fs.readFileSync(path.join(fixtures, 'roster-messy.xlsx')));
  const job = await asAdmin<{ id: number }>({ method: 'POST', url: `/api/imports?orgId=${U}`, ...upload });
  await ctx.app.importQueue.idle();
  const employer = await asAdmin<{ id: number; version: number }>({
    method: 'POST',
    url: '/api/employers',
    payload: { name: '靶子企业', uscc: uscc(), headcount: 150, industry: 'F', streetOrgId: T },
  });
  const meeting = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/meetings',
    payload: { orgId: T, kind: 'worker', title: '靶子沟通会', heldOn: '2026-05-30' },
  });
  const user = await asAdmin<{ id: number; grants: { id: number }[] }>({
    method: 'POST',
    url: '/api/users',
    payload: { username: 'target_user', displayName: '靶子用户', password: TEST_PASSWORD, orgId: T, role: 'union_cadre' },
  });

  // Points and welfare: the target's rows, and the same rows on each outsider's own node so their lists are not empty.
  const worldSerial = () => serial++;
  world = await buildPointsWorld(ctx, asAdmin, { orgId: T, memberOrgId: U, allocatedTo: U, label: '靶子', serial: worldSerial });
  targetCode = await spendCode(ctx, world.member);
  eventsWorld = await buildEventsWorld(asAdmin, { orgId: T, memberId: world.member, label: '靶子' });
  training = await buildTrainingTarget(asAdmin, { orgId: T, memberId: targetMembers[0]!.id });
  matchmaking = await buildMatchmakingTarget(ctx, { orgId: T, unionId: U });
  contests = await buildContestsTarget(asAdmin, ctx.database.db, { orgId: T, judgeUnitId: elsewhere.id });
  tournaments = await buildTournamentsTarget(asAdmin, { orgId: T });
  ledger = await buildLedgerTarget(asAdmin, { orgId: T, name: tree.dcStreet.name });
  ownWorlds.set(
    tree.xicheng.id,
    await buildPointsWorld(ctx, asAdmin, {
      orgId: tree.xicheng.id,
      memberOrgId: tree.xcUnion.id,
      allocatedTo: tree.xcStreet.id,
      label: '西城',
      serial: worldSerial,
    }),
  );
  ownWorlds.set(
    tree.dcStreet2.id,
    await buildPointsWorld(ctx, asAdmin, {
      orgId: tree.dcStreet2.id,
      memberOrgId: neighbourUnion.id,
      allocatedTo: neighbourUnion.id,
      label: '邻街',
      serial: worldSerial,
    }),
  );

  // Collect every id inside the target, as the admin sees it.
  const all = async (kind: Kind, url: string) => {
    let cursor: string | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor?: string | null } = await asAdmin({
        method: 'GET',
        url: `${url}${url.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      });
      for (const item of page.items) target[kind].add(item.id);
      cursor = page.nextCursor ?? null;
    } while (cursor);
  };
  for (const id of [T, U, tree.dcBranch.id, movable.id]) target.org.add(id);
  await all('member', `/api/members?orgId=${T}`);
  for (const status of ['pending', 'approved', 'rejected', 'transfer_requested'])
    await all('application', `/api/applications?orgId=${T}&status=${status}`);
  for (const direction of ['incoming', 'outgoing']) await all('transfer', `/api/transfers?orgId=${T}&direction=${direction}`);
  await all('import', `/api/imports?orgId=${T}`);
  await all('meeting', `/api/meetings?orgId=${T}`);
  await all('employer', `/api/employers?orgId=${T}`);
  await all('user', `/api/users?orgId=${T}`);
  await all('audit', `/api/audit?orgId=${T}`);
  await all('programme', `/api/points/programmes?orgId=${T}`);
  await all('pointsTransfer', `/api/points/programmes/${world.programme}/transfers`);
  await all('merchant', `/api/points/merchants?orgId=${T}`);
  await all('redemption', `/api/points/redemptions?merchantId=${world.merchant}`);
  await all('campaign', `/api/welfare/campaigns?orgId=${T}`);
  await all('handout', `/api/welfare/campaigns/${world.campaign}/handouts`);
  const handouts = await asAdmin<{ items: { vouchers: { id: number }[] }[] }>({
    method: 'GET',
    url: `/api/welfare/campaigns/${world.campaign}/handouts?limit=200`,
  });
  for (const h of handouts.items) for (const v of h.vouchers) target.voucher.add(v.id);
  expect(target.member.size).toBeGreaterThan(150);
  expect(target.audit.size).toBeGreaterThan(5);
  ids = {
    T,
    U,
    member: targetMembers[0]!.id,
    lapsedMember: lapsed.id,
    application: applications.items[0]!.id,
    transfer: transfer.id,
    importJob: job.id,
    employer: employer.id,
    employerVersion: employer.version,
    user: user.id,
    grant: user.grants[0]!.id,
    movable: movable.id,
    ownUnion: elsewhere.id,
    meeting: meeting.id,
  };
  expect(target.meeting.has(meeting.id)).toBe(true);
  // The admin's lists found the rows the outsiders are aimed at (else the scan below would look for nothing).
  expect(target.programme.has(world.programme)).toBe(true);
  expect([world.award, world.charge, world.hold].every((id) => target.pointsTransfer.has(id))).toBe(true);
  expect(target.merchant.has(world.merchant)).toBe(true);
  expect([world.charge, world.hold].every((id) => target.redemption.has(id))).toBe(true);
  expect(target.campaign.has(world.campaign)).toBe(true);
  expect(target.handout.has(world.handout)).toBe(true);
  expect(target.voucher.has(world.voucher.id)).toBe(true);
}, 300_000);
afterAll(async () => ctx?.close());

/** Every scoped route, aimed at something inside the target subtree. */
function aimedAtTarget(): { route: string; request: Req }[] {
  const { T, U } = ids;
  const upload = multipart('roster.xlsx', fs.readFileSync(path.join(fixtures, 'roster-clean.xlsx')));
  const r = (route: string, request: Req) => ({ route, request });
  return [
    r('GET /api/orgs/:id', { method: 'GET', url: `/api/orgs/${T}` }),
    r('GET /api/orgs/:id/children', { method: 'GET', url: `/api/orgs/${T}/children` }),
    r('POST /api/orgs', { method: 'POST', url: '/api/orgs', payload: { parentId: T, kind: 'grassroots_union', name: '越权工会' } }),
    r('PATCH /api/orgs/:id', { method: 'PATCH', url: `/api/orgs/${T}`, payload: { version: 1, name: '越权改名' } }),
    r('POST /api/orgs/:id/move', { method: 'POST', url: `/api/orgs/${ids.movable}/move`, payload: { newParentId: tree.xcStreet.id } }),
    r('DELETE /api/orgs/:id', { method: 'DELETE', url: `/api/orgs/${ids.movable}` }),
    r('GET /api/orgs/:id/zones', { method: 'GET', url: `/api/orgs/${T}/zones` }),
    r('POST /api/orgs/:id/zones', { method: 'POST', url: `/api/orgs/${T}/zones`, payload: { name: '越权协作区' } }),
    r('GET /api/employers', { method: 'GET', url: `/api/employers?orgId=${T}` }),
    r('GET /api/employers/:id', { method: 'GET', url: `/api/employers/${ids.employer}` }),
    r('POST /api/employers', {
      method: 'POST',
      url: '/api/employers',
      payload: { name: '越权企业', uscc: uscc(), headcount: 5, industry: 'G', streetOrgId: T },
    }),
    r('PATCH /api/employers/:id', {
      method: 'PATCH',
      url: `/api/employers/${ids.employer}`,
      payload: { version: ids.employerVersion, headcount: 1 },
    }),
    r('POST /api/employers/:id/unionisation', {
      method: 'POST',
      url: `/api/employers/${ids.employer}/unionisation`,
      payload: { version: ids.employerVersion, stage: 'contacted' },
    }),
    r('GET /api/coverage/:id', { method: 'GET', url: `/api/coverage/${T}` }),
    r('GET /api/coverage/:id/children', { method: 'GET', url: `/api/coverage/${T}/children` }),
    r('POST /api/coverage/rebuild', { method: 'POST', url: '/api/coverage/rebuild' }),
    r('GET /api/coverage/:id/trend', { method: 'GET', url: `/api/coverage/${T}/trend` }),
    r('GET /api/coverage/report', { method: 'GET', url: `/api/coverage/report?orgId=${T}` }),
    r('POST /api/coverage/snapshots', { method: 'POST', url: '/api/coverage/snapshots', payload: {} }),
    r('GET /api/users', { method: 'GET', url: `/api/users?orgId=${T}` }),
    r('POST /api/users', {
      method: 'POST',
      url: '/api/users',
      payload: { username: `x${serial++}`, displayName: '越权', password: TEST_PASSWORD, orgId: T, role: 'read_only' },
    }),
    r('PATCH /api/users/:id', { method: 'PATCH', url: `/api/users/${ids.user}`, payload: { displayName: '越权改名' } }),
    r('POST /api/users/:id/grants', { method: 'POST', url: `/api/users/${ids.user}/grants`, payload: { orgId: T, role: 'auditor' } }),
    r('DELETE /api/users/:id/grants/:grantId', { method: 'DELETE', url: `/api/users/${ids.user}/grants/${ids.grant}` }),
    r('GET /api/imports', { method: 'GET', url: `/api/imports?orgId=${U}` }),
    r('POST /api/imports', { method: 'POST', url: `/api/imports?orgId=${U}`, ...upload }),
    r('GET /api/imports/:id', { method: 'GET', url: `/api/imports/${ids.importJob}` }),
    r('GET /api/imports/:id/errors', { method: 'GET', url: `/api/imports/${ids.importJob}/errors` }),
    r('GET /api/members/export', { method: 'GET', url: `/api/members/export?orgId=${U}&format=csv` }),
    r('GET /api/members', { method: 'GET', url: `/api/members?orgId=${U}` }),
    r('GET /api/members/:id', { method: 'GET', url: `/api/members/${ids.member}` }),
    r('POST /api/members/:id/reveal', {
      method: 'POST',
      url: `/api/members/${ids.member}/reveal`,
      payload: { field: 'idNumber', reason: '核对身份' },
    }),
    r('POST /api/members/:id/lapse', { method: 'POST', url: `/api/members/${ids.member}/lapse`, payload: { reason: '越权' } }),
    r('POST /api/members/:id/rejoin', { method: 'POST', url: `/api/members/${ids.lapsedMember}/rejoin` }),
    r('POST /api/members/:id/affiliations', {
      method: 'POST',
      url: `/api/members/${ids.member}/affiliations`,
      payload: { orgId: tree.dcBranch.id },
    }),
    r('DELETE /api/members/:id/affiliations/:orgId', { method: 'DELETE', url: `/api/members/${ids.member}/affiliations/${U}` }),
    r('GET /api/members/:id/card', { method: 'GET', url: `/api/members/${ids.member}/card` }),
    r('POST /api/members/:id/phone', {
      method: 'POST',
      url: `/api/members/${ids.member}/phone`,
      payload: { phone: '13912345678', reason: '越权更换' },
    }),
    r('GET /api/imports/:id/elsewhere', { method: 'GET', url: `/api/imports/${ids.importJob}/elsewhere` }),
    r('POST /api/imports/:id/transfers', { method: 'POST', url: `/api/imports/${ids.importJob}/transfers` }),
    r('GET /api/messages', { method: 'GET', url: '/api/messages' }),
    r('POST /api/members/:id/card/revoke', { method: 'POST', url: `/api/members/${ids.member}/card/revoke` }),
    r('POST /api/members/:id/card/reissue', { method: 'POST', url: `/api/members/${ids.member}/card/reissue` }),
    r('POST /api/applications', {
      method: 'POST',
      url: '/api/applications',
      payload: { name: '越权录入', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'standard', orgId: U },
    }),
    r('GET /api/applications', { method: 'GET', url: `/api/applications?orgId=${U}` }),
    r('POST /api/applications/decisions', {
      method: 'POST',
      url: '/api/applications/decisions',
      payload: { ids: [ids.application], decision: 'reject', reason: '越权' },
    }),
    r('POST /api/transfers', { method: 'POST', url: '/api/transfers', payload: { idNumber: targetMembers[1]!.idNumber, toOrgId: U } }),
    r('GET /api/transfers', { method: 'GET', url: `/api/transfers?orgId=${U}&direction=outgoing` }),
    r('POST /api/transfers/:id/decision', {
      method: 'POST',
      url: `/api/transfers/${ids.transfer}/decision`,
      payload: { decision: 'confirm' },
    }),
    r('POST /api/meetings', {
      method: 'POST',
      url: '/api/meetings',
      payload: { orgId: T, kind: 'worker', title: '越权沟通会', heldOn: '2026-05-30' },
    }),
    r('GET /api/meetings', { method: 'GET', url: `/api/meetings?orgId=${T}` }),
    r('GET /api/meetings/:id', { method: 'GET', url: `/api/meetings/${ids.meeting}` }),
    r('GET /api/outreach/stats', { method: 'GET', url: `/api/outreach/stats?orgId=${T}&from=2026-01-01&to=2026-12-31` }),
    r('GET /api/audit', { method: 'GET', url: `/api/audit?orgId=${T}` }),
    r('GET /api/audit/export', { method: 'GET', url: `/api/audit/export?orgId=${T}` }),
    ...aimedAtTargetPoints(),
    ...aimedAtTargetWelfare(),
    ...aimedAtTargetEvents(eventsWorld),
    ...aimedAtTargetTraining(training, T),
    ...aimedAtTargetMatchmaking(matchmaking),
    ...aimedAtTargetContests(contests, T),
    ...aimedAtTargetTournaments(tournaments, T),
    ...aimedAtTargetLedger(ledger, T),
  ];
}

/** The points routes (积分), aimed at T's programme, merchant and charges. */
function aimedAtTargetPoints(): { route: string; request: Req }[] {
  const { T } = ids;
  const w = world;
  const programme = `/api/points/programmes/${w.programme}`;
  const merchant = `/api/points/merchants/${w.merchant}`;
  const awardFile = multipart(
    'awards.csv',
    Buffer.from(`姓名,证件号码,积分,事由\n${targetMembers[3]!.name},${targetMembers[3]!.idNumber},5,越权\n`),
  );
  const r = (route: string, request: Req) => ({ route, request });
  return [
    r('POST /api/points/programmes', {
      method: 'POST',
      url: '/api/points/programmes',
      payload: { orgId: T, name: '越权积分项目', earnRules: { manual: true }, expiryRule: 'never' },
    }),
    r('GET /api/points/programmes', { method: 'GET', url: `/api/points/programmes?orgId=${T}` }),
    r('GET /api/points/programmes/:id', { method: 'GET', url: programme }),
    r('PATCH /api/points/programmes/:id', {
      method: 'PATCH',
      url: programme,
      payload: { name: '越权改名', earnRules: { manual: true }, expiryRule: 'months', expiryMonths: 12, status: 'active' },
    }),
    r('GET /api/points/figures', { method: 'GET', url: `/api/points/figures?orgId=${T}` }),
    r('POST /api/points/programmes/:id/fund', { method: 'POST', url: `${programme}/fund`, payload: { key: `x:${serial++}`, amount: 500 } }),
    r('POST /api/points/programmes/:id/awards', {
      method: 'POST',
      url: `${programme}/awards`,
      payload: { source: 'manual', key: `x:${serial++}`, memberId: w.member, points: 500, reason: '越权发放' },
    }),
    r('POST /api/points/programmes/:id/awards/bulk', {
      method: 'POST',
      url: `${programme}/awards/bulk`,
      payload: { batchKey: `x${serial++}`, rows: [{ memberId: w.member, points: 500, reason: '越权批量' }] },
    }),
    r('POST /api/points/programmes/:id/awards/file', {
      method: 'POST',
      url: `${programme}/awards/file?batchKey=x${serial++}`,
      ...awardFile,
    }),
    r('GET /api/points/programmes/:id/award-jobs/:jobId', { method: 'GET', url: `${programme}/award-jobs/${w.awardJob}` }),
    r('GET /api/points/programmes/:id/award-jobs/:jobId/rows', { method: 'GET', url: `${programme}/award-jobs/${w.awardJob}/rows` }),
    r('GET /api/points/programmes/:id/award-jobs/:jobId/file', { method: 'GET', url: `${programme}/award-jobs/${w.awardJob}/file` }),
    r('POST /api/points/programmes/:id/award-jobs/:jobId/retry', { method: 'POST', url: `${programme}/award-jobs/${w.awardJob}/retry` }),
    r('POST /api/points/programmes/:id/reversals', {
      method: 'POST',
      url: `${programme}/reversals`,
      payload: { transferId: w.award, mode: 'clawback', reason: '越权冲正' },
    }),
    r('GET /api/points/programmes/:id/transfers', { method: 'GET', url: `${programme}/transfers` }),
    r('GET /api/points/programmes/:id/ranking', { method: 'GET', url: `${programme}/ranking?from=2026-01-01&to=2026-12-31` }),
    r('POST /api/points/merchants', {
      method: 'POST',
      url: '/api/points/merchants',
      payload: { orgId: T, name: '越权商户', shops: [{ name: '越权门店', address: '东华门大街9号' }] },
    }),
    r('GET /api/points/merchants', { method: 'GET', url: `/api/points/merchants?orgId=${T}` }),
    r('GET /api/points/merchants/:id', { method: 'GET', url: merchant }),
    r('POST /api/points/merchants/:id/status', { method: 'POST', url: `${merchant}/status`, payload: { status: 'suspended' } }),
    r('POST /api/points/merchants/:id/shops', {
      method: 'POST',
      url: `${merchant}/shops`,
      payload: { name: '越权二号店', address: '王府井大街2号', lat: 39.91, lng: 116.41 },
    }),
    r('POST /api/points/merchants/:id/items', { method: 'POST', url: `${merchant}/items`, payload: { name: '越权套餐', points: 1 } }),
    r('POST /api/points/merchants/:id/items/:itemId/withdraw', { method: 'POST', url: `${merchant}/items/${w.item}/withdraw` }),
    r('POST /api/points/merchants/:id/programmes', {
      method: 'POST',
      url: `${merchant}/programmes`,
      payload: { programmeId: w.programme },
    }),
    r('POST /api/points/merchants/:id/cashiers', {
      method: 'POST',
      url: `${merchant}/cashiers`,
      payload: { username: `x${serial++}`, displayName: '越权收银员' },
    }),
    r('GET /api/points/merchants/:id/statement', { method: 'GET', url: `${merchant}/statement?month=${thisMonth()}` }),
    // The counter: a cadre names the merchant it charges for; outsiders' scopes do not reach T's merchant.
    r('GET /api/points/counter', { method: 'GET', url: `/api/points/counter?merchantId=${w.merchant}` }),
    r('POST /api/points/redemptions', {
      method: 'POST',
      url: '/api/points/redemptions',
      payload: { code: targetCode, merchantId: w.merchant, itemId: w.item },
      headers: { 'idempotency-key': `x-${serial++}` },
    }),
    r('GET /api/points/redemptions', { method: 'GET', url: `/api/points/redemptions?merchantId=${w.merchant}` }),
    r('POST /api/points/redemptions/:id/post', {
      method: 'POST',
      url: `/api/points/redemptions/${w.hold}/post`,
      payload: { merchantId: w.merchant },
    }),
    r('POST /api/points/redemptions/:id/void', {
      method: 'POST',
      url: `/api/points/redemptions/${w.hold}/void`,
      payload: { merchantId: w.merchant },
    }),
  ];
}

/** The welfare routes (慰问 / 夏送清凉), aimed at T's campaign, its stock, hand-out and voucher. */
function aimedAtTargetWelfare(): { route: string; request: Req }[] {
  const { T, U } = ids;
  const w = world;
  const campaign = `/api/welfare/campaigns/${w.campaign}`;
  const r = (route: string, request: Req) => ({ route, request });
  return [
    r('POST /api/welfare/campaigns', {
      method: 'POST',
      url: '/api/welfare/campaigns',
      payload: {
        orgId: T,
        kind: 'winter',
        name: '越权送温暖',
        startsOn: '2026-12-01',
        endsOn: '2027-01-31',
        items: [{ name: '棉衣', unit: '份', plannedQty: 100, budgetYuan: 20000 }],
      },
    }),
    r('GET /api/welfare/campaigns', { method: 'GET', url: `/api/welfare/campaigns?orgId=${T}` }),
    r('GET /api/welfare/campaigns/:id', { method: 'GET', url: campaign }),
    r('POST /api/welfare/campaigns/:id/close', { method: 'POST', url: `${campaign}/close`, payload: {} }),
    r('POST /api/welfare/campaigns/:id/moves', {
      method: 'POST',
      url: `${campaign}/moves`,
      payload: { kind: 'allocate', key: `x-${serial++}`, itemId: w.campaignItems.goods, qty: 500, fromOrgId: T, toOrgId: U },
    }),
    r('POST /api/welfare/campaigns/:id/receipts', { method: 'POST', url: `${campaign}/receipts`, payload: { moveId: w.allocation } }),
    r('POST /api/welfare/campaigns/:id/handouts', {
      method: 'POST',
      url: `${campaign}/handouts`,
      payload: {
        kind: 'person',
        key: `x-${serial++}`,
        from: { orgId: T },
        name: '越权领取人',
        phone: makePhone(),
        items: [{ itemId: w.campaignItems.goods, qty: 10 }],
      },
    }),
    r('GET /api/welfare/campaigns/:id/handouts', { method: 'GET', url: `${campaign}/handouts` }),
    r('POST /api/welfare/campaigns/:id/handouts/:handoutId/photo', {
      method: 'POST',
      url: `${campaign}/handouts/${w.handout}/photo`,
      ...multipart('现场.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')),
    }),
    r('GET /api/welfare/campaigns/:id/handouts/:handoutId/photo', { method: 'GET', url: `${campaign}/handouts/${w.handout}/photo` }),
    r('GET /api/welfare/campaigns/:id/reconciliation', { method: 'GET', url: `${campaign}/reconciliation` }),
    r('GET /api/welfare/campaigns/:id/reconciliation.xlsx', { method: 'GET', url: `${campaign}/reconciliation.xlsx` }),
    // A shop's scan: T's voucher at T's designated merchant, which no outsider's counter reaches.
    r('POST /api/welfare/redemptions', {
      method: 'POST',
      url: '/api/welfare/redemptions',
      payload: { token: w.voucher.token, merchantId: w.merchant },
    }),
    r('POST /api/welfare/redemptions/offline', {
      method: 'POST',
      url: '/api/welfare/redemptions/offline',
      payload: { merchantId: w.merchant, scans: [{ token: w.voucher.token, scannedAt: new Date().toISOString() }] },
    }),
  ];
}

/** The current month in Beijing (a statement's month). */
const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

/** Routes that are not about one subtree: everyone signed in is answered, and the answer is checked for foreign rows instead. */
const unscopedRoutes = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'GET /api/orgs/roots',
  'GET /api/orgs/search',
  'GET /api/coverage/districts',
  'GET /api/imports/template',
  // The 工作台 counts the caller's own nodes only (src/server/modules/workbench/workbench.test.ts).
  'GET /api/workbench',
  'GET /api/workbench/counts',
  // A judge's own contests: an empty list for anyone not named a judge (contests/contests.authz.ts, callerOnly).
  'GET /api/judging/contests',
  // A referee's own tournaments: an empty list for anyone who referees nothing (tournaments/tournaments.authz.ts).
  'GET /api/tournaments/referee/assignments',
]);
const publicRoutes = new Set([
  'GET /api/health',
  // The demo loader's progress: two numbers, no data (src/server/modules/health/health.test.ts).
  'GET /api/public/demo-status',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/openapi.json',
  'GET /api/public/unions',
  'POST /api/public/applications',
  'GET /api/public/applications/:trackingCode',
  'GET /api/public/meetings/:id',
  'POST /api/public/cards/verify',
  'POST /api/public/member-codes',
  'POST /api/public/member-sessions',
  // The member pages answer a member session only; every cadre gets 401 (src/server/authorization.test.ts checks it).
  'GET /api/portal/me',
  'GET /api/portal/card',
  'POST /api/portal/transfers/:id/consent-code',
  'POST /api/portal/transfers/:id/consent',
  'POST /api/portal/transfers/:id/decline',
  'POST /api/portal/logout',
  // The member's points and vouchers on the phone pages: a member session only; every cadre gets 401
  // (the memberRoutes of src/server/modules/points/merchants.authz.ts and welfare/welfare.authz.ts, checked by
  // "opens no member page to a cadre of any role" in src/server/authorization.test.ts).
  'GET /api/portal/points',
  'GET /api/portal/points/history',
  'GET /api/portal/points/places',
  'POST /api/portal/points/code',
  'GET /api/portal/welfare/vouchers',
  // The member's events on the phone pages: a member session only (memberRoutes of events/events.authz.ts).
  'GET /api/portal/events',
  'POST /api/portal/events/registrations',
  'GET /api/portal/events/registrations',
  'POST /api/portal/events/registrations/:id/cancel',
  'POST /api/portal/events/registrations/:id/accept',
  'GET /api/portal/events/registrations/:id/ticket',
  // A member's training check-in and record (training/training.authz.ts memberRoutes).
  'POST /api/portal/training/checkins',
  'GET /api/portal/training/record',
  // The public key shops check voucher codes with offline: a public key, no data (welfare/welfare.authz.ts).
  'GET /api/public/welfare/voucher-key',
  // A draw's public result page and export: masked names, keys, seed, hash (events/events.authz.ts publicRoutes);
  // a member's ranked preferences: a member session only.
  'GET /api/public/events/:id/draws',
  'GET /api/public/events/:id/draws/:drawId/export',
  'POST /api/portal/events/preferences',
  // An event's cover on the member's phone: a member of its audience only (events/events.photos.authz.ts memberRoutes).
  'GET /api/portal/events/:id/cover',
  // A member's matchmaking on the phone pages: a member session only (matchmaking/matchmaking.authz.ts memberRoutes).
  'GET /api/portal/matchmaking/events/:id/profile',
  'PUT /api/portal/matchmaking/events/:id/profile',
  'POST /api/portal/matchmaking/events/:id/profile/withdraw',
  'GET /api/portal/matchmaking/events/:id/profiles',
  'POST /api/portal/matchmaking/events/:id/interests',
  'POST /api/portal/matchmaking/events/:id/interests/withdraw',
  'POST /api/portal/matchmaking/events/:id/blocks',
  'GET /api/portal/matchmaking/events/:id/blocks',
  'POST /api/portal/matchmaking/events/:id/blocks/lift',
  'GET /api/portal/matchmaking/events/:id/matches',
  'POST /api/portal/matchmaking/events/:id/matches/confirm',
  'POST /api/portal/matchmaking/events/:id/tasks',
  // A tournament's public read-only link: a signed token, team names and results only (tournaments/tournaments.authz.ts).
  'GET /api/public/tournaments/:token',
]);

type Outsider = {
  label: string;
  cookie: string;
  /** a node the actor may legitimately name in its own lists, if any */
  own?: number;
  /** a cashier: its own counter's charges are what it may list */
  isCashier?: boolean;
};
const roles: Role[] = ['federation_admin', 'union_cadre', 'auditor', 'read_only'];

async function outsiders(): Promise<Outsider[]> {
  const list: Outsider[] = [];
  for (const role of roles) {
    list.push({ label: `${role}@西城`, cookie: (await actorWith(ctx, role, tree.xicheng.id)).cookie, own: tree.xicheng.id });
    list.push({ label: `${role}@邻街`, cookie: (await actorWith(ctx, role, tree.dcStreet2.id)).cookie, own: tree.dcStreet2.id });
  }
  // An account whose only grant was removed: signed in, member of nothing.
  const worker = await actorWith(ctx, 'read_only', tree.xcStreet.id);
  const users = await asAdmin<{ items: { id: number; grants?: { id: number }[] }[] }>({
    method: 'GET',
    url: `/api/users?orgId=${tree.xcStreet.id}&limit=100`,
  });
  const grant = users.items.find((u) => u.id === worker.userId)?.grants?.[0];
  if (!grant) throw new Error('the worker account has no grant to remove');
  await asAdmin({ method: 'DELETE', url: `/api/users/${worker.userId}/grants/${grant.id}` });
  list.push({ label: '无授权职工', cookie: await login(ctx.app, worker.username, TEST_PASSWORD) });
  // A cashier of 西城's merchant: its counter reaches that merchant only, never T's.
  const cashier = await asAdmin<{ username: string; firstPassword: string }>({
    method: 'POST',
    url: `/api/points/merchants/${ownWorlds.get(tree.xicheng.id)!.merchant}/cashiers`,
    payload: { username: `cashier${serial++}`, displayName: '西城收银员' },
  });
  const cashierCookie = await login(ctx.app, cashier.username, cashier.firstPassword);
  const changed = await send(
    { method: 'POST', url: '/api/auth/password', payload: { currentPassword: cashier.firstPassword, newPassword: TEST_PASSWORD } },
    cashierCookie,
  );
  if (changed.statusCode !== 200) throw new Error(`cashier password: ${changed.statusCode} ${changed.body}`);
  list.push({ label: '收银员@西城商户', cookie: cashierCookie, isCashier: true });
  return list;
}

async function send(r: Req, cookie: string) {
  return ctx.app.inject({
    method: r.method,
    url: r.url,
    ...(r.payload ? { payload: r.payload } : {}),
    headers: { ...r.headers, cookie, ...(r.contentType ? { 'content-type': r.contentType } : {}) },
  });
}

describe('authorization beyond the matrix', () => {
  let forbiddenCells = 0;
  let refusedCells = 0;
  let foreignRows = 0;
  let answers = 0;
  /** Rows outsiders legitimately see: the scan is not vacuous. */
  let ownRows = 0;

  it('covers every scoped route of the route table', () => {
    const all = new Set<string>();
    for (const r of ctx.app.routeTable) if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) all.add(`${r.method} ${r.url}`);
    for (const p of [...publicRoutes, ...unscopedRoutes]) all.delete(p);
    expect([...all].sort()).toEqual(
      aimedAtTarget()
        .map((c) => c.route)
        .sort(),
    );
  });

  it('refuses every route aimed at the target to actors of another district, a sibling street and a grant-less account', async () => {
    const failures: string[] = [];
    for (const actor of await outsiders()) {
      for (const c of aimedAtTarget()) {
        const response = await send(c.request, actor.cookie);
        forbiddenCells++;
        if (response.statusCode === 403 || response.statusCode === 404) {
          refusedCells++;
          const body = response.json<{ code?: string; message?: string }>();
          if (!body.code || !body.message) failures.push(`${actor.label} ${c.route}: refusal without {code, message}`);
        } else failures.push(`${actor.label} ${c.route}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    // Nothing changed in the target: its members are all still there.
    const still = await asAdmin<Items>({ method: 'GET', url: `/api/members/${ids.member}` });
    expect(still).toMatchObject({ id: ids.member, status: 'member' });
  });

  it("refuses outsiders who name the target's programme, merchant, node or voucher from their own rows", async () => {
    const failures: string[] = [];
    const w = world;
    for (const actor of await outsiders()) {
      const mine = actor.own === undefined ? undefined : ownWorlds.get(actor.own);
      if (!mine) continue;
      const own = actor.own!;
      const sideways: { label: string; request: Req }[] = [
        // T's book spent at the outsider's counter.
        {
          label: 'designate T programme',
          request: { method: 'POST', url: `/api/points/merchants/${mine.merchant}/programmes`, payload: { programmeId: w.programme } },
        },
        {
          label: 'new merchant taking T programme',
          request: { method: 'POST', url: '/api/points/merchants', payload: { orgId: own, name: '越权商户', programmeIds: [w.programme] } },
        },
        // The outsider's vouchers redeemable at T's merchant, T named as a co-organiser.
        {
          label: 'campaign at T merchant',
          request: {
            method: 'POST',
            url: '/api/welfare/campaigns',
            payload: {
              orgId: own,
              kind: 'summer',
              name: '越权夏送清凉',
              startsOn: '2026-07-01',
              endsOn: '2026-08-31',
              voucherFrom: '2026-07-01',
              voucherTo: '2026-08-31',
              merchantIds: [w.merchant],
              items: [{ name: '冷饮兑换券', unit: '张', plannedQty: 10, isVoucher: true }],
            },
          },
        },
        {
          label: 'campaign co-organised by T',
          request: {
            method: 'POST',
            url: '/api/welfare/campaigns',
            payload: {
              orgId: own,
              kind: 'summer',
              name: '越权协办',
              startsOn: '2026-07-01',
              endsOn: '2026-08-31',
              coOrganiserIds: [ids.T],
              items: [{ name: '西瓜', unit: '斤', plannedQty: 10 }],
            },
          },
        },
        // The outsider's stock pushed into T, or handed out from T's warehouse.
        {
          label: 'allocate into T',
          request: {
            method: 'POST',
            url: `/api/welfare/campaigns/${mine.campaign}/moves`,
            payload: { kind: 'allocate', key: `x-${serial++}`, itemId: mine.campaignItems.goods, qty: 1, fromOrgId: own, toOrgId: ids.U },
          },
        },
        {
          label: 'hand out from T',
          request: {
            method: 'POST',
            url: `/api/welfare/campaigns/${mine.campaign}/handouts`,
            payload: {
              kind: 'batch',
              key: `x-${serial++}`,
              from: { orgId: ids.T },
              count: 5,
              items: [{ itemId: mine.campaignItems.goods, qty: 5 }],
            },
          },
        },
        // T's voucher scanned at the outsider's own counter.
        {
          label: 'redeem T voucher',
          request: { method: 'POST', url: '/api/welfare/redemptions', payload: { token: w.voucher.token, merchantId: mine.merchant } },
        },
      ];
      for (const c of sideways) {
        const response = await send(c.request, actor.cookie);
        if (response.statusCode < 400 || response.statusCode >= 500)
          failures.push(`${actor.label} ${c.label}: ${response.statusCode} ${response.body.slice(0, 160)}`);
        else {
          // A malformed request would be refused whoever sent it, and prove nothing about the scope.
          const code = response.json<{ code?: string }>().code;
          if (!code || code === 'VALIDATION') failures.push(`${actor.label} ${c.label}: ${code ?? 'refusal without a code'}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // T's voucher is still unredeemed and T's merchant takes T's programme alone.
    const merchant = await asAdmin<{ programmes: { id: number }[] }>({ method: 'GET', url: `/api/points/merchants/${w.merchant}` });
    expect(merchant.programmes.map((p) => p.id)).toEqual([w.programme]);
    const redeemed = await asAdmin<{ outcome: string }>({
      method: 'POST',
      url: '/api/welfare/redemptions',
      payload: { token: w.voucher.token, merchantId: w.merchant },
    });
    expect(redeemed.outcome).toBe('redeemed');
  });

  it('returns no row of the target subtree from any list, count, search or export read by outsiders', async () => {
    const failures: string[] = [];
    const probe = targetMembers[2]!;
    /** Own rows seen per kind: each points and welfare list must show the outsiders something of their own. */
    const ownByKind = new Map<Kind, number>();
    const countRows = (kind: Kind, label: string, body: unknown) => {
      const items = (body as { items?: { id: number; orgId?: number }[] }).items ?? [];
      for (const item of items) {
        if (target[kind].has(item.id)) {
          foreignRows++;
          failures.push(`${label}: ${kind} ${item.id}`);
        }
      }
    };
    for (const actor of await outsiders()) {
      const own = actor.own;
      const reads: { kind: Kind; url: string }[] = [
        { kind: 'org', url: `/api/orgs/search?q=${encodeURIComponent(tree.dcUnion.name)}` },
        { kind: 'org', url: `/api/orgs/search?q=${encodeURIComponent('测试')}&limit=50` },
        { kind: 'org', url: '/api/orgs/roots' },
        { kind: 'user', url: '/api/users?limit=100' },
        { kind: 'audit', url: '/api/audit?limit=100' },
      ];
      if (own)
        reads.push(
          { kind: 'member', url: `/api/members?orgId=${own}&limit=100` },
          { kind: 'member', url: `/api/members?orgId=${own}&q=${encodeURIComponent('靶子')}` },
          { kind: 'member', url: `/api/members?orgId=${own}&q=${probe.phone}` },
          { kind: 'member', url: `/api/members?orgId=${own}&q=${probe.idNumber}` },
          { kind: 'member', url: `/api/members?orgId=${own}&q=${encodeURIComponent(probe.name)}&status=lapsed` },
          { kind: 'application', url: `/api/applications?orgId=${own}&limit=500` },
          { kind: 'application', url: `/api/applications?orgId=${own}&status=approved&limit=500` },
          { kind: 'transfer', url: `/api/transfers?orgId=${own}&direction=incoming` },
          { kind: 'transfer', url: `/api/transfers?orgId=${own}&direction=outgoing` },
          { kind: 'import', url: `/api/imports?orgId=${own}` },
          { kind: 'meeting', url: `/api/meetings?orgId=${own}` },
          { kind: 'employer', url: `/api/employers?orgId=${own}&limit=100` },
          { kind: 'employer', url: `/api/employers?orgId=${own}&q=${encodeURIComponent('靶子')}` },
          { kind: 'user', url: `/api/users?orgId=${own}&limit=100` },
          { kind: 'audit', url: `/api/audit?orgId=${own}&limit=100` },
          { kind: 'org', url: `/api/orgs/${own}/children` },
          { kind: 'org', url: `/api/coverage/${own}/children` },
        );
      if (actor.isCashier) reads.push({ kind: 'redemption', url: '/api/points/redemptions?limit=100' });
      const mine = own === undefined ? undefined : ownWorlds.get(own);
      if (own && mine)
        reads.push(
          { kind: 'programme', url: `/api/points/programmes?orgId=${own}&limit=100` },
          { kind: 'pointsTransfer', url: `/api/points/programmes/${mine.programme}/transfers?limit=100` },
          { kind: 'merchant', url: `/api/points/merchants?orgId=${own}&limit=100` },
          // The counter's charges (points.redeem: federation admins among the outsiders; the others get 403).
          { kind: 'redemption', url: `/api/points/redemptions?merchantId=${mine.merchant}&limit=100` },
          { kind: 'campaign', url: `/api/welfare/campaigns?orgId=${own}&limit=100` },
          { kind: 'handout', url: `/api/welfare/campaigns/${mine.campaign}/handouts?limit=100` },
        );
      for (const read of reads) {
        const response = await send({ method: 'GET', url: read.url }, actor.cookie);
        answers++;
        if (response.statusCode >= 500) failures.push(`${actor.label} ${read.url}: ${response.statusCode}`);
        if (response.statusCode !== 200) continue;
        const body = response.json<unknown>();
        countRows(read.kind, `${actor.label} ${read.url}`, body);
        ownRows += ((body as { items?: unknown[] }).items ?? []).length;
        ownByKind.set(read.kind, (ownByKind.get(read.kind) ?? 0) + ((body as { items?: unknown[] }).items ?? []).length);
        // A hand-out carries the vouchers it issued.
        for (const handout of (body as { items?: { vouchers?: { id: number }[] }[] }).items ?? [])
          for (const voucher of handout.vouchers ?? [])
            if (target.voucher.has(voucher.id)) {
              foreignRows++;
              failures.push(`${actor.label} ${read.url}: voucher ${voucher.id}`);
            }
        // Coverage children carry orgId rather than id.
        for (const item of (body as { items?: { orgId?: number }[] }).items ?? [])
          if (item.orgId !== undefined && target.org.has(item.orgId)) {
            foreignRows++;
            failures.push(`${actor.label} ${read.url}: org ${item.orgId}`);
          }
      }
      if (own) {
        const exported = await send({ method: 'GET', url: `/api/members/export?orgId=${own}&format=csv` }, actor.cookie);
        answers++;
        if (exported.statusCode === 200) {
          const rows = parse(exported.body.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
          for (const row of rows.slice(1))
            if (targetMembers.some((m) => row[0] === m.name)) {
              foreignRows++;
              failures.push(`${actor.label} export: ${row[0]}`);
            }
        }
      }
      if (own && mine) {
        // The subtree's points figures count the actor's own programme only, never T's.
        const figures = await send({ method: 'GET', url: `/api/points/figures?orgId=${own}` }, actor.cookie);
        answers++;
        if (figures.statusCode !== 200) failures.push(`${actor.label} figures: ${figures.statusCode}`);
        else if (figures.json<{ programmes: number }>().programmes !== 1)
          failures.push(`${actor.label} figures: ${figures.json<{ programmes: number }>().programmes} programmes, want its own 1`);
        // The own merchant's monthly statement: its own charges only, no line of T's programme, merchant or shop.
        const statement = await send(
          { method: 'GET', url: `/api/points/merchants/${mine.merchant}/statement?month=${thisMonth()}` },
          actor.cookie,
        );
        answers++;
        if (statement.statusCode !== 200) failures.push(`${actor.label} statement: ${statement.statusCode}`);
        else {
          const book = new ExcelJS.Workbook();
          await book.xlsx.load(statement.rawPayload as unknown as ArrayBuffer);
          let lines = 0;
          book.worksheets[0]!.eachRow((row) => {
            const text = row.values?.toString() ?? '';
            if (text.includes(mine.programmeName)) lines++;
            if ([world.programmeName, world.merchantName, world.shopName].some((name) => text.includes(name))) {
              foreignRows++;
              failures.push(`${actor.label} statement: ${text}`);
            }
          });
          ownRows += lines;
          if (lines === 0) failures.push(`${actor.label} statement: not even its own charge`);
        }
      }
    }
    recordFigure(
      'authorization',
      `forbidden cells answered 403/404: ${refusedCells}/${forbiddenCells}; foreign rows returned: ${foreignRows} (${answers} outsider reads, ${ownRows} own rows seen)`,
      import.meta.filename,
    );
    expect(failures).toEqual([]);
    expect(foreignRows).toBe(0);
    expect(ownRows).toBeGreaterThan(50);
    const pointsAndWelfare: Kind[] = ['programme', 'pointsTransfer', 'merchant', 'redemption', 'campaign', 'handout'];
    expect(pointsAndWelfare.filter((kind) => !ownByKind.get(kind))).toEqual([]);
  });
});
