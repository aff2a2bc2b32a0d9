/**
 * The authorization matrix: every API route, driven as actors granted on the target node itself, on an
 * ancestor, on a descendant, on a sibling subtree, and as an anonymous caller. A route added without a
 * case here fails the first test, so the matrix cannot silently fall behind the route table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorWith,
  buildMember,
  buildOrg,
  buildTree,
  createTestContext,
  makeIdNumber,
  makePhone,
  TEST_PASSWORD,
  type TestContext,
} from '../testing/harness.js';
import { roleAllows, roles, type Action, type Role } from '../../common/auth.js';
import { usccCheckChar } from '../../common/uscc.js';

type Actor = 'same' | 'ancestor' | 'descendant' | 'sibling' | 'anonymous';
const actors: Actor[] = ['same', 'ancestor', 'descendant', 'sibling', 'anonymous'];
type Request = { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: string; payload?: object | Buffer; contentType?: string };
type Case = {
  route: string; // "METHOD /url/pattern" as Fastify registers it
  write: boolean;
  /** The permission the route needs. */
  action: Action;
  /** For routes on one record: the permission that makes the record visible at all (else 404). Lists have none. */
  visibleWith?: Action;
  /** Builds a fresh request aimed at the target node T (or at something inside it). */
  request: () => Promise<Request>;
  /** Routes not about one subtree: everyone signed in gets 2xx, and must not see T unless allowed. */
  unscoped?: boolean;
  /** Root-only actions: refused (403) to everyone below the root. */
  rootOnly?: boolean;
  /** The node the request aims at: the street T (default) or the union U inside it (member routes). */
  target?: 'street' | 'union';
  /** The status a success answers with (default 200). */
  ok?: number;
  /** The answer is a file, not JSON. */
  binary?: boolean;
};

let ctx: TestContext;
let tree: Awaited<ReturnType<typeof buildTree>>;
const publicRoutes = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/openapi.json',
  'GET /api/public/unions',
  'POST /api/public/applications',
  'GET /api/public/applications/:trackingCode',
  'POST /api/public/cards/verify',
  'POST /api/public/member-codes',
  'POST /api/public/member-sessions',
]);
/** The member pages: a member session opens them, never a cadre's (tested below for every role). */
const memberRoutes = new Set([
  'GET /api/portal/me',
  'GET /api/portal/card',
  'POST /api/portal/transfers/:id/consent-code',
  'POST /api/portal/transfers/:id/consent',
  'POST /api/portal/transfers/:id/decline',
  'POST /api/portal/logout',
]);
let elsewhere: { id: number } | undefined;
/** A second branch of the union U, outside the descendant actor's branch: where secondary affiliations go. */
let otherBranch: { id: number } | undefined;
let serial = 500000000;
const uscc = () => {
  const body = `91110101${serial++}`;
  return body + usccCheckChar(body);
};

beforeAll(async () => {
  ctx = await createTestContext();
  tree = await buildTree(ctx);
  // A union in a third district nobody in the matrix holds a role on: where transfers come from and go to.
  const district = await buildOrg(ctx, 1, 'district_federation');
  elsewhere = await buildOrg(ctx, (await buildOrg(ctx, district.id, 'street_federation')).id, 'grassroots_union');
  otherBranch = await buildOrg(ctx, tree.dcUnion.id, 'branch');
});
afterAll(async () => ctx?.close());

const asAdmin = async (r: Request) => {
  const response = await ctx.app.inject({ ...r, headers: { cookie: ctx.adminCookie } });
  if (response.statusCode >= 300) throw new Error(`${r.method} ${r.url}: ${response.statusCode} ${response.body}`);
  return response.json<{ id: number; version: number; grants?: { id: number }[] }>();
};

function cases(): Case[] {
  const T = () => tree.dcStreet.id;
  const employer = () =>
    asAdmin({
      method: 'POST',
      url: '/api/employers',
      payload: { name: `矩阵企业${serial}`, uscc: uscc(), headcount: 120, industry: 'F', streetOrgId: T() },
    });
  const userOnT = () =>
    asAdmin({
      method: 'POST',
      url: '/api/users',
      payload: { username: `m${serial++}`, displayName: '矩阵用户', password: TEST_PASSWORD, orgId: T(), role: 'read_only' },
    });
  return [
    {
      route: 'GET /api/auth/me',
      action: 'org.read',
      write: false,
      unscoped: true,
      request: async () => ({ method: 'GET', url: '/api/auth/me' }),
    },
    {
      // Everyone signed in reaches their own password change; a wrong current password is all the matrix sends.
      route: 'POST /api/auth/password',
      action: 'org.read',
      write: true,
      unscoped: true,
      ok: 422,
      request: async () => ({
        method: 'POST',
        url: '/api/auth/password',
        payload: { currentPassword: 'not-the-current-1', newPassword: 'Another-Matrix-Pass-26' },
      }),
    },
    {
      route: 'GET /api/orgs/roots',
      action: 'org.read',
      write: false,
      unscoped: true,
      request: async () => ({ method: 'GET', url: '/api/orgs/roots' }),
    },
    {
      route: 'GET /api/orgs/search',
      action: 'org.read',
      write: false,
      unscoped: true,
      request: async () => ({ method: 'GET', url: `/api/orgs/search?q=${encodeURIComponent(tree.dcStreet.name)}` }),
    },
    {
      route: 'GET /api/orgs/:id',
      action: 'org.read',
      visibleWith: 'org.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/orgs/${T()}` }),
    },
    {
      route: 'GET /api/orgs/:id/children',
      action: 'org.read',
      visibleWith: 'org.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/orgs/${T()}/children` }),
    },
    {
      route: 'POST /api/orgs',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => ({
        method: 'POST',
        url: '/api/orgs',
        payload: { parentId: T(), kind: 'grassroots_union', name: `矩阵工会${serial++}` },
      }),
    },
    {
      route: 'PATCH /api/orgs/:id',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => {
        const org = await buildOrg(ctx, T(), 'joint_union');
        return { method: 'PATCH', url: `/api/orgs/${org.id}`, payload: { version: org.version, name: `改名${serial++}` } };
      },
    },
    {
      route: 'POST /api/orgs/:id/move',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => {
        const a = await buildOrg(ctx, T(), 'grassroots_union');
        const b = await buildOrg(ctx, T(), 'grassroots_union');
        const branch = await buildOrg(ctx, a.id, 'branch');
        return { method: 'POST', url: `/api/orgs/${branch.id}/move`, payload: { newParentId: b.id } };
      },
    },
    {
      route: 'DELETE /api/orgs/:id',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => ({ method: 'DELETE', url: `/api/orgs/${(await buildOrg(ctx, T(), 'grassroots_union')).id}` }),
    },
    {
      route: 'GET /api/orgs/:id/zones',
      action: 'org.read',
      visibleWith: 'org.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/orgs/${T()}/zones` }),
    },
    {
      route: 'POST /api/orgs/:id/zones',
      action: 'org.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => ({ method: 'POST', url: `/api/orgs/${T()}/zones`, payload: { name: `协作区${serial++}` } }),
    },
    {
      route: 'GET /api/employers',
      action: 'employer.read',
      visibleWith: 'employer.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/employers?orgId=${T()}` }),
    },
    {
      route: 'GET /api/employers/:id',
      action: 'employer.read',
      visibleWith: 'employer.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/employers/${(await employer()).id}` }),
    },
    {
      route: 'POST /api/employers',
      action: 'employer.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => ({
        method: 'POST',
        url: '/api/employers',
        payload: { name: `新企业${serial}`, uscc: uscc(), headcount: 5, industry: 'G', streetOrgId: T() },
      }),
    },
    {
      route: 'PATCH /api/employers/:id',
      action: 'employer.write',
      visibleWith: 'employer.read',
      write: true,
      request: async () => {
        const e = await employer();
        return { method: 'PATCH', url: `/api/employers/${e.id}`, payload: { version: e.version, headcount: 300 } };
      },
    },
    {
      route: 'GET /api/coverage/:id',
      action: 'coverage.read',
      visibleWith: 'coverage.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/coverage/${T()}` }),
    },
    {
      route: 'GET /api/coverage/:id/children',
      action: 'coverage.read',
      visibleWith: 'coverage.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/coverage/${T()}/children` }),
    },
    {
      route: 'POST /api/coverage/rebuild',
      action: 'coverage.rebuild',
      write: true,
      rootOnly: true,
      request: async () => ({ method: 'POST', url: '/api/coverage/rebuild' }),
    },
    {
      route: 'GET /api/users',
      action: 'user.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/users?orgId=${T()}` }),
    },
    {
      route: 'POST /api/users',
      action: 'user.write',
      visibleWith: 'org.read',
      write: true,
      request: async () => ({
        method: 'POST',
        url: '/api/users',
        payload: { username: `n${serial++}`, displayName: '新用户', password: TEST_PASSWORD, orgId: T(), role: 'read_only' },
      }),
    },
    {
      route: 'PATCH /api/users/:id',
      action: 'user.write',
      visibleWith: 'user.read',
      write: true,
      request: async () => ({ method: 'PATCH', url: `/api/users/${(await userOnT()).id}`, payload: { displayName: '改名' } }),
    },
    {
      route: 'POST /api/users/:id/grants',
      action: 'user.write',
      visibleWith: 'user.read',
      write: true,
      request: async () => ({ method: 'POST', url: `/api/users/${(await userOnT()).id}/grants`, payload: { orgId: T(), role: 'auditor' } }),
    },
    {
      route: 'DELETE /api/users/:id/grants/:grantId',
      action: 'user.write',
      visibleWith: 'user.read',
      write: true,
      request: async () => {
        const user = await userOnT();
        return { method: 'DELETE', url: `/api/users/${user.id}/grants/${user.grants![0]!.id}` };
      },
    },
    ...memberCases(),
    {
      route: 'POST /api/meetings',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async () => ({
        method: 'POST',
        url: '/api/meetings',
        payload: { orgId: T(), kind: 'worker', title: '职工沟通会', heldOn: '2026-05-30' },
      }),
    },
    {
      route: 'GET /api/meetings',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/meetings?orgId=${T()}` }),
    },
    {
      route: 'GET /api/outreach/stats',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/outreach/stats?orgId=${T()}&from=2026-01-01&to=2026-12-31` }),
    },
    {
      route: 'POST /api/employers/:id/unionisation',
      action: 'employer.write',
      visibleWith: 'employer.read',
      write: true,
      request: async () => {
        const e = await employer();
        return { method: 'POST', url: `/api/employers/${e.id}/unionisation`, payload: { version: e.version, stage: 'contacted' } };
      },
    },
    {
      route: 'GET /api/audit',
      action: 'audit.read',
      write: false,
      request: async () => ({ method: 'GET', url: `/api/audit?orgId=${T()}` }),
    },
  ];
}

function memberCases(): Case[] {
  const U = () => tree.dcUnion.id;
  const member = () => buildMember(ctx, U());
  const pending = async () => {
    const applied = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/applications',
      payload: { name: '矩阵申请', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'courier', orgId: U() },
    });
    const list = await asAdmin({ method: 'GET', url: `/api/applications?orgId=${U()}&limit=500` });
    return (list as unknown as { items: { id: number; trackingCode: string }[] }).items.find(
      (a) => a.trackingCode === applied.json().trackingCode,
    )!.id;
  };
  const union = { target: 'union' as const };
  const fixture = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../shared/fixtures/roster-messy.xlsx'));
  const uploadRequest = (orgId: number): Request => {
    const boundary = 'matrixboundary';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      fixture,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { method: 'POST', url: `/api/imports?orgId=${orgId}`, payload, contentType: `multipart/form-data; boundary=${boundary}` };
  };
  const importJob = async () => {
    const response = await ctx.app.inject({
      ...uploadRequest(U()),
      headers: { cookie: ctx.adminCookie, 'content-type': `multipart/form-data; boundary=matrixboundary` },
    });
    await ctx.app.importQueue.idle();
    return response.json<{ id: number }>().id;
  };
  return [
    {
      route: 'GET /api/imports/template',
      action: 'member.read',
      write: false,
      unscoped: true,
      binary: true,
      request: async () => ({ method: 'GET', url: '/api/imports/template' }),
    },
    {
      route: 'POST /api/imports',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 202,
      ...union,
      request: async () => uploadRequest(U()),
    },
    {
      route: 'GET /api/imports',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/imports?orgId=${U()}` }),
    },
    {
      route: 'GET /api/imports/:id',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/imports/${await importJob()}` }),
    },
    {
      route: 'GET /api/imports/:id/errors',
      action: 'member.reveal',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/imports/${await importJob()}/errors` }),
    },
    {
      route: 'GET /api/imports/:id/elsewhere',
      action: 'member.write',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/imports/${await importJob()}/elsewhere` }),
    },
    {
      route: 'POST /api/imports/:id/transfers',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => {
        const job = await importJob();
        const other = await buildMember(ctx, elsewhere!.id);
        const path = (await ctx.database.db.selectFrom('member').select('org_path').where('id', '=', other.id).executeTakeFirstOrThrow())
          .org_path;
        await ctx.database.db
          .insertInto('import_job_elsewhere')
          .values({ region_id: Number(path.split('.')[1]), job_id: job, member_id: other.id, row_no: 2 })
          .execute();
        return { method: 'POST', url: `/api/imports/${job}/transfers` };
      },
    },
    {
      route: 'GET /api/messages',
      action: 'message.read',
      write: false,
      rootOnly: true,
      request: async () => ({ method: 'GET', url: '/api/messages' }),
    },
    {
      route: 'POST /api/members/:id/phone',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => ({
        method: 'POST',
        url: `/api/members/${(await member()).id}/phone`,
        payload: { phone: makePhone(), reason: '本人到会核验' },
      }),
    },
    {
      route: 'GET /api/members/export',
      action: 'member.export',
      visibleWith: 'org.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/members/export?orgId=${U()}&format=csv` }),
    },
    {
      route: 'GET /api/members',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/members?orgId=${U()}` }),
    },
    {
      route: 'GET /api/members/:id',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/members/${(await member()).id}` }),
    },
    {
      route: 'POST /api/members/:id/reveal',
      action: 'member.reveal',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => ({
        method: 'POST',
        url: `/api/members/${(await member()).id}/reveal`,
        payload: { field: 'phone', reason: '核对身份' },
      }),
    },
    {
      route: 'POST /api/members/:id/lapse',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => ({ method: 'POST', url: `/api/members/${(await member()).id}/lapse`, payload: { reason: '离职' } }),
    },
    {
      route: 'POST /api/members/:id/rejoin',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => {
        const m = await member();
        await asAdmin({ method: 'POST', url: `/api/members/${m.id}/lapse`, payload: { reason: '离职' } });
        return { method: 'POST', url: `/api/members/${m.id}/rejoin` };
      },
    },
    {
      route: 'POST /api/members/:id/affiliations',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => ({
        method: 'POST',
        url: `/api/members/${(await member()).id}/affiliations`,
        payload: { orgId: otherBranch!.id },
      }),
    },
    {
      route: 'DELETE /api/members/:id/affiliations/:orgId',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => {
        const m = await member();
        await asAdmin({ method: 'POST', url: `/api/members/${m.id}/affiliations`, payload: { orgId: otherBranch!.id } });
        return { method: 'DELETE', url: `/api/members/${m.id}/affiliations/${otherBranch!.id}` };
      },
    },
    {
      route: 'GET /api/members/:id/card',
      action: 'member.write',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/members/${(await member()).id}/card` }),
    },
    {
      route: 'POST /api/members/:id/card/revoke',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ok: 204,
      ...union,
      request: async () => ({ method: 'POST', url: `/api/members/${(await member()).id}/card/revoke` }),
    },
    {
      route: 'POST /api/members/:id/card/reissue',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => ({ method: 'POST', url: `/api/members/${(await member()).id}/card/reissue` }),
    },
    {
      route: 'POST /api/applications',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      ...union,
      request: async () => ({
        method: 'POST',
        url: '/api/applications',
        payload: { name: '录入', idNumber: makeIdNumber(), phone: makePhone(), employmentForm: 'standard', orgId: U() },
      }),
    },
    {
      route: 'GET /api/applications',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/applications?orgId=${U()}` }),
    },
    {
      route: 'POST /api/applications/decisions',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => ({
        method: 'POST',
        url: '/api/applications/decisions',
        payload: { ids: [await pending()], decision: 'approve' },
      }),
    },
    {
      route: 'POST /api/transfers',
      action: 'member.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      ...union,
      request: async () => {
        const m = await buildMember(ctx, elsewhere!.id);
        return { method: 'POST', url: '/api/transfers', payload: { idNumber: m.idNumber, toOrgId: U() } };
      },
    },
    {
      route: 'GET /api/transfers',
      action: 'member.read',
      visibleWith: 'member.read',
      write: false,
      ...union,
      request: async () => ({ method: 'GET', url: `/api/transfers?orgId=${U()}&direction=outgoing` }),
    },
    {
      route: 'POST /api/transfers/:id/decision',
      action: 'member.write',
      visibleWith: 'member.read',
      write: true,
      ...union,
      request: async () => {
        const m = await member();
        const t = await asAdmin({ method: 'POST', url: '/api/transfers', payload: { idNumber: m.idNumber, toOrgId: elsewhere!.id } });
        return { method: 'POST', url: `/api/transfers/${t.id}/decision`, payload: { decision: 'confirm' } };
      },
    },
  ];
}

async function cookiesFor(role: Role): Promise<Record<'street' | 'union', Record<Actor, string | undefined>>> {
  const as = async (orgId: number) => (await actorWith(ctx, role, orgId)).cookie;
  const ancestor = await as(tree.dongcheng.id);
  const sibling = await as(tree.xicheng.id);
  const street = { same: await as(tree.dcStreet.id), ancestor, descendant: await as(tree.dcUnion.id), sibling, anonymous: undefined };
  const union = { same: street.descendant, ancestor, descendant: await as(tree.dcBranch.id), sibling, anonymous: undefined };
  return { street, union };
}

function expected(c: Case, method: string, actor: Actor, role: Role): number[] {
  if (actor === 'anonymous') return [401];
  if (c.unscoped) return [c.ok ?? 200];
  if (c.rootOnly) return [403];
  const inside = actor === 'same' || actor === 'ancestor';
  if (!c.visibleWith) {
    // A list: no permission at all is 403; a filter outside the scope is 404.
    if (!roleAllows(role, c.action)) return [403];
    if (!inside) return [404];
  } else {
    if (!inside || !roleAllows(role, c.visibleWith)) return [404];
    if (!roleAllows(role, c.action)) return [403];
  }
  if (c.ok) return [c.ok];
  if (method === 'DELETE') return [204];
  return ['POST /api/orgs', 'POST /api/orgs/:id/zones', 'POST /api/employers', 'POST /api/users'].includes(c.route) ? [201] : [200];
}

describe('authorization matrix', () => {
  it('has a case for every API route', () => {
    const all = new Set<string>();
    for (const r of ctx.app.routeTable) if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) all.add(`${r.method} ${r.url}`);
    for (const p of [...publicRoutes, ...memberRoutes]) all.delete(p);
    expect([...all].sort()).toEqual(
      cases()
        .map((c) => c.route)
        .sort(),
    );
  });

  it('opens no member page to a cadre of any role, nor to an anonymous caller', async () => {
    const callers = [
      undefined,
      ctx.adminCookie,
      ...(await Promise.all(roles.map(async (role) => (await actorWith(ctx, role, tree.dcUnion.id)).cookie))),
    ];
    const failures: string[] = [];
    for (const route of memberRoutes) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      for (const cookie of callers) {
        const response = await ctx.app.inject({
          method,
          url: url.replace(':id', '1'),
          headers: cookie ? { cookie } : {},
          ...(method === 'POST' ? { payload: { challengeId: '1.aaaaaaaaaaaaaaaaaaaaaa', code: '123456' } } : {}),
        });
        if (route !== 'POST /api/portal/logout' && response.statusCode !== 401) failures.push(`${route}: ${response.statusCode}`);
        if (route === 'POST /api/portal/logout' && response.statusCode !== 204) failures.push(`${route}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  for (const role of ['federation_admin', 'union_cadre', 'auditor', 'read_only'] as const) {
    it(`answers every route correctly for each actor (${role})`, async () => {
      const cookies = await cookiesFor(role);
      const failures: string[] = [];
      let cells = 0;
      for (const c of cases()) {
        for (const actor of actors) {
          const request = await c.request();
          const cookie = cookies[c.target ?? 'street'][actor];
          const { contentType, ...rest } = request;
          const headers: Record<string, string> = {
            ...(cookie ? { cookie } : {}),
            ...(contentType ? { 'content-type': contentType } : {}),
          };
          const response = await ctx.app.inject({ ...rest, headers });
          cells++;
          const want = expected(c, request.method, actor, role);
          if (!want.includes(response.statusCode))
            failures.push(
              `${role} ${actor} ${c.route}: got ${response.statusCode}, want ${want.join('|')} — ${response.body.slice(0, 120)}`,
            );
          // Lists answered to outsiders must not carry the target node.
          if (
            response.statusCode === 200 &&
            (actor === 'descendant' || actor === 'sibling') &&
            c.unscoped &&
            !c.binary &&
            c.route !== 'GET /api/auth/me'
          ) {
            const ids = (response.json<{ items: { id: number }[] }>().items ?? []).map((i) => i.id);
            if (ids.includes(tree.dcStreet.id)) failures.push(`${role} ${actor} ${c.route}: foreign row returned`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(cells).toBe(cases().length * actors.length);
    });
  }
});
