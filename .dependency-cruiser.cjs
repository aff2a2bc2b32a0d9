/**
 * The layering of the code (docs/architecture.md, "Layers"): a folder may import only the layers below it, and
 * nothing may import in a circle. `npm run lint` runs this; CI fails on any violation.
 *
 *   common  <  crypto, config, auth/tree.ts  <  db, messaging  <  audit  <  auth  <  http  <  deps, events, workers  <  modules  <  seed  <  app, main, cli, bootstrap
 *
 * Tests (*.test.ts), authorization cases (*.authz.ts) and the test harness (src/server/testing/) may reach
 * whatever they test; only the circle rule applies to them.
 */
const test = '(\\.test\\.tsx?$|\\.authz\\.ts$|^src/server/testing/)';
const server = 'src/server/';
const top = `^${server}(app|main|cli|bootstrap)\\.ts$`;
const seed = `^${server}seed/`;
const modules = `^${server}modules/`;
const platform = `^${server}(deps|events|todos|workers)\\.ts$`;
const http = `^${server}http/`;
const auth = `^${server}auth/(?!tree\\.ts$)`;
/** Path logic (ancestor, parent, region of an org path): a leaf every layer may use. */
const tree = `^${server}auth/tree\\.ts$`;
const audit = `^${server}audit/`;
const dbAndMessaging = `^${server}(db|messaging)/`;

/** A rule: files matching `from` (not tests) must not import any of `to`. */
function forbid(name, comment, from, to) {
  return {
    name,
    comment,
    severity: 'error',
    from: { path: from, pathNot: test },
    to: { path: to },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: two files that need each other belong in one, or one of them lower.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    forbid(
      'common-stands-alone',
      'src/common is shared by server and web: it imports nothing outside itself.',
      '^src/common/',
      '^src/(server|web)/',
    ),
    forbid(
      'web-not-server',
      'The console talks to the server over HTTP only; shared code lives in src/common.',
      '^src/web/',
      '^src/server/',
    ),
    forbid('server-not-web', 'The server never imports the console.', `^${server}`, '^src/web/'),
    forbid('tree-is-a-leaf', 'auth/tree.ts is path arithmetic: it imports nothing of the server.', tree, `^${server}`),
    forbid('crypto-is-a-leaf', 'crypto/ uses node:crypto only.', `^${server}crypto/`, `^${server}(?!crypto/)`),
    forbid(
      'db-below-everything',
      'db/ and messaging/ sit under audit, auth, http and the modules.',
      dbAndMessaging,
      `(${audit}|${auth}|${http}|${platform}|${modules}|${seed}|${top})`,
    ),
    forbid(
      'audit-is-a-sink',
      'audit/ records; it never calls up into auth, http or a module.',
      audit,
      `(${auth}|${http}|${platform}|${modules}|${seed}|${top})`,
    ),
    forbid(
      'auth-below-http',
      'auth/ may use audit and db, not http or the modules.',
      auth,
      `(${http}|${platform}|${modules}|${seed}|${top})`,
    ),
    forbid(
      'http-below-modules',
      'http/ is the plumbing every module uses; it knows no module.',
      http,
      `(${platform}|${modules}|${seed}|${top})`,
    ),
    forbid(
      'platform-below-modules',
      'deps.ts, events.ts and workers.ts are what modules receive; they know no module.',
      platform,
      `(${modules}|${seed}|${top})`,
    ),
    forbid('modules-below-seed-and-app', 'A module never imports the demo seed or the app that lists it.', modules, `(${seed}|${top})`),
    forbid('seed-below-app', 'The demo seed builds on modules; only the app and the command line call it.', seed, top),
    {
      name: 'no-other-modules-repo',
      comment: 'A module reaches another module through its service (or other public file), never its repo or routes.',
      severity: 'error',
      from: { path: `${modules}([^/]+)/`, pathNot: test },
      to: { path: `${modules}[^/]+/[^/]+\\.(repo|routes)\\.ts$`, pathNot: `${modules}$1/` },
    },
    {
      name: 'phone-pages-without-the-console',
      comment:
        "The web entry and the public pages (modules/*/public.tsx) reach the console only through a lazy import(): a static one puts the console in every phone page's download (#16; node scripts/bundle-size.mjs).",
      severity: 'error',
      from: { path: '^src/web/(main\\.tsx|app/(App|publicRoutes)\\.tsx?|modules/[^/]+/public\\.tsx)$' },
      to: {
        path: '^src/web/(app/(Console|modules|Shell|LoginPage|auth)\\.tsx?|modules/[^/]+/module\\.tsx)$',
        dependencyTypesNot: ['dynamic-import'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
