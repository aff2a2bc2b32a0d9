/**
 * The libraries an idle server does without (#16) are not loaded when the server's code is imported, and are loaded
 * by the first call that needs them. Checked in a process of its own: this one has loaded them for other tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Packages whose files any loading of the server's code (ES import or require) would have read. */
const LAZY = ['exceljs', 'pdfkit', '@node-rs/jieba', 'pinyin-pro', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common'];

// Every module the child loads is recorded twice over: ES modules through a resolve hook of its own (after tsx's),
// CommonJS ones from require's cache.
const CHILD = `
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';
const { port1, port2 } = new MessageChannel();
const urls = new Set();
port1.on('message', (url) => urls.add(url));
port1.unref();
const hook = 'let port; export function initialize(data) { port = data.port; }'
  + ' export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }';
register('data:text/javascript,' + encodeURIComponent(hook), { data: { port: port2 }, transferList: [port2] });
const lazy = ${JSON.stringify(LAZY)};
const loaded = async () => {
  await new Promise((resolve) => setTimeout(resolve, 100)); // the hook's messages arrive
  const files = [...urls, ...Object.keys(createRequire(process.cwd() + '/').cache)];
  return lazy.filter((name) => files.some((file) => file.includes('/node_modules/' + name + '/')));
};
const steps = {};
await import('./src/server/app.ts');
await import('./src/server/bootstrap.ts');
steps.atImport = await loaded();
const { pinyinKey } = await import('./src/server/modules/orgs/orgs.service.ts');
steps.pinyinKey = pinyinKey('绿地');
steps.afterPinyinKey = await loaded();
const { assertPasswordAcceptable } = await import('./src/server/auth/passwords.ts');
try { assertPasswordAcceptable('password1234', { username: 'someone' }); steps.password = 'accepted'; } catch (error) { steps.password = error.code; }
steps.afterPassword = await loaded();
console.log(JSON.stringify(steps));
`;

describe('libraries loaded at first use', () => {
  it('leaves pinyin-pro, zxcvbn-ts, exceljs, pdfkit and jieba unloaded at import, and loads each at its first use', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    expect(run.status, run.stderr).toBe(0);
    const steps = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(steps.atImport).toEqual([]);
    expect(steps.pinyinKey).toBe('ld lvdi');
    expect(steps.afterPinyinKey).toEqual(['pinyin-pro']);
    expect(steps.password).toBe('PASSWORD_COMMON');
    expect(steps.afterPassword).toEqual(['pinyin-pro', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common']);
  });
});
