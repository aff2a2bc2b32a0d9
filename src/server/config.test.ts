import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CITY_SHARE_OF_LIFE_SIZE, loadConfig, projectRoot } from './config.js';

describe('the demo city’s size', () => {
  it('is the small demo city at GONGHUI_DEMO_SCALE=1 (the default) and life size at 20', () => {
    expect(loadConfig({}).demoScale).toBe(DEMO_CITY_SHARE_OF_LIFE_SIZE);
    expect(loadConfig({ GONGHUI_DEMO_SCALE: '1' }).demoScale).toBe(DEMO_CITY_SHARE_OF_LIFE_SIZE);
    expect(loadConfig({ GONGHUI_DEMO_SCALE: '20' }).demoScale).toBeCloseTo(1);
    expect(DEMO_CITY_SHARE_OF_LIFE_SIZE).toBeLessThan(0.1);
  });
});

describe('the embedded engine’s shared buffers', () => {
  it('are 16 MB unless set, and a size PGlite cannot start with is refused by name', () => {
    expect(loadConfig({}).pgliteSharedBuffersMb).toBe(16);
    expect(loadConfig({ GONGHUI_PGLITE_SHARED_BUFFERS_MB: '128' }).pgliteSharedBuffersMb).toBe(128);
    expect(loadConfig({ GONGHUI_PGLITE_SHARED_BUFFERS_MB: '1024' }).pgliteSharedBuffersMb).toBe(1024);
    for (const raw of ['0', '2048', '12.5', 'many'])
      expect(() => loadConfig({ GONGHUI_PGLITE_SHARED_BUFFERS_MB: raw }), raw).toThrow(/GONGHUI_PGLITE_SHARED_BUFFERS_MB must be/);
  });
});

describe('the checkout the server reads its files from', () => {
  it('is the project root, from the sources', () => {
    expect(fs.existsSync(path.join(projectRoot, 'package.json'))).toBe(true);
    expect(fs.existsSync(path.join(projectRoot, 'src/server/db/migrations'))).toBe(true);
  });

  it('is the project root from the build too: the build keeps src/’s layout one folder over (dist/server/config.js)', () => {
    const text = fs.readFileSync(path.join(projectRoot, 'tsconfig.server.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    const { compilerOptions } = JSON.parse(text) as { compilerOptions: { rootDir: string; outDir: string } };
    const built = path.join(projectRoot, compilerOptions.outDir, path.relative(compilerOptions.rootDir, 'src/server/config.ts'));
    expect(path.relative(projectRoot, path.dirname(built)).split(path.sep)).toHaveLength(2);
  });
});
