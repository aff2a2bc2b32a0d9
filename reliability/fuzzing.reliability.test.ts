/**
 * Schema-derived fuzzing: for every route of the OpenAPI document (all of app.routeTable but the multipart
 * upload, covered by hostile-files), malformed and nearly-valid requests as the admin and anonymously.
 * Nothing may answer 5xx, leak a stack trace, SQL or a raw zod dump; every refusal is `{code, message}`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildTree, createTestContext, login, type TestContext } from '../src/server/testing/harness.js';
import { TEST_ADMIN_PASSWORD } from '../src/server/testing/template.js';
import { recordFigure } from './summary.js';
import { garbage, objectOf, pathParam, queryText, type JsonSchema } from './fuzz-arbitraries.js';

const SEED = 20260530;
// 240 by default; CI sends fewer (.ci/run) to stay within its time, the same seed so a failure there reproduces here.
const REQUESTS_PER_ROUTE = Number(process.env.GONGHUI_FUZZ_REQUESTS ?? 240);

type Parameter = { in: 'path' | 'query'; name: string; required?: boolean; schema: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } };
type FuzzRequest = {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
  anonymous: boolean;
  language: string;
};

let ctx: TestContext;
let adminCookie: string;
beforeAll(async () => {
  // Wrong current passwords sent to /api/auth/password count towards the sign-in throttle of (admin, this address); the
  // fuzzer signs in again after a 401, so the throttle is set out of its way here (auth.test holds it to its limits).
  ctx = await createTestContext({ maxFailedLogins: 1_000_000, maxFailedLoginsPerIp: 1_000_000 });
  adminCookie = ctx.adminCookie;
  const tree = await buildTree(ctx);
  // Some real rows so that small ids reach the services, not only the validators.
  for (let i = 0; i < 5; i++) await buildMember(ctx, tree.dcUnion.id);
});
afterAll(async () => ctx?.close());

const stackTrace = /(\n\s*at .+:\d+)|(\bat .+\.[cm]?[tj]s:\d+)|(\.ts:\d+)|Error:/;
const sqlText = /SELECT |INSERT |UPDATE .+ SET |syntax error|relation "|violates .+ constraint|duplicate key/;
const zodDump = /ZodError|"issues"\s*:|"expected"\s*:|"received"\s*:|invalid_type|"code"\s*:\s*"too_(big|small)"/;

function requestsFor(method: string, path: string, op: Operation): fc.Arbitrary<FuzzRequest> {
  const params = op.parameters ?? [];
  const pathNames = params.filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = params.filter((p) => p.in === 'query');
  const querySchema: JsonSchema = {
    type: 'object',
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const bodySchema = op.requestBody?.content?.['application/json']?.schema;
  const body: fc.Arbitrary<{ payload?: string; contentType?: string }> = bodySchema
    ? fc.oneof(
        { arbitrary: objectOf(bodySchema).map((o) => ({ payload: JSON.stringify(o), contentType: 'application/json' })), weight: 8 },
        { arbitrary: garbage.map((g) => ({ payload: JSON.stringify(g) ?? 'null', contentType: 'application/json' })), weight: 1 },
        {
          arbitrary: fc.constantFrom('{"a":', '{"__proto__":{"x":1}}', '\u0000', 'null', '[]', '', '{'.repeat(5000)).map((p) => ({
            payload: p,
            contentType: 'application/json',
          })),
          weight: 1,
        },
        { arbitrary: fc.constant({ payload: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }), weight: 1 },
      )
    : fc.oneof(
        { arbitrary: fc.constant({}), weight: 5 },
        { arbitrary: garbage.map((g) => ({ payload: JSON.stringify(g) ?? 'null', contentType: 'application/json' })), weight: 1 },
      );
  return fc
    .record({
      pathValues: fc.tuple(...pathNames.map(() => pathParam)),
      query: objectOf(querySchema),
      body,
      anonymousRoll: fc.integer({ min: 0, max: 9 }),
      language: fc.constantFrom('zh-CN', 'en', 'xx', '*', ''),
    })
    .map(({ pathValues, query, body: b, anonymousRoll, language }) => {
      let url = path;
      pathNames.forEach((name, i) => {
        let v = pathValues[i]!;
        // Never lock out the admin this run signs in as (user 1).
        if (path.startsWith('/api/users/') && v === '1') v = '2';
        url = url.replace(`{${name}}`, encodePathValue(v));
      });
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) for (const text of queryText(v)) search.append(k, text);
      const qs = search.toString();
      return {
        method: method.toUpperCase(),
        url: qs ? `${url}?${qs}` : url,
        ...b,
        anonymous: anonymousRoll < 2,
        language,
      };
    });
}

/** While writing a module: `GONGHUI_FUZZ_ONLY=/api/events,/api/training` fuzzes the routes under those prefixes only. */
const only = (process.env.GONGHUI_FUZZ_ONLY ?? '').split(',').filter(Boolean);

describe('fuzzing every route', () => {
  it(`answers ${REQUESTS_PER_ROUTE} schema-derived malformed requests per route without a 5xx or a leak`, async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>;
    }>();
    const routes = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ method: m, path: p, op })));
    // Every route of the table is in the document (but the docs UI itself).
    const documented = new Set(routes.map((r) => `${r.method.toUpperCase()} ${r.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const missing = ctx.app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);

    let requests = 0;
    let fiveHundreds = 0;
    let stacks = 0;
    let sql = 0;
    let badShape = 0;
    const failures: string[] = [];
    const started = Date.now();
    let routeIndex = 0;
    for (const route of routes) {
      routeIndex++;
      if (route.method === 'post' && route.path === '/api/imports') continue; // multipart: hostile-files
      if (route.path.startsWith('/api/docs')) continue;
      if (only.length > 0 && !only.some((prefix) => route.path.startsWith(prefix))) continue;
      const samples = fc.sample(requestsFor(route.method, route.path, route.op), { seed: SEED + routeIndex, numRuns: REQUESTS_PER_ROUTE });
      for (const r of samples) {
        // Logging out as the admin would end the session the rest of the run uses.
        const anonymous = r.anonymous || route.path === '/api/auth/logout';
        const response = await ctx.app.inject({
          method: r.method as 'GET',
          url: r.url,
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
          headers: {
            ...(anonymous ? {} : { cookie: adminCookie }),
            ...(r.contentType ? { 'content-type': r.contentType } : {}),
            ...(r.language ? { 'accept-language': r.language } : {}),
          },
        });
        requests++;
        const label = `${r.method} ${r.url.slice(0, 120)} ${anonymous ? '(anonymous)' : ''} → ${response.statusCode}`;
        const text = response.body;
        const sent = `${r.url}\n${r.payload ?? ''}`;
        const notEchoed = (re: RegExp) => {
          const m = re.exec(text);
          return m !== null && !sent.includes(m[0].trim()) && !decodeURIComponent(safeDecode(sent)).includes(m[0].trim());
        };
        if (response.statusCode >= 500) {
          fiveHundreds++;
          failures.push(`5xx ${label}: ${text.slice(0, 200)}`);
        }
        if (response.statusCode >= 300) {
          if (notEchoed(stackTrace)) {
            stacks++;
            failures.push(`stack ${label}: ${text.slice(0, 200)}`);
          }
          if (notEchoed(sqlText)) {
            sql++;
            failures.push(`sql ${label}: ${text.slice(0, 200)}`);
          }
          let shaped: boolean;
          try {
            const body = JSON.parse(text) as { code?: unknown; message?: unknown };
            shaped = typeof body.code === 'string' && typeof body.message === 'string' && body.message.length > 0;
          } catch {
            shaped = false;
          }
          if (!shaped || notEchoed(zodDump)) {
            badShape++;
            failures.push(`shape ${label}: ${text.slice(0, 200)}`);
          }
        }
        // Re-sign in if a fuzzed write ended the admin's session (e.g. a password change of another path).
        if (!anonymous && response.statusCode === 401) adminCookie = await login(ctx.app, 'admin', TEST_ADMIN_PASSWORD);
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    recordFigure(
      'fuzzing',
      `requests ${requests}, 5xx ${fiveHundreds}, stack traces ${stacks}, SQL in bodies ${sql} (malformed error bodies ${badShape}; ${routes.length} documented routes${only.length > 0 ? `, only ${only.join(' ')}` : ''}, ${seconds} s, seed ${SEED})`,
      import.meta.filename,
    );
    expect(failures.slice(0, 40)).toEqual([]);
    if (only.length === 0) expect(requests).toBeGreaterThanOrEqual(10_000);
  });
});

/** Percent-encodes a path value; a lone surrogate goes out as its raw (invalid UTF-8) bytes. */
function encodePathValue(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...Buffer.from(v, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('') + '%ED%A0%80';
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
