/**
 * `npm install` must not warn EBADENGINE on a Node version our own `engines` accepts: every installed package's
 * `engines.node` has to admit the lowest release of each major line we declare (20.19, 22.13, 24). A dependency
 * that drops Node 20 fails here, and the fix is an override to a line that still supports it (package.json's
 * `overrides`) or a change of our declared range, with README's Node line in the same commit.
 */
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function* installedManifests(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const at = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      yield* installedManifests(at);
      continue;
    }
    const manifest = path.join(at, 'package.json');
    if (fs.existsSync(manifest)) yield manifest;
    yield* installedManifests(path.join(at, 'node_modules'));
  }
}

describe('install', () => {
  const own = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

  it('declares the Node versions it runs on, and runs on this one', () => {
    expect(semver.validRange(own.engines.node)).not.toBeNull();
    expect(semver.satisfies(process.version, own.engines.node)).toBe(true);
  });

  it('installs nothing whose engines refuse a Node version we declare', () => {
    const lowest = semver
      .validRange(own.engines.node)!
      .split('||')
      .map((part) => semver.minVersion(part.trim())!.version);
    expect(lowest).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    const refusals: string[] = [];
    let checked = 0;
    for (const manifest of installedManifests(path.join(root, 'node_modules'))) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
      const wanted = pkg.engines?.node;
      if (typeof wanted !== 'string' || !semver.validRange(wanted)) continue;
      checked++;
      for (const version of lowest)
        if (!semver.satisfies(version, wanted)) refusals.push(`${pkg.name}@${pkg.version} wants node ${wanted}, not ${version}`);
    }
    expect(checked).toBeGreaterThan(100);
    expect(refusals).toEqual([]);
  });
});
