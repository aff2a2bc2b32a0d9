/**
 * How the npm scripts that run the built server start it (`"start": "node <options> dist/server/main.js"`, `"cli"`
 * likewise), for the browser journeys and the benchmarks, which must run the server exactly as `npm start` and
 * `npm run cli` do: the same file, the same node options (`--v8-pool-size=1`, #16), the build brought up to date first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** `node scripts/build.mjs --if-stale server`, as the scripts' `prestart` and `precli` run it; throws when it fails. */
export function buildServerIfStale(): void {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--if-stale', 'server'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the server build (node scripts/build.mjs server) failed');
}

/** The arguments package.json's `script` gives node (options, then the file), relative to the checkout. */
export function npmScriptNodeArgs(script: 'start' | 'cli'): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const words = (manifest.scripts[script] ?? '').trim().split(/\s+/);
  if (words[0] !== 'node' || words.length < 2)
    throw new Error(`npm run ${script} is not "node <options> <file>": ${manifest.scripts[script]}`);
  return words.slice(1);
}
