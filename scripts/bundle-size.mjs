// What a browser downloads on its first load of a route of the built web app (dist/web), gzip-compressed.
//
//   node scripts/bundle-size.mjs            reads dist/web (built first when it has no manifest)
//   node scripts/bundle-size.mjs --build    runs `vite build` first
//   node scripts/bundle-size.mjs --json     one JSON object instead of the table
//
// A first load fetches index.html's script and its modulepreload and stylesheet links, then every chunk those import
// statically (each import is fetched before the importing chunk runs), then the lazily loaded chunks the route renders
// (React.lazy: each one with its static imports, which Vite preloads beside it). The import graph is Vite's manifest
// (`build.manifest` in vite.config.ts, dist/web/.vite/manifest.json). Sizes are gzip at level 6, the usual default.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.join(root, 'dist/web');
const manifestFile = path.join(dist, '.vite/manifest.json');

/**
 * The routes measured, each with the sources (keys of the manifest, relative to src/web) of the lazy chunks its first
 * render loads. A source missing from the manifest fails the run, so a renamed page cannot drop out of the sum.
 */
const ROUTES = [
  { name: '/join (phone: apply to join)', path: '/join', lazy: ['modules/join/PublicApp.tsx', 'modules/join/JoinPage.tsx'] },
  { name: '/join/member (phone: card)', path: '/join/member', lazy: ['modules/join/PublicApp.tsx', 'modules/join/MemberPage.tsx'] },
  { name: '/m/events (phone: my events)', path: '/m/events', lazy: ['modules/myevents/MyEventsPage.tsx'] },
  {
    name: '/ (console, signed in: 工作台)',
    path: '/',
    lazy: ['app/Console.tsx', 'modules/workbench/WorkbenchPage.tsx'],
  },
  // The sign-in page is App's route, outside the console's chunk; a signed-out visitor opening / loads both.
  { name: '/login (console, signed out)', path: '/login', lazy: ['app/LoginPage.tsx'] },
  { name: '/ (console, signed out → /login)', path: '/', lazy: ['app/Console.tsx', 'app/LoginPage.tsx'] },
];

const { values } = parseArgs({ options: { build: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } } });

if (values.build || !fs.existsSync(manifestFile)) {
  execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

/** @type {Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>} */
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));

const sizes = new Map();
/** Raw and gzip bytes of a file of dist/web. */
function sizeOf(file) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = fs.readFileSync(path.join(dist, file));
    size = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 6 }).length };
    sizes.set(file, size);
  }
  return size;
}

/** Adds a chunk, its stylesheets and everything it imports statically to `files`. */
function addWithImports(key, files) {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`bundle-size: ${key} is not in the manifest (renamed? not lazily loaded any more?)`);
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) addWithImports(imported, files);
}

/** The files of a first load of the route: the HTML's tags, their static imports, the lazy chunks the route renders. */
function firstLoad(route) {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = new Set(['index.html']);
  const tags = html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/([^"]+)"/g);
  for (const [, file] of tags) {
    const key = keyOfFile.get(file);
    if (key) addWithImports(key, files);
    else files.add(file); // a stylesheet of the entry
  }
  for (const source of route.lazy) addWithImports(source, files);
  return [...files];
}

const KB = (bytes) => Math.round(bytes / 102.4) / 10;

const report = ROUTES.map((route) => {
  const files = firstLoad(route).map((file) => ({ file, ...sizeOf(file) }));
  const of = (kind) => files.filter((f) => kind(f.file));
  const js = of((f) => f.endsWith('.js'));
  const css = of((f) => f.endsWith('.css'));
  const sum = (list, key) => list.reduce((total, f) => total + f[key], 0);
  return {
    route: route.name,
    path: route.path,
    jsFiles: js.length,
    jsKB: KB(sum(js, 'raw')),
    jsGzipKB: KB(sum(js, 'gzip')),
    cssGzipKB: KB(sum(css, 'gzip')),
    totalGzipKB: KB(sum(files, 'gzip')),
    largest: js
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 6)
      .map((f) => `${keyOfFile.get(f.file)?.replace(/^index\.html$/, 'entry (main.tsx)') ?? f.file} ${KB(f.gzip)}`),
  };
});

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const lines = ['route                              JS files   JS KB   JS gzip KB   CSS gzip KB   all gzip KB (with HTML)'];
  for (const r of report) {
    lines.push(
      `${r.route.padEnd(36)}${String(r.jsFiles).padStart(6)}${String(r.jsKB).padStart(9)}${String(r.jsGzipKB).padStart(12)}` +
        `${String(r.cssGzipKB).padStart(14)}${String(r.totalGzipKB).padStart(14)}`,
    );
    lines.push(`    largest (gzip KB): ${r.largest.join(', ')}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
