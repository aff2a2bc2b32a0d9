/**
 * The API journeys of the trial, through app.inject() as the console and the member pages make them: one printed
 * line per call (method, route, expected and received status, ok/FAIL and the error body on a failure). A journey
 * stops at its first failed call; the journeys after it run with whatever the earlier ones produced.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/server/db/client.js';
import { makeIdNumber, makePhone, TEST_PASSWORD } from '../../src/server/testing/harness.js';
import type { Member } from '../../src/common/members.js';
import type { Coverage } from '../../src/common/coverage.js';
import type { OutboxMessage } from '../../src/common/messages.js';
import type { Transfer } from '../../src/common/transfers.js';
import type { ImportJob } from '../../src/common/imports.js';
import type { Recorder } from './recorder.js';
import { TRIAL_ADMIN_PASSWORD } from './load.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Call = { payload?: object | Buffer; cookie?: string; headers?: Record<string, string> };
type Page<T> = { items: T[]; nextCursor: string | null };
type Org = { id: number; path: string; name: string };

/** A failed call ends its journey. */
class JourneyStop extends Error {}

export type JourneyOutcome = { passed: number; failed: number; skipped: string[]; hot: string[] };

/** The steps whose statements are the hot paths, EXPLAINed in full. */
const HOT_STEPS = [
  'cadre lists 东城',
  'cadre lists a street',
  'search by name prefix',
  'search by ID number',
  'search by phone',
  'search by card number',
  'cadre approves',
  'card verify',
  'coverage of 东城',
  'coverage of the city',
];

const short = (body: string) => (body.length > 400 ? `${body.slice(0, 400)}…` : body);
const randomBirth = () =>
  `19${70 + (randomBytes(1)[0]! % 30)}${String(1 + (randomBytes(1)[0]! % 12)).padStart(2, '0')}${String(1 + (randomBytes(1)[0]! % 28)).padStart(2, '0')}`;

export async function runJourneys(app: FastifyInstance, database: Database, recorder: Recorder): Promise<JourneyOutcome> {
  const db = database.db;
  const outcome: JourneyOutcome = { passed: 0, failed: 0, skipped: [], hot: HOT_STEPS };
  const cookieOf = (response: LightMyRequestResponse, name: string) => {
    const c = response.cookies.find((x) => x.name === name);
    return c ? `${name}=${c.value}` : '';
  };

  /** One call: printed, counted, and the journey stopped when the status is not the expected one. */
  async function call(step: string, method: Method, url: string, expected: number, options: Call = {}): Promise<LightMyRequestResponse> {
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
    if (ok) outcome.passed++;
    else {
      outcome.failed++;
      throw new JourneyStop(step);
    }
    return response;
  }
  /** A check of what a successful call answered; a failed check counts and stops the journey like a failed call. */
  function check(step: string, condition: boolean, what: string): void {
    console.log(`${condition ? 'ok  ' : 'FAIL'}  ${step.padEnd(34)} check ${what}`);
    if (condition) outcome.passed++;
    else {
      outcome.failed++;
      throw new JourneyStop(step);
    }
  }
  async function journey(name: string, steps: () => Promise<void>): Promise<void> {
    console.log(`\n### ${name}`);
    try {
      await steps();
    } catch (error) {
      if (!(error instanceof JourneyStop)) {
        outcome.failed++;
        console.log(`FAIL  ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  const skip = (name: string, why: string) => {
    outcome.skipped.push(name);
    console.log(`\n### ${name}\nSKIP  ${why}`);
  };

  // The places the journeys use, found in the demo tree: 东城, 西城 and 朝阳's federations; in 东城 the union with
  // the most members and its street, and the street with the fewest members (the one moved to 朝阳).
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
  const smallStreet = streets[0]!;
  const { rows: xcUnions } = await sql<Org>`
    SELECT id, path::text AS path, name FROM org_unit
     WHERE kind = 'grassroots_union' AND path <@ ${xicheng.path}::ltree ORDER BY id LIMIT 1`.execute(db);
  const xcUnion = xcUnions[0]!;
  console.log(
    `places: 东城 ${dongcheng.id}, 西城 ${xicheng.id}, 朝阳 ${chaoyang.id}; union ${union.id} (${union.members} members) of street ` +
      `${union.street_id}; street to move ${smallStreet.id} ${smallStreet.name} (${smallStreet.members} members); 西城 union ${xcUnion.id}`,
  );

  let admin = '';
  let cadre = '';
  let xcCadre = '';
  let sample: Member | undefined;
  let sampleId = '';
  let samplePhone = '';
  let joiner: { id: number; idNumber: string; phone: string } | undefined;

  await journey('admin signs in', async () => {
    const r = await call('admin login', 'POST', '/api/auth/login', 200, { payload: { username: 'admin', password: TRIAL_ADMIN_PASSWORD } });
    admin = cookieOf(r, 'gh_sid');
  });

  await journey('district cadres are created and sign in', async () => {
    const suffix = randomBytes(3).toString('hex');
    for (const [who, org] of [
      ['dc', dongcheng],
      ['xc', xicheng],
    ] as const) {
      const username = `trial${who}${suffix}`;
      await call(`create cadre of ${org.name}`, 'POST', '/api/users', 201, {
        cookie: admin,
        payload: { username, displayName: username, password: TEST_PASSWORD, orgId: org.id, role: 'union_cadre' },
      });
      const r = await call(`cadre login ${who}`, 'POST', '/api/auth/login', 200, { payload: { username, password: TEST_PASSWORD } });
      if (who === 'dc') cadre = cookieOf(r, 'gh_sid');
      else xcCadre = cookieOf(r, 'gh_sid');
    }
    await call('cadre me', 'GET', '/api/auth/me', 200, { cookie: cadre });
  });

  await journey('member lists of a district cadre', async () => {
    const all = (await call('cadre lists 东城', 'GET', `/api/members?orgId=${dongcheng.id}&limit=50`, 200, { cookie: cadre })).json<
      Page<Member>
    >();
    check('cadre lists 东城', all.items.length === 50 && all.nextCursor !== null, `50 members and a next page (got ${all.items.length})`);
    await call(
      'cadre lists 东城, page 2',
      'GET',
      `/api/members?orgId=${dongcheng.id}&limit=50&cursor=${encodeURIComponent(all.nextCursor ?? '')}`,
      200,
      {
        cookie: cadre,
      },
    );
    const street = (
      await call('cadre lists a street', 'GET', `/api/members?orgId=${union.street_id}&limit=20`, 200, { cookie: cadre })
    ).json<Page<Member>>();
    check('cadre lists a street', street.items.length > 0, `members of street ${union.street_id} (got ${street.items.length})`);
    const ofUnion = (await call('cadre lists a union', 'GET', `/api/members?orgId=${union.id}&limit=20`, 200, { cookie: cadre })).json<
      Page<Member>
    >();
    sample = ofUnion.items.find((m) => m.cardNo !== null && m.phoneMasked !== null);
    check('cadre lists a union', sample !== undefined, 'a member with a card and a phone');
    await call('cadre of 东城 lists 西城', 'GET', `/api/members?orgId=${xicheng.id}&limit=20`, 404, { cookie: cadre });
  });

  await journey('member detail, reveal and search', async () => {
    if (!sample) throw new Error('no member found in the lists');
    const m = sample;
    await call('member detail', 'GET', `/api/members/${m.id}`, 200, { cookie: cadre });
    const id = await call('reveal ID number', 'POST', `/api/members/${m.id}/reveal`, 200, {
      cookie: cadre,
      payload: { field: 'idNumber', reason: '核对会员身份（试点）' },
    });
    sampleId = id.json<{ value: string }>().value;
    const phone = await call('reveal phone', 'POST', `/api/members/${m.id}/reveal`, 200, {
      cookie: cadre,
      payload: { field: 'phone', reason: '核对联系方式（试点）' },
    });
    samplePhone = phone.json<{ value: string }>().value;
    const searches: [string, string][] = [
      ['search by name prefix', m.name.slice(0, 2)],
      ['search by ID number', sampleId],
      ['search by phone', samplePhone],
      ['search by card number', m.cardNo ?? ''],
    ];
    for (const [step, q] of searches) {
      const found = (
        await call(step, 'GET', `/api/members?orgId=${dongcheng.id}&q=${encodeURIComponent(q)}&limit=50`, 200, { cookie: cadre })
      ).json<Page<Member>>();
      if (step !== 'search by name prefix')
        check(
          step,
          found.items.some((x) => x.id === m.id),
          `finds member ${m.id}`,
        );
      else check(step, found.items.length > 0, `some members named ${q}… (got ${found.items.length})`);
    }
    const other = (await sql<{ id: number }>`SELECT id FROM member WHERE region_id = ${xicheng.id} LIMIT 1`.execute(db)).rows[0];
    if (other) await call('cadre of 东城 reads a 西城 member', 'GET', `/api/members/${other.id}`, 404, { cookie: cadre });
  });

  await journey('admission: a public application approved by the cadre', async () => {
    const idNumber = makeIdNumber({ birth: randomBirth() });
    const phone = makePhone();
    const applied = await call('public application', 'POST', '/api/public/applications', 201, {
      payload: { name: '试点申请人', idNumber, phone, employmentForm: 'standard', orgId: union.id },
    });
    const { trackingCode } = applied.json<{ trackingCode: string }>();
    await call('public application status', 'GET', `/api/public/applications/${trackingCode}`, 200);
    const pending = (
      await call('cadre lists applications', 'GET', `/api/applications?orgId=${union.id}&limit=500`, 200, { cookie: cadre })
    ).json<Page<{ id: number; trackingCode: string }>>();
    const application = pending.items.find((a) => a.trackingCode === trackingCode);
    check('cadre lists applications', application !== undefined, 'the application is pending');
    await call('cadre approves', 'POST', '/api/applications/decisions', 200, {
      cookie: cadre,
      payload: { ids: [application!.id], decision: 'approve' },
    });
    const found = (await call('new member found', 'GET', `/api/members?orgId=${union.id}&q=${idNumber}`, 200, { cookie: cadre })).json<
      Page<Member>
    >();
    check('new member found', found.items.length === 1, 'one member with that ID number');
    joiner = { id: found.items[0]!.id, idNumber, phone };
  });

  await journey('card: minted for the new member, verified', async () => {
    if (!joiner) return skip('card', 'no new member');
    const token = (await call('card mint', 'GET', `/api/members/${joiner.id}/card`, 200, { cookie: cadre })).json<{ token: string }>()
      .token;
    const verified = (await call('card verify', 'POST', '/api/public/cards/verify', 200, { payload: { token } })).json<{
      valid: boolean;
    }>();
    check('card verify', verified.valid, 'the card is valid');
  });

  await journey('coverage', async () => {
    const dc = (await call('coverage of 东城', 'GET', `/api/coverage/${dongcheng.id}`, 200, { cookie: cadre })).json<Coverage>();
    console.log(`      东城: ${dc.members} members`);
    await call('coverage of 东城, children', 'GET', `/api/coverage/${dongcheng.id}/children`, 200, { cookie: cadre });
    const city = (await call('coverage of the city', 'GET', '/api/coverage/1', 200, { cookie: admin })).json<Coverage>();
    console.log(`      city: ${city.members} members`);
  });

  await journey('roster import', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('会员名册');
    sheet.addRow(['姓名', '身份证号', '手机号', '性别', '用工形式', '所在单位', '入会日期']);
    for (const name of ['名册甲', '名册乙', '名册丙', '名册丁', '名册戊'])
      sheet.addRow([name, makeIdNumber({ birth: randomBirth() }), makePhone(), '', '全日制', '试点单位', '2024-03-01']);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const boundary = `----trial${Date.now()}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="名册.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const started = (
      await call('roster upload', 'POST', `/api/imports?orgId=${union.id}`, 202, {
        cookie: cadre,
        payload,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      })
    ).json<ImportJob>();
    recorder.step('roster import runs');
    await app.importQueue.idle();
    const job = (await call('import job status', 'GET', `/api/imports/${started.id}`, 200, { cookie: cadre })).json<ImportJob>();
    if (job.rejected > 0) {
      // Why rows were refused: the error file's reason column (its download is audited like a reveal).
      const errors = await call('import error file', 'GET', `/api/imports/${started.id}/errors`, 200, { cookie: admin });
      const reasons = new ExcelJS.Workbook();
      await reasons.xlsx.load(errors.rawPayload as unknown as ArrayBuffer);
      const rejected = reasons.worksheets[0];
      const column = ((rejected?.getRow(1).values as unknown[] | undefined) ?? []).map(String).indexOf('错误原因');
      rejected?.eachRow((row, n) => n > 1 && console.log(`      row ${n}: ${String(row.getCell(column).value)}`));
    }
    check(
      'import job status',
      job.status === 'done' && job.imported === 5,
      `done with 5 imported (${job.status}, ${job.imported}, failure ${job.failure ?? '-'})`,
    );
    await call('import list', 'GET', `/api/imports?orgId=${union.id}`, 200, { cookie: cadre });
  });

  /** The newest code sent to `phone`, as the federation admin reads it in the outbox. */
  const codeFor = async (step: string, phone: string, purpose: OutboxMessage['purpose']) => {
    const outbox = (await call(step, 'GET', '/api/messages?limit=50', 200, { cookie: admin })).json<Page<OutboxMessage>>();
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    const message = outbox.items.find((m) => m.purpose === purpose && m.phoneMasked === masked);
    check(step, message !== undefined, `a ${purpose} to ${masked} in the outbox`);
    return /(\d{6})/.exec(message!.textZh)?.[1] ?? '';
  };

  await journey('transfer from 东城 to 西城 with the member consenting', async () => {
    if (!joiner) return skip('transfer', 'no new member');
    const m = joiner;
    const t = (
      await call('西城 asks by ID number', 'POST', '/api/transfers', 201, {
        cookie: xcCadre,
        payload: { idNumber: m.idNumber, toOrgId: xcUnion.id },
      })
    ).json<Transfer>();
    await call('西城 lists incoming', 'GET', `/api/transfers?orgId=${xicheng.id}&direction=incoming`, 200, { cookie: xcCadre });
    await call('东城 lists outgoing', 'GET', `/api/transfers?orgId=${dongcheng.id}&direction=outgoing`, 200, { cookie: cadre });
    const asked = await call('member asks a sign-in code', 'POST', '/api/public/member-codes', 201, {
      payload: { idNumber: m.idNumber, phone: m.phone },
    });
    const signInCode = await codeFor('admin reads the outbox', m.phone, 'sign_in_code');
    const session = await call('member signs in', 'POST', '/api/public/member-sessions', 200, {
      payload: { challengeId: asked.json<{ challengeId: string }>().challengeId, code: signInCode },
    });
    const member = cookieOf(session, 'gh_msid');
    await call('member reads own record', 'GET', '/api/portal/me', 200, { cookie: member });
    const consentAsked = await call('member asks a consent code', 'POST', `/api/portal/transfers/${t.id}/consent-code`, 201, {
      cookie: member,
    });
    const consentCode = await codeFor('admin reads the outbox again', m.phone, 'consent_code');
    await call('member consents', 'POST', `/api/portal/transfers/${t.id}/consent`, 200, {
      cookie: member,
      payload: { challengeId: consentAsked.json<{ challengeId: string }>().challengeId, code: consentCode },
    });
    const decided = (
      await call('东城 confirms the release', 'POST', `/api/transfers/${t.id}/decision`, 200, {
        cookie: cadre,
        payload: { decision: 'confirm' },
      })
    ).json<Transfer>();
    check('东城 confirms the release', decided.status === 'confirmed', `confirmed (${decided.status})`);
    const there = (
      await call('西城 finds the member', 'GET', `/api/members?orgId=${xicheng.id}&q=${m.idNumber}`, 200, { cookie: xcCadre })
    ).json<Page<Member>>();
    check('西城 finds the member', there.items.length === 1 && there.items[0]!.orgId === xcUnion.id, `in union ${xcUnion.id}`);
    const here = (
      await call('东城 no longer has them', 'GET', `/api/members?orgId=${dongcheng.id}&q=${m.idNumber}`, 200, { cookie: cadre })
    ).json<Page<Member>>();
    check('东城 no longer has them', here.items.length === 0, 'not in 东城');
    const region = (await sql<{ region_id: number }>`SELECT region_id FROM member WHERE id = ${there.items[0]!.id}`.execute(db)).rows;
    check(
      'member row re-inserted in 西城',
      region.length === 1 && region[0]!.region_id === xicheng.id,
      `region_id ${region.map((r) => r.region_id).join(',')}`,
    );
    await call('西城 reads the moved member', 'GET', `/api/members/${there.items[0]!.id}`, 200, { cookie: xcCadre });
  });

  await journey('lapse and rejoin', async () => {
    if (!sample) return skip('lapse and rejoin', 'no sample member');
    const lapsed = (
      await call('lapse', 'POST', `/api/members/${sample.id}/lapse`, 200, { cookie: cadre, payload: { reason: '退休（试点）' } })
    ).json<Member>();
    check('lapse', lapsed.status === 'lapsed', 'lapsed');
    const back = (await call('rejoin', 'POST', `/api/members/${sample.id}/rejoin`, 200, { cookie: cadre })).json<Member>();
    check('rejoin', back.status === 'member', 'a member again');
  });

  await journey(`a street of 东城 moved to 朝阳 with its members`, async () => {
    const before = {
      dc: (await call('coverage of 东城 before', 'GET', `/api/coverage/${dongcheng.id}`, 200, { cookie: admin })).json<Coverage>().members,
      cy: (await call('coverage of 朝阳 before', 'GET', `/api/coverage/${chaoyang.id}`, 200, { cookie: admin })).json<Coverage>().members,
      street: (
        await call('coverage of the street before', 'GET', `/api/coverage/${smallStreet.id}`, 200, { cookie: admin })
      ).json<Coverage>().members,
    };
    await call('move the street', 'POST', `/api/orgs/${smallStreet.id}/move`, 200, {
      cookie: admin,
      payload: { newParentId: chaoyang.id },
    });
    const after = {
      dc: (await call('coverage of 东城 after', 'GET', `/api/coverage/${dongcheng.id}`, 200, { cookie: admin })).json<Coverage>().members,
      cy: (await call('coverage of 朝阳 after', 'GET', `/api/coverage/${chaoyang.id}`, 200, { cookie: admin })).json<Coverage>().members,
    };
    check(
      'roll-up follows the move',
      after.dc === before.dc - before.street && after.cy === before.cy + before.street,
      `东城 ${before.dc}→${after.dc}, 朝阳 ${before.cy}→${after.cy}, street ${before.street}`,
    );
    const rows = (
      await sql<{ region_id: number; n: number }>`
        SELECT m.region_id, count(*)::int AS n FROM member m JOIN org_unit s ON s.id = ${smallStreet.id}
         WHERE m.org_path <@ s.path GROUP BY m.region_id`.execute(db)
    ).rows;
    check(
      'members re-inserted in 朝阳',
      rows.length === 1 && rows[0]!.region_id === chaoyang.id,
      rows.map((r) => `${r.region_id}: ${r.n}`).join(', '),
    );
    const left = (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM member WHERE region_id = ${dongcheng.id} AND org_path <@ ${smallStreet.path}::ltree`.execute(db)
    ).rows[0]!.n;
    check('none left with the old key', left === 0, `${left} members of region 东城 under the street's old path`);
    await call('东城 cadre lists the moved street', 'GET', `/api/members?orgId=${smallStreet.id}&limit=20`, 404, { cookie: cadre });
    const cy = (await call('朝阳 list (admin)', 'GET', `/api/members?orgId=${smallStreet.id}&limit=20`, 200, { cookie: admin })).json<
      Page<Member>
    >();
    check('朝阳 list (admin)', cy.items.length > 0, `${cy.items.length} members listed`);
    await call('members of 东城 after the move', 'GET', `/api/members?orgId=${dongcheng.id}&limit=20`, 200, { cookie: cadre });
    await call('members of 朝阳 after the move', 'GET', `/api/members?orgId=${chaoyang.id}&limit=20`, 200, { cookie: admin });
  });

  await journey('the city-wide admin acts on members by id (every region in scope)', async () => {
    if (!sample) return skip('admin acts', 'no sample member');
    const m = sample;
    await call('admin: member detail', 'GET', `/api/members/${m.id}`, 200, { cookie: admin });
    await call('admin: reveal', 'POST', `/api/members/${m.id}/reveal`, 200, {
      cookie: admin,
      payload: { field: 'idNumber', reason: '核对会员身份（试点，市总）' },
    });
    await call('admin: card mint', 'GET', `/api/members/${m.id}/card`, 200, { cookie: admin });
    await call('admin: lapse', 'POST', `/api/members/${m.id}/lapse`, 200, { cookie: admin, payload: { reason: '离职（试点，市总）' } });
    await call('admin: rejoin', 'POST', `/api/members/${m.id}/rejoin`, 200, { cookie: admin });
    await call('admin: lists 东城', 'GET', `/api/members?orgId=${dongcheng.id}&limit=20`, 200, { cookie: admin });
    await call('admin: lists the city', 'GET', '/api/members?orgId=1&limit=20', 200, { cookie: admin });
    await call('admin: search the city by ID number', 'GET', `/api/members?orgId=1&q=${sampleId}`, 200, { cookie: admin });
    const idNumber = makeIdNumber({ birth: randomBirth() });
    const applied = await call('public application to 西城', 'POST', '/api/public/applications', 201, {
      payload: { name: '试点市总审批', idNumber, phone: makePhone(), employmentForm: 'standard', orgId: xcUnion.id },
    });
    const code = applied.json<{ trackingCode: string }>().trackingCode;
    const listed = (
      await call('admin lists applications of 西城', 'GET', `/api/applications?orgId=${xicheng.id}&limit=500`, 200, { cookie: admin })
    ).json<Page<{ id: number; trackingCode: string }>>();
    const application = listed.items.find((a) => a.trackingCode === code);
    check('admin lists applications of 西城', application !== undefined, 'the application is pending');
    await call('admin approves', 'POST', '/api/applications/decisions', 200, {
      cookie: admin,
      payload: { ids: [application!.id], decision: 'approve' },
    });
  });

  await journey('an application from a member of another district becomes a transfer request', async () => {
    if (!sample || !sampleId) return skip('application from a member elsewhere', 'no sample member');
    const applied = await call('public application to 西城 by a 东城 member', 'POST', '/api/public/applications', 201, {
      payload: { name: sample.name, idNumber: sampleId, phone: samplePhone, employmentForm: 'standard', orgId: xcUnion.id },
    });
    const code = applied.json<{ trackingCode: string }>().trackingCode;
    const listed = (
      await call('西城 lists applications', 'GET', `/api/applications?orgId=${xcUnion.id}&limit=500`, 200, { cookie: xcCadre })
    ).json<Page<{ id: number; trackingCode: string; flag: string }>>();
    const application = listed.items.find((a) => a.trackingCode === code);
    check(
      '西城 lists applications',
      application?.flag === 'member_elsewhere',
      `flagged member_elsewhere (${application?.flag ?? 'missing'})`,
    );
    const decided = (
      await call('西城 approves', 'POST', '/api/applications/decisions', 200, {
        cookie: xcCadre,
        payload: { ids: [application!.id], decision: 'approve' },
      })
    ).json<{
      transfersRequested: number;
    }>();
    check('西城 approves', decided.transfersRequested === 1, `a transfer request instead of a second member (${JSON.stringify(decided)})`);
    const outgoing = (
      await call('东城 lists outgoing again', 'GET', `/api/transfers?orgId=${dongcheng.id}&direction=outgoing`, 200, { cookie: cadre })
    ).json<Page<Transfer>>();
    const t = outgoing.items.find((x) => x.memberId === sample!.id && x.status === 'pending');
    check('东城 lists outgoing again', t !== undefined, 'the transfer is listed');
    await call('admin refuses the release', 'POST', `/api/transfers/${t!.id}/decision`, 200, {
      cookie: admin,
      payload: { decision: 'reject', note: '试点：不转出' },
    });
  });

  await journey('audit', async () => {
    await call('audit list (admin)', 'GET', '/api/audit?limit=50', 200, { cookie: admin });
    await call('audit of 东城 (admin)', 'GET', `/api/audit?orgId=${dongcheng.id}&limit=50`, 200, { cookie: admin });
    await call('audit of reveals (admin)', 'GET', `/api/audit?action=member.reveal&limit=50`, 200, { cookie: admin });
  });

  await journey('export', async () => {
    const r = await call('export members (xlsx)', 'GET', `/api/members/export?orgId=${union.id}&format=xlsx`, 200, { cookie: cadre });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]?.rowCount ?? 0;
    check('export members (xlsx)', rows > 1, `${rows - 1} rows in the workbook`);
  });

  return outcome;
}
