import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * A new embedded store starts from a copy of an empty cluster instead of running initdb: PGlite's initdb (a second
 * WebAssembly instance bootstrapping the catalogs, then its files copied over) was a third of a cold start with the
 * demo. The copy is an `initdb` result PGlite itself wrote and shut down cleanly, kept once per PGlite version under
 * `node_modules/.cache/gonghui/` (the first store of an installation makes it); nothing of ours is in it — migrations
 * and data are applied to every store as before. Copies share the cluster's system identifier, which only physical
 * replication reads.
 */
const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');

function templateDir(): string | null {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = pgliteEntry.lastIndexOf(marker);
  if (at < 0) return null;
  const nodeModules = pgliteEntry.slice(0, at + marker.length - 1);
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(pgliteEntry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return path.join(nodeModules, '.cache', 'gonghui', `pglite-${version}-cluster`);
}

/** True when `pgDir` holds no cluster yet (missing or empty), so a template may be copied in. */
export function isEmptyPgDir(pgDir: string): boolean {
  return !fs.existsSync(pgDir) || fs.readdirSync(pgDir).length === 0;
}

/**
 * Copies the empty-cluster template into `pgDir` (missing or empty) through a sibling directory renamed into place,
 * so a crash mid-copy never leaves a half cluster PGlite would take for a database. False when there is no template.
 */
export function copyClusterTemplate(pgDir: string): boolean {
  const template = templateDir();
  if (!template || !fs.existsSync(path.join(template, 'PG_VERSION'))) return false;
  const copying = `${pgDir}.template-${process.pid}`;
  fs.rmSync(copying, { recursive: true, force: true });
  fs.cpSync(template, copying, { recursive: true });
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.renameSync(copying, pgDir);
  return true;
}

/**
 * Keeps `pgDir` (a cluster just made by initdb and shut down, nothing else in it) as the template for the next new
 * store. Best effort: a read-only or missing cache directory, or another process saving the same template first,
 * only means the next new store runs initdb again.
 */
export function saveClusterTemplate(pgDir: string): void {
  const template = templateDir();
  if (!template || fs.existsSync(template)) return;
  const saving = `${template}.saving-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(template), { recursive: true });
    fs.cpSync(pgDir, saving, { recursive: true });
    fs.renameSync(saving, template);
  } catch {
    fs.rmSync(saving, { recursive: true, force: true });
  }
}
