import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registeredErrorCodes } from '../../common/errors.js';
import { createTestContext, type TestContext } from '../testing/harness.js';

const SRC = path.resolve(import.meta.dirname, '../..');
const COMMON = path.join(SRC, 'common');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/** Code → the catalogue file defining it; each file's codes as written, so a code defined twice shows up. */
const catalogueFiles = [path.join(COMMON, 'errors.ts'), ...sourceFiles(COMMON).filter((f) => f.endsWith('.errors.ts'))];
const definitions = catalogueFiles.flatMap((file) =>
  [...fs.readFileSync(file, 'utf8').matchAll(/^ {2}([A-Z][A-Z0-9_]*): \{/gm)].map((m) => ({ code: m[1]!, file })),
);
const definedIn = new Map(definitions.map((d) => [d.code, d.file]));

/** Every `new AppError('CODE'` in the server and in common, by file. */
const throwers = [...sourceFiles(path.join(SRC, 'server')), ...sourceFiles(COMMON)]
  .map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    const codes = [...new Set([...text.matchAll(/new AppError\('([A-Z0-9_]+)'/g)].map((m) => m[1]!))];
    const imports = [...text.matchAll(/(?:from|import) '(\.[^']+)\.js'/g)].map((m) => path.resolve(path.dirname(file), `${m[1]!}.ts`));
    return { file: path.relative(SRC, file), codes, imports };
  })
  .filter((t) => t.codes.length > 0);

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => ctx.close());

describe('the error catalogue', () => {
  it('defines each code once across the platform and the modules', () => {
    const codes = definitions.map((d) => d.code);
    expect(codes.filter((code, i) => codes.indexOf(code) !== i)).toEqual([]);
    expect(codes.length).toBeGreaterThan(80);
  });

  it('has every code thrown in the server registered once the app is built', () => {
    expect(throwers.length).toBeGreaterThan(10);
    const registered = new Set(registeredErrorCodes());
    const missing = throwers.flatMap((t) => t.codes.filter((code) => !registered.has(code)).map((code) => `${t.file}: ${code}`));
    expect(missing).toEqual([]);
    expect([...registered].sort()).toEqual(definitions.map((d) => d.code).sort());
  });

  it('is imported by each file that throws one of a module catalogue’s codes, so no load order can leave it unregistered', () => {
    const platform = path.join(COMMON, 'errors.ts');
    const unimported = throwers.flatMap((t) =>
      t.codes.flatMap((code) => {
        const catalogue = definedIn.get(code) ?? 'nowhere';
        return catalogue === platform || t.imports.includes(catalogue) ? [] : [`${t.file}: ${code} (${path.relative(SRC, catalogue)})`];
      }),
    );
    expect(unimported).toEqual([]);
  });
});
