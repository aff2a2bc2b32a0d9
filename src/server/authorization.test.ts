/**
 * The authorization matrix: every API route, driven as actors granted on the target node itself, on an
 * ancestor, on a descendant, on a sibling subtree, and as an anonymous caller. Each module states its routes'
 * cases in its own `<module>.authz.ts`; this file gathers them all. A route added without a case fails the
 * matrix, and so does a case for a route that is gone, so it cannot silently fall behind the route table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorWith, createTestContext, type TestContext } from './testing/harness.js';
import { buildAuthzFixtures, type AuthzCase, type AuthzFixtures, type ModuleAuthz } from './testing/authz.js';
import { roleAllows, roles, type Role } from '../common/auth.js';

/** Every module's share, by file: collected, never listed, so a new module only adds its own file. */
const authzFiles = import.meta.glob<ModuleAuthz | undefined>('./**/*.authz.ts', { eager: true, import: 'authz' });
const modules = Object.keys(authzFiles)
  .sort()
  .map((file) => ({ file, authz: authzFiles[file] }));
const cases: AuthzCase[] = modules.flatMap((m) => m.authz?.cases ?? []);
const memberRoutes = modules.flatMap((m) => m.authz?.memberRoutes ?? []);
const publicRoutes = [
  // The API description is registered by app.ts itself, not by a module.
  'GET /api/openapi.json',
  ...modules.flatMap((m) => m.authz?.publicRoutes ?? []),
];

type Actor = 'same' | 'ancestor' | 'descendant' | 'sibling' | 'anonymous';
const actors: Actor[] = ['same', 'ancestor', 'descendant', 'sibling', 'anonymous'];

let ctx: TestContext;
let fixtures: AuthzFixtures;

beforeAll(async () => {
  ctx = await createTestContext();
  fixtures = await buildAuthzFixtures(ctx);
});
afterAll(async () => ctx?.close());

/** The API routes the app registers, as "METHOD /url/pattern" (the interactive docs pages aside). */
function apiRoutes(): Set<string> {
  const all = new Set<string>();
  for (const r of ctx.app.routeTable) if (r.url.startsWith('/api/') && !r.url.startsWith('/api/docs')) all.add(`${r.method} ${r.url}`);
  return all;
}

async function cookiesFor(role: Role): Promise<Record<'street' | 'union', Record<Actor, string | undefined>>> {
  const { tree } = fixtures;
  const as = async (orgId: number) => (await actorWith(ctx, role, orgId)).cookie;
  const ancestor = await as(tree.dongcheng.id);
  const sibling = await as(tree.xicheng.id);
  const street = { same: await as(tree.dcStreet.id), ancestor, descendant: await as(tree.dcUnion.id), sibling, anonymous: undefined };
  const union = { same: street.descendant, ancestor, descendant: await as(tree.dcBranch.id), sibling, anonymous: undefined };
  return { street, union };
}

function expected(c: AuthzCase, method: string, actor: Actor, role: Role): number[] {
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
  return [200];
}

describe('authorization matrix', () => {
  it('finds the cases of the modules, each file exporting `authz`', () => {
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => m.authz === undefined).map((m) => m.file)).toEqual([]);
  });

  it('has a case for every API route', () => {
    const all = apiRoutes();
    for (const p of [...publicRoutes, ...memberRoutes.map((m) => m.route)]) all.delete(p);
    expect([...all].sort()).toEqual(cases.map((c) => c.route).sort());
  });

  it('names no route the app does not have, and each route once', () => {
    const all = apiRoutes();
    const declared = [...cases.map((c) => c.route), ...publicRoutes, ...memberRoutes.map((m) => m.route)];
    const seen = new Set<string>();
    const failures: string[] = [];
    for (const route of declared) {
      if (!all.has(route)) failures.push(`${route}: no such route`);
      if (seen.has(route)) failures.push(`${route}: declared twice`);
      seen.add(route);
    }
    expect(failures).toEqual([]);
  });

  it('opens no member page to a cadre of any role, nor to an anonymous caller', async () => {
    const callers = [
      undefined,
      ctx.adminCookie,
      ...(await Promise.all(roles.map(async (role) => (await actorWith(ctx, role, fixtures.tree.dcUnion.id)).cookie))),
    ];
    const failures: string[] = [];
    for (const { route, refused = 401, payload } of memberRoutes) {
      const [method, url] = route.split(' ') as ['GET' | 'POST', string];
      for (const cookie of callers) {
        const response = await ctx.app.inject({
          method,
          url: url.replace(':id', '1'),
          headers: cookie ? { cookie } : {},
          ...(payload ? { payload } : {}),
        });
        if (response.statusCode !== refused) failures.push(`${route}: ${response.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  for (const role of ['federation_admin', 'union_cadre', 'auditor', 'read_only'] as const) {
    it(`answers every route correctly for each actor (${role})`, async () => {
      const cookies = await cookiesFor(role);
      const failures: string[] = [];
      let cells = 0;
      for (const c of cases) {
        for (const actor of actors) {
          const request = await c.request(fixtures);
          const cookie = cookies[c.target ?? 'street'][actor];
          const { contentType, headers: extra, ...rest } = request;
          const headers: Record<string, string> = {
            ...extra,
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
          if (response.statusCode === 200 && (actor === 'descendant' || actor === 'sibling') && c.unscoped && !c.binary && !c.callerOnly) {
            const ids = (response.json<{ items: { id: number }[] }>().items ?? []).map((i) => i.id);
            if (ids.includes(fixtures.tree.dcStreet.id)) failures.push(`${role} ${actor} ${c.route}: foreign row returned`);
          }
        }
      }
      expect(failures).toEqual([]);
      expect(cells).toBe(cases.length * actors.length);
      // Every route × actor × fixture is a real request (about 50 s on a busy two-core machine before issue #10, near
      // the 60 s default): the time grows with the routes, and a timeout here would say nothing about authorization.
    }, 300_000);
  }
});
