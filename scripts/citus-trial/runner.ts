/**
 * The trial's journey runner: one printed line per API call through app.inject() (method, route, expected and
 * received status, ok/FAIL and the error body on a failure), checks of what the calls answered, and journeys that stop
 * at their first failure. Also the places in the demo tree the journeys use, and the state they hand on.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql, type Kysely } from 'kysely';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { DB } from '../../src/server/db/schema.js';
import type { Member } from '../../src/common/members.js';
import type { OutboxMessage } from '../../src/common/messages.js';
import type { Recorder } from './recorder.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
export type Call = { payload?: object | Buffer; cookie?: string; headers?: Record<string, string> };
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Org = { id: number; path: string; name: string };

/** A failed call ends its journey. */
class JourneyStop extends Error {}

export type JourneyOutcome = { passed: number; failed: number; skipped: string[]; hot: string[] };

const short = (body: string) => (body.length > 400 ? `${body.slice(0, 400)}…` : body);

/** A birth date for a test ID number, random so that runs on one database never repeat an ID number. */
export const randomBirth = () =>
  `19${70 + (randomBytes(1)[0]! % 30)}${String(1 + (randomBytes(1)[0]! % 12)).padStart(2, '0')}${String(1 + (randomBytes(1)[0]! % 28)).padStart(2, '0')}`;

export type Runner = ReturnType<typeof createRunner>;

export function createRunner(app: FastifyInstance, recorder: Recorder, hot: string[]) {
  const outcome: JourneyOutcome = { passed: 0, failed: 0, skipped: [], hot };
  const count = (ok: boolean, step: string) => {
    if (ok) outcome.passed++;
    else {
      outcome.failed++;
      throw new JourneyStop(step);
    }
  };
  return {
    outcome,
    cookieOf(response: LightMyRequestResponse, name: string): string {
      const c = response.cookies.find((x) => x.name === name);
      return c ? `${name}=${c.value}` : '';
    },
    /** One call: printed, counted, and the journey stopped when the status is not the expected one. */
    async call(step: string, method: Method, url: string, expected: number, options: Call = {}): Promise<LightMyRequestResponse> {
      recorder.step(step);
      const started = performance.now();
      const response = await app.inject({
        method,
        url,
        ...(options.payload ? { payload: options.payload } : {}),
        headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers },
      });
      const ms = Math.round(performance.now() - started);
      const ok = response.statusCode === expected;
      const route = url.length > 90 ? `${url.slice(0, 90)}…` : url;
      console.log(
        `${ok ? 'ok  ' : 'FAIL'}  ${step.padEnd(34)} ${method.padEnd(5)} ${route.padEnd(70)} expect ${expected} got ${response.statusCode}  ${ms} ms` +
          (ok ? '' : `\n      ${short(response.body)}`),
      );
      count(ok, step);
      return response;
    },
    /** A check of what a successful call answered; a failed check counts and stops the journey like a failed call. */
    check(step: string, condition: boolean, what: string): void {
      console.log(`${condition ? 'ok  ' : 'FAIL'}  ${step.padEnd(34)} check ${what}`);
      count(condition, step);
    },
    /** Work that is not an HTTP call (the background sweeps main.ts runs): printed and counted like a call. */
    async run(step: string, work: () => Promise<string>): Promise<void> {
      recorder.step(step);
      const started = performance.now();
      let line: string;
      let ok = true;
      try {
        line = await work();
      } catch (error) {
        ok = false;
        line = error instanceof Error ? error.message : String(error);
      }
      console.log(`${ok ? 'ok  ' : 'FAIL'}  ${step.padEnd(34)} ${line}  ${Math.round(performance.now() - started)} ms`);
      count(ok, step);
    },
    async journey(name: string, steps: () => Promise<void>): Promise<void> {
      console.log(`\n### ${name}`);
      try {
        await steps();
      } catch (error) {
        if (!(error instanceof JourneyStop)) {
          outcome.failed++;
          console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    skip(name: string, why: string): void {
      outcome.skipped.push(name);
      console.log(`SKIP  ${name}: ${why}`);
    },
  };
}

/** The places the journeys use, found in the demo tree. */
export type Places = {
  dongcheng: Org;
  xicheng: Org;
  chaoyang: Org;
  /** 东城's union with the most members, and its street. */
  union: Org & { street_id: number; members: number };
  /** 东城's street with the fewest members (not the union's): the one moved to 朝阳. */
  smallStreet: Org & { members: number };
  /** A grassroots union of 西城. */
  xcUnion: Org;
};

export async function findPlaces(db: Kysely<DB>): Promise<Places> {
  const district = async (code: string): Promise<Org> =>
    (
      await sql<Org>`SELECT id, path::text AS path, name FROM org_unit WHERE kind = 'district_federation' AND region_code = ${code}`.execute(
        db,
      )
    ).rows[0]!;
  const dongcheng = await district('110101');
  const xicheng = await district('110102');
  const chaoyang = await district('110105');
  const { rows: unions } = await sql<Org & { street_id: number; members: number }>`
    SELECT u.id, u.path::text AS path, u.name, subpath(u.path, 2, 1)::text::bigint AS street_id, count(m.id)::int AS members
      FROM org_unit u JOIN member m ON m.region_id = ${dongcheng.id} AND m.org_id = u.id
     WHERE u.kind = 'grassroots_union' AND u.path <@ ${dongcheng.path}::ltree
     GROUP BY u.id ORDER BY members DESC LIMIT 1`.execute(db);
  const union = unions[0]!;
  const { rows: streets } = await sql<Org & { members: number }>`
    SELECT s.id, s.path::text AS path, s.name, count(m.id)::int AS members
      FROM org_unit s JOIN member m ON m.region_id = ${dongcheng.id} AND m.org_path <@ s.path
     WHERE s.kind = 'street_federation' AND s.parent_id = ${dongcheng.id} AND s.id <> ${union.street_id}
     GROUP BY s.id ORDER BY members ASC LIMIT 1`.execute(db);
  const { rows: xcUnions } = await sql<Org>`
    SELECT id, path::text AS path, name FROM org_unit
     WHERE kind = 'grassroots_union' AND path <@ ${xicheng.path}::ltree ORDER BY id LIMIT 1`.execute(db);
  const places = { dongcheng, xicheng, chaoyang, union, smallStreet: streets[0]!, xcUnion: xcUnions[0]! };
  console.log(
    `places: 东城 ${dongcheng.id}, 西城 ${xicheng.id}, 朝阳 ${chaoyang.id}; union ${union.id} (${union.members} members) of street ` +
      `${union.street_id}; street to move ${places.smallStreet.id} ${places.smallStreet.name} (${places.smallStreet.members} members); ` +
      `西城 union ${places.xcUnion.id}`,
  );
  return places;
}

/** What one journey hands to the next: sessions, a member of 东城 known in plaintext, the member admitted. */
export type World = {
  admin: string;
  cadre: string;
  xcCadre: string;
  sample?: Member;
  sampleId: string;
  samplePhone: string;
  joiner?: { id: number; idNumber: string; phone: string };
};

/** A roster (.xlsx, the template's columns) as a multipart upload body. */
export async function rosterUpload(rows: readonly (readonly string[])[]): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('会员名册');
  sheet.addRow(['姓名', '身份证号', '手机号', '性别', '用工形式', '所在单位', '入会日期']);
  for (const row of rows) sheet.addRow([...row]);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  const boundary = `----trial${Date.now()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The newest one-time code sent to `phone`, as the federation admin reads it in the outbox (GET /api/messages). */
export async function codeFor(t: Runner, admin: string, step: string, phone: string, purpose: OutboxMessage['purpose']): Promise<string> {
  const outbox = (await t.call(step, 'GET', '/api/messages?limit=50', 200, { cookie: admin })).json<Page<OutboxMessage>>();
  const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const message = outbox.items.find((m) => m.purpose === purpose && m.phoneMasked === masked);
  t.check(step, message !== undefined, `a ${purpose} to ${masked} in the outbox`);
  return /(\d{6})/.exec(message!.textZh)?.[1] ?? '';
}

/** Signs a member in on the member pages with the code sent to their phone; the member cookie. */
export async function memberSignIn(t: Runner, admin: string, idNumber: string, phone: string): Promise<string> {
  const asked = await t.call('member asks a sign-in code', 'POST', '/api/public/member-codes', 201, { payload: { idNumber, phone } });
  const code = await codeFor(t, admin, 'admin reads the outbox', phone, 'sign_in_code');
  const session = await t.call('member signs in', 'POST', '/api/public/member-sessions', 200, {
    payload: { challengeId: asked.json<{ challengeId: string }>().challengeId, code },
  });
  return t.cookieOf(session, 'gh_msid');
}
