/**
 * The vocabulary of the authorization matrix (`src/server/authorization.test.ts`). Each module states its
 * routes' cases in `<module>.authz.ts` as `export const authz: ModuleAuthz`; the matrix collects every such
 * file and fails for a route without a case, or a case without a route.
 */
import { buildOrg, buildTree, type TestContext } from './harness.js';
import type { Action } from '../../common/auth.js';
import { usccCheckChar } from '../../common/uscc.js';

export type AuthzRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object | Buffer;
  contentType?: string;
  /** Extra request headers (an Idempotency-Key). */
  headers?: Record<string, string>;
};

/** What the cases build their requests from: one tree and the rows around it, made once per matrix run. */
export type AuthzFixtures = {
  ctx: TestContext;
  /** The street T (`tree.dcStreet`) is the default target; the union U (`tree.dcUnion`) is the target of member routes. */
  tree: Awaited<ReturnType<typeof buildTree>>;
  /** A union in a third district nobody in the matrix holds a role on: where transfers come from and go to. */
  elsewhere: { id: number };
  /** A second branch of the union U, outside the descendant actor's branch: where secondary affiliations go. */
  otherBranch: { id: number };
  /** A request as the admin of the root; throws unless it succeeds. */
  asAdmin<T = { id: number; version: number }>(request: AuthzRequest): Promise<T>;
  /** A number never handed out before in this run: keeps names and usernames unique. */
  unique(): number;
  /** A valid unified social credit code, unique in this run. */
  uscc(): string;
};

/** One route of the cadre console, driven by every actor in every role. */
export type AuthzCase = {
  route: string; // "METHOD /url/pattern" as Fastify registers it
  write: boolean;
  /** The permission the route needs. */
  action: Action;
  /** For routes on one record: the permission that makes the record visible at all (else 404). Lists have none. */
  visibleWith?: Action;
  /** Builds a fresh request aimed at the target node (or at something inside it). */
  request: (f: AuthzFixtures) => Promise<AuthzRequest>;
  /** Routes not about one subtree: everyone signed in gets 2xx, and must not see T unless allowed. */
  unscoped?: boolean;
  /** Root-only actions: refused (403) to everyone below the root. */
  rootOnly?: boolean;
  /** The node the request aims at: the street T (default) or the union U inside it (member routes). */
  target?: 'street' | 'union';
  /** The status a success answers with (default 200, 204 for DELETE). */
  ok?: number;
  /** The answer is a file, not JSON. */
  binary?: boolean;
  /** The answer is about the caller alone, not a list: an unscoped route with nothing to search for foreign rows. */
  callerOnly?: boolean;
};

/** A member page: a member session opens it, never a cadre's session nor an anonymous caller. */
export type MemberRoute = {
  route: string;
  /** What every cadre and anonymous caller gets (default 401). */
  refused?: number;
  payload?: object;
};

/** A module's share of the matrix. */
export type ModuleAuthz = {
  /** Routes of the cadre console: each is answered according to the caller's role and place in the tree. */
  cases?: AuthzCase[];
  /** Routes open to anyone without a session, left out of the matrix on purpose ("METHOD /url/pattern"). */
  publicRoutes?: string[];
  /** Routes of the member pages. */
  memberRoutes?: MemberRoute[];
};

/** Builds the tree and rows every case draws on; `serial` starts high so its numbers never meet the harness's. */
export async function buildAuthzFixtures(ctx: TestContext): Promise<AuthzFixtures> {
  const tree = await buildTree(ctx);
  const district = await buildOrg(ctx, 1, 'district_federation');
  const elsewhere = await buildOrg(ctx, (await buildOrg(ctx, district.id, 'street_federation')).id, 'grassroots_union');
  const otherBranch = await buildOrg(ctx, tree.dcUnion.id, 'branch');
  let serial = 500000000;
  return {
    ctx,
    tree,
    elsewhere,
    otherBranch,
    async asAdmin<T>({ contentType, ...r }: AuthzRequest) {
      const headers = { ...r.headers, cookie: ctx.adminCookie, ...(contentType ? { 'content-type': contentType } : {}) };
      const response = await ctx.app.inject({ ...r, headers });
      if (response.statusCode >= 300) throw new Error(`${r.method} ${r.url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    },
    unique: () => serial++,
    uscc() {
      const body = `91110101${serial++}`;
      return body + usccCheckChar(body);
    },
  };
}

/** An employer on the street T, made by the admin: the record of the employer and outreach cases. */
export const employerOnStreet = (f: AuthzFixtures) =>
  f.asAdmin({
    method: 'POST',
    url: '/api/employers',
    payload: { name: `矩阵企业${f.unique()}`, uscc: f.uscc(), headcount: 120, industry: 'F', streetOrgId: f.tree.dcStreet.id },
  });
