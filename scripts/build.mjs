// Builds what `npm start` runs: the web console (vite, into dist/web) and the server (tsc, src/server and what it
// imports into dist/server and dist/common, run by plain `node` — no tsx hooks thread in the idle server, #16).
//   node scripts/build.mjs --if-stale     each output missing or older than its sources (prestart, postinstall)
//   node scripts/build.mjs server         the server, whether stale or not (npm run build:server); `web` likewise
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

const targets = {
  web: {
    output: 'dist/web/index.html',
    sources: ['src/web', 'src/common', 'vite.config.ts'],
    build: () => execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' }),
  },
  server: {
    output: 'dist/server/main.js',
    sources: ['src/server', 'src/common', 'tsconfig.json', 'tsconfig.server.json'],
    // Emptied first, so a source deleted or renamed leaves no module behind. Types are not checked here (`npm test`
    // checks them), which keeps the build to seconds.
    build: () => {
      removeServerBuild();
      try {
        execSync('npx tsc -p tsconfig.server.json', { cwd: root, stdio: 'inherit' });
      } catch (error) {
        removeServerBuild(); // no half-built server for the next start to take as current
        throw error;
      }
    },
  },
};

function removeServerBuild() {
  for (const dir of ['dist/server', 'dist/common']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
}

/** The newest modification time under `file` (a file or a folder), tests left out: no build contains them. */
function newest(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(file) ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const entry of fs.readdirSync(file)) latest = Math.max(latest, newest(path.join(file, entry)));
  return latest;
}

function isStale({ output, sources }) {
  const built = path.join(root, output);
  return !fs.existsSync(built) || fs.statSync(built).mtimeMs < Math.max(...sources.map((s) => newest(path.join(root, s))));
}

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const named = args.filter((a) => a !== '--if-stale');
for (const name of named) if (!(name in targets)) throw new Error(`unknown build target "${name}" (${Object.keys(targets).join(', ')})`);
for (const name of named.length > 0 ? named : Object.keys(targets)) {
  const target = targets[name];
  if (ifStale && !isStale(target)) continue;
  const started = Date.now();
  console.log(`building the ${name === 'web' ? 'web console (dist/web)' : 'server (dist/server)'}…`);
  target.build();
  if (name === 'server') console.log(`built the server in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
