import { Writable } from 'node:stream';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { createTestContext, type TestContext } from '../testing/harness.js';

/** A second app on the test database that logs like a real server, into `logLines`, with routes that fail in the database. */
let ctx: TestContext;
let app: FastifyInstance;
const logLines: string[] = [];
const PHONE = '13912345678';
const ID_NUMBER = '11010519491231002X';

beforeAll(async () => {
  ctx = await createTestContext();
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildApp(ctx.database, { ...ctx.config, logLevel: 'info' }, { logger: true, logStream: stream });
  const { db } = ctx.database;
  app.get('/api/test/foreign-key', async () => {
    await sql`INSERT INTO org_coverage (org_id) VALUES (${987654321})`.execute(db);
    return {};
  });
  // Unforeseen database failures whose error objects carry the statement, its parameters and the failing row.
  app.get('/api/test/division', async () => {
    await sql`SELECT ${PHONE}::numeric / 0`.execute(db);
    return {};
  });
  app.get('/api/test/check', async () => {
    await db.transaction().execute(async (tx) => {
      await sql`CREATE TEMP TABLE probe (v text CHECK (v = 'x')) ON COMMIT DROP`.execute(tx);
      await sql`INSERT INTO probe VALUES (${ID_NUMBER})`.execute(tx);
    });
    return {};
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const loggedSince = (mark: number) => logLines.slice(mark).join('\n');

/** What a reader of the log could make of it: percent-escapes decoded, full-width folded, then only the digits (quotes keep fields apart). */
function readableDigits(text: string): string {
  let plain = text;
  for (let i = 0; i < 3; i++)
    plain = plain.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replace(/%/g, ''), 'hex').toString('utf8'));
  return plain.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9\n"]/g, '');
}

describe('database errors', () => {
  it('a foreign key no service foresaw answers 422 with a clear message instead of a 500', async () => {
    const answer = await app.inject({ method: 'GET', url: '/api/test/foreign-key', headers: { 'accept-language': 'en' } });
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toEqual({
      code: 'REFERENCE_MISSING',
      message: 'A record this refers to does not exist (it may have been deleted); reload and try again',
    });
  });

  it('an unhandled database error is logged with its code but without the SQL parameters, statement values or failing row', async () => {
    for (const url of ['/api/test/division', '/api/test/check']) {
      const mark = logLines.length;
      const answer = await app.inject({ method: 'GET', url });
      expect(answer.statusCode).toBe(500);
      const logged = loggedSince(mark);
      expect(logged).toContain('unhandled error');
      expect(logged).toMatch(/"code":"(22012|23514)"/);
      expect(logged).not.toContain(PHONE);
      expect(logged).not.toContain(ID_NUMBER);
      expect(logged).not.toMatch(/"(params|parameters|query|detail)"/);
    }
  });
});

describe('request logs', () => {
  const disguises: [string, string][] = [
    ['spaces', '139 1234 5678'],
    ['+86 and dashes', '+86 139-1234-5678'],
    ['0086', '0086 13912345678'],
    ['86 glued on', '8613912345678'],
    ['full-width digits', '１３９１２３４５６７８'],
    ['an ID number with spaces and a lower-case x', '110105 19491231 002x'],
    ['a full-width ID number', '１１０１０５１９４９１２３１００２Ｘ'],
  ];
  const phoneDigits = ['1391234', '12345678', '91234567'];
  const idDigits = ['19491231', '491231002'];

  async function searchLogged(query: string): Promise<string> {
    const mark = logLines.length;
    await app.inject({ method: 'GET', url: `/api/members?orgId=1&q=${query}`, headers: { cookie: ctx.adminCookie } });
    return loggedSince(mark);
  }

  for (const [name, typed] of disguises) {
    it(`a search for a number written with ${name} is logged masked, whether sent percent-encoded or as typed`, async () => {
      const forms = [
        encodeURIComponent(typed),
        typed.replace(/ /g, '+'),
        // Every character percent-encoded, `+` as %2B: what a careful client sends.
        Array.from(Buffer.from(typed, 'utf8'), (b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join(''),
      ];
      for (const form of forms) {
        const logged = await searchLogged(form);
        expect(logged).toContain('/api/members');
        const digitsOnly = readableDigits(logged);
        for (const run of [...phoneDigits, ...idDigits]) expect(digitsOnly, `${form} → ${logged}`).not.toContain(run);
      }
    });
  }
});

describe('ids and counts in paths and query strings', () => {
  const idMessage = 'must be a positive whole-number id in digits 0–9 without a leading zero (e.g. 12)';

  it('an id written as hex, with an exponent, a sign, blanks, a fraction or a leading zero answers 400 with a clear message', async () => {
    const cases: [string, string][] = [
      ['/api/members/0x10', 'id'],
      ['/api/orgs/1e5', 'id'],
      ['/api/orgs/%2012', 'id'],
      ['/api/orgs/12.0', 'id'],
      ['/api/orgs/012', 'id'],
      ['/api/orgs/-1', 'id'],
      ['/api/orgs/9007199254740993', 'id'],
      ['/api/members?orgId=0x1', 'orgId'],
      ['/api/meetings?orgId=1e0', 'orgId'],
      ['/api/applications?orgId=1&meetingId=0b1', 'meetingId'],
      ['/api/audit?orgId=%2B1', 'orgId'],
    ];
    for (const [url, field] of cases) {
      const answer = await ctx.call('GET', url, undefined, undefined, 'en');
      expect(answer.statusCode, url).toBe(400);
      expect(answer.json(), url).toMatchObject({ code: 'VALIDATION', details: [{ path: field, message: idMessage }] });
    }
    const zh = await ctx.call('GET', '/api/orgs/0x10');
    expect(zh.json<{ message: string }>().message).toBe('输入有误：id: 应为正整数编号，只含数字 0–9，不以 0 开头（例如 12）');
  });

  it('a limit written as hex or with an exponent answers 400, while plain ids and limits still work', async () => {
    for (const url of ['/api/orgs/1/children?limit=0x10', '/api/members?orgId=1&limit=1e2', '/api/users?limit=%2010']) {
      expect((await ctx.call('GET', url)).statusCode, url).toBe(400);
    }
    expect((await ctx.call('GET', '/api/orgs/1')).statusCode).toBe(200);
    expect((await ctx.call('GET', '/api/orgs/1/children?limit=5')).statusCode).toBe(200);
    expect((await ctx.call('GET', '/api/members?orgId=1&limit=10')).statusCode).toBe(200);
  });
});
