import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type RawBuilder } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inScope } from './scope.js';
import { depthOfPath, idsOnPath, isAncestorOrSelf, isRootPath, nodeOfPath, parentPath, regionOfPath } from './tree.js';

describe('the tree', () => {
  it('tells an ancestor from a node whose id merely starts the same', () => {
    expect(isAncestorOrSelf('1.2', '1.2')).toBe(true);
    expect(isAncestorOrSelf('1.2', '1.2.30')).toBe(true);
    expect(isAncestorOrSelf('1.2', '1.23')).toBe(false);
    expect(isAncestorOrSelf('1.2.30', '1.2')).toBe(false);
  });

  it('reads root, parent, ids, node, depth and region off a path', () => {
    expect(isRootPath('1')).toBe(true);
    expect(isRootPath('1.2')).toBe(false);
    expect(parentPath('1.2.30')).toBe('1.2');
    expect(parentPath('1')).toBeNull();
    expect(idsOnPath('1.2.30')).toEqual([1, 2, 30]);
    expect(nodeOfPath('1.2.30')).toBe(30);
    expect(nodeOfPath('1')).toBe(1);
    expect(depthOfPath('1.2.30')).toBe(3);
    expect(regionOfPath('1.2.30')).toBe(2);
    expect(regionOfPath('1')).toBe(1);
  });
});

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** The parameter list of the last function declared before `at`. */
function parametersBefore(text: string, at: number): string {
  const start = text.lastIndexOf('function ', at);
  const open = text.indexOf('(', start);
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return '';
}

describe('InScope', () => {
  it('is made only by repo reads that take the caller scope or a row already proven in scope', () => {
    const offenders: string[] = [];
    let sites = 0;
    for (const file of sourceFiles(serverDir)) {
      if (file === path.join(serverDir, 'auth', 'scope.ts')) continue;
      // Import statements blanked out (same length, so positions hold): what remains are uses.
      const text = fs.readFileSync(file, 'utf8').replace(/^import [\s\S]*?from '[^']+';$/gm, (m) => ' '.repeat(m.length));
      for (let at = text.indexOf('provenInScope'); at !== -1; at = text.indexOf('provenInScope', at + 1)) {
        sites++;
        const params = parametersBefore(text, at);
        const ok = file.endsWith('.repo.ts') && /\bOrgScope\b|\bInScope</.test(params);
        if (!ok) offenders.push(`${path.relative(serverDir, file)}: ${params.slice(0, 80)}`);
      }
    }
    expect(sites).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });
});

describe('inScope', () => {
  const db = new Kysely<Record<string, never>>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const text = (condition: RawBuilder<unknown>) => {
    const { sql: compiled, parameters } = condition.compile(db);
    return { compiled, parameters };
  };
  const scope = { action: 'member.read', paths: ['1.7', '1.8.42'] } as const;

  it('names each path and its region for a member-owned table', () => {
    const { compiled, parameters } = text(inScope(scope, sql.ref('m.org_path'), sql.ref('m.region_id')));
    expect(compiled).toBe(
      '(("m"."region_id" = $1::bigint AND "m"."org_path" <@ $2::ltree) OR ("m"."region_id" = $3::bigint AND "m"."org_path" <@ $4::ltree))',
    );
    expect(parameters).toEqual([7, '1.7', 8, '1.8.42']);
  });

  it('states a region node by its key alone only where a check ties the key to the path', () => {
    const { compiled, parameters } = text(inScope(scope, sql.ref('m.org_path'), sql.ref('m.region_id'), { regionChecked: true }));
    expect(compiled).toBe('("m"."region_id" = $1::bigint OR ("m"."region_id" = $2::bigint AND "m"."org_path" <@ $3::ltree))');
    expect(parameters).toEqual([7, 8, '1.8.42']);
  });

  it('keeps the path for the root and matches nothing for an empty scope', () => {
    expect(
      text(inScope({ action: 'member.read', paths: ['1'] }, sql.ref('m.org_path'), sql.ref('m.region_id'), { regionChecked: true }))
        .compiled,
    ).toBe('("m"."org_path" <@ $1::ltree)');
    expect(text(inScope({ action: 'member.read', paths: [] }, sql.ref('m.org_path'))).compiled).toBe('false');
  });

  it("states each subtree as the range a btree scans for a path column indexed by one, and the root's as <@", () => {
    const { compiled, parameters } = text(inScope(scope, sql.ref('e.org_path'), undefined, { pathIndex: 'btree' }));
    expect(compiled).toBe(
      '(("e"."org_path" >= $1::ltree AND "e"."org_path" < $2::ltree) OR ("e"."org_path" >= $3::ltree AND "e"."org_path" < $4::ltree))',
    );
    expect(parameters).toEqual(['1.7', '1.70', '1.8.42', '1.8.420']);
    expect(
      text(inScope({ action: 'employer.read', paths: ['1'] }, sql.ref('e.org_path'), undefined, { pathIndex: 'btree' })).compiled,
    ).toBe('("e"."org_path" <@ $1::ltree)');
  });
});
