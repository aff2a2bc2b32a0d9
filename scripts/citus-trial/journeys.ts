/**
 * The API journeys of the trial, as the console and the member pages make them: a district cadre's day (lists,
 * searches, reveal, admission, card, coverage, roster import, a transfer to another district with the member's
 * consent, lapse and re-join), a street moved to another district with its members, the audit list and an export;
 * journeys-more.ts has the city-wide admin's and the rarer ones.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/server/db/client.js';
import { makeIdNumber, makePhone, TEST_PASSWORD } from '../../src/server/testing/harness.js';
import type { Member } from '../../src/common/members.js';
import type { Coverage } from '../../src/common/coverage.js';
import type { Transfer } from '../../src/common/transfers.js';
import type { ImportJob } from '../../src/common/imports.js';
import type { Recorder } from './recorder.js';
import { TRIAL_ADMIN_PASSWORD } from './load.js';
import {
  codeFor,
  createRunner,
  findPlaces,
  memberSignIn,
  randomBirth,
  rosterUpload,
  type JourneyOutcome,
  type Page,
  type World,
} from './runner.js';
import { moreJourneys } from './journeys-more.js';

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

export async function runJourneys(app: FastifyInstance, database: Database, recorder: Recorder): Promise<JourneyOutcome> {
  const db = database.db;
  const t = createRunner(app, recorder, HOT_STEPS);
  const p = await recorder.aside(() => findPlaces(db));
  const w: World = { admin: '', cadre: '', xcCadre: '', sampleId: '', samplePhone: '' };

  await t.journey('admin signs in', async () => {
    const r = await t.call('admin login', 'POST', '/api/auth/login', 200, {
      payload: { username: 'admin', password: TRIAL_ADMIN_PASSWORD },
    });
    w.admin = t.cookieOf(r, 'gh_sid');
  });

  await t.journey('district cadres are created and sign in', async () => {
    const suffix = randomBytes(3).toString('hex');
    for (const [who, org] of [
      ['dc', p.dongcheng],
      ['xc', p.xicheng],
    ] as const) {
      const username = `trial${who}${suffix}`;
      await t.call(`create cadre of ${org.name}`, 'POST', '/api/users', 201, {
        cookie: w.admin,
        payload: { username, displayName: username, password: TEST_PASSWORD, orgId: org.id, role: 'union_cadre' },
      });
      const r = await t.call(`cadre login ${who}`, 'POST', '/api/auth/login', 200, { payload: { username, password: TEST_PASSWORD } });
      if (who === 'dc') w.cadre = t.cookieOf(r, 'gh_sid');
      else w.xcCadre = t.cookieOf(r, 'gh_sid');
    }
    await t.call('cadre me', 'GET', '/api/auth/me', 200, { cookie: w.cadre });
  });

  await t.journey('member lists of a district cadre', async () => {
    const all = (await t.call('cadre lists 东城', 'GET', `/api/members?orgId=${p.dongcheng.id}&limit=50`, 200, { cookie: w.cadre })).json<
      Page<Member>
    >();
    t.check('cadre lists 东城', all.items.length === 50 && all.nextCursor !== null, `50 members and a next page (got ${all.items.length})`);
    await t.call(
      'cadre lists 东城, page 2',
      'GET',
      `/api/members?orgId=${p.dongcheng.id}&limit=50&cursor=${encodeURIComponent(all.nextCursor ?? '')}`,
      200,
      {
        cookie: w.cadre,
      },
    );
    const street = (
      await t.call('cadre lists a street', 'GET', `/api/members?orgId=${p.union.street_id}&limit=20`, 200, { cookie: w.cadre })
    ).json<Page<Member>>();
    t.check('cadre lists a street', street.items.length > 0, `members of street ${p.union.street_id} (got ${street.items.length})`);
    const ofUnion = (
      await t.call('cadre lists a union', 'GET', `/api/members?orgId=${p.union.id}&limit=20`, 200, { cookie: w.cadre })
    ).json<Page<Member>>();
    w.sample = ofUnion.items.find((m) => m.cardNo !== null && m.phoneMasked !== null);
    t.check('cadre lists a union', w.sample !== undefined, 'a member with a card and a phone');
    await t.call('cadre of 东城 lists 西城', 'GET', `/api/members?orgId=${p.xicheng.id}&limit=20`, 404, { cookie: w.cadre });
  });

  await t.journey('member detail, reveal and search', async () => {
    if (!w.sample) throw new Error('no member found in the lists');
    const m = w.sample;
    await t.call('member detail', 'GET', `/api/members/${m.id}`, 200, { cookie: w.cadre });
    const id = await t.call('reveal ID number', 'POST', `/api/members/${m.id}/reveal`, 200, {
      cookie: w.cadre,
      payload: { field: 'idNumber', reason: '核对会员身份（试点）' },
    });
    w.sampleId = id.json<{ value: string }>().value;
    const phone = await t.call('reveal phone', 'POST', `/api/members/${m.id}/reveal`, 200, {
      cookie: w.cadre,
      payload: { field: 'phone', reason: '核对联系方式（试点）' },
    });
    w.samplePhone = phone.json<{ value: string }>().value;
    const searches: [string, string][] = [
      ['search by name prefix', m.name.slice(0, 2)],
      ['search by ID number', w.sampleId],
      ['search by phone', w.samplePhone],
      ['search by card number', m.cardNo ?? ''],
    ];
    for (const [step, q] of searches) {
      const found = (
        await t.call(step, 'GET', `/api/members?orgId=${p.dongcheng.id}&q=${encodeURIComponent(q)}&limit=50`, 200, { cookie: w.cadre })
      ).json<Page<Member>>();
      if (step !== 'search by name prefix')
        t.check(
          step,
          found.items.some((x) => x.id === m.id),
          `finds member ${m.id}`,
        );
      else t.check(step, found.items.length > 0, `some members named ${q}… (got ${found.items.length})`);
    }
    const other = (
      await recorder.aside(() => sql<{ id: number }>`SELECT id FROM member WHERE region_id = ${p.xicheng.id} LIMIT 1`.execute(db))
    ).rows[0];
    if (other) await t.call('cadre of 东城 reads a 西城 member', 'GET', `/api/members/${other.id}`, 404, { cookie: w.cadre });
  });

  await t.journey('admission: a public application approved by the cadre', async () => {
    const idNumber = makeIdNumber({ birth: randomBirth() });
    const phone = makePhone();
    const applied = await t.call('public application', 'POST', '/api/public/applications', 201, {
      payload: { name: '试点申请人', idNumber, phone, employmentForm: 'standard', orgId: p.union.id },
    });
    const { trackingCode } = applied.json<{ trackingCode: string }>();
    await t.call('public application status', 'GET', `/api/public/applications/${trackingCode}`, 200);
    const pending = (
      await t.call('cadre lists applications', 'GET', `/api/applications?orgId=${p.union.id}&limit=500`, 200, { cookie: w.cadre })
    ).json<Page<{ id: number; trackingCode: string }>>();
    const application = pending.items.find((a) => a.trackingCode === trackingCode);
    t.check('cadre lists applications', application !== undefined, 'the application is pending');
    await t.call('cadre approves', 'POST', '/api/applications/decisions', 200, {
      cookie: w.cadre,
      payload: { ids: [application!.id], decision: 'approve' },
    });
    const found = (
      await t.call('new member found', 'GET', `/api/members?orgId=${p.union.id}&q=${idNumber}`, 200, { cookie: w.cadre })
    ).json<Page<Member>>();
    t.check('new member found', found.items.length === 1, 'one member with that ID number');
    w.joiner = { id: found.items[0]!.id, idNumber, phone };
  });

  await t.journey('card: minted for the new member, verified', async () => {
    if (!w.joiner) return t.skip('card', 'no new member');
    const token = (await t.call('card mint', 'GET', `/api/members/${w.joiner.id}/card`, 200, { cookie: w.cadre })).json<{ token: string }>()
      .token;
    const verified = (await t.call('card verify', 'POST', '/api/public/cards/verify', 200, { payload: { token } })).json<{
      valid: boolean;
    }>();
    t.check('card verify', verified.valid, 'the card is valid');
  });

  await t.journey('coverage', async () => {
    const dc = (await t.call('coverage of 东城', 'GET', `/api/coverage/${p.dongcheng.id}`, 200, { cookie: w.cadre })).json<Coverage>();
    console.log(`      东城: ${dc.members} members`);
    await t.call('coverage of 东城, children', 'GET', `/api/coverage/${p.dongcheng.id}/children`, 200, { cookie: w.cadre });
    const city = (await t.call('coverage of the city', 'GET', '/api/coverage/1', 200, { cookie: w.admin })).json<Coverage>();
    console.log(`      city: ${city.members} members`);
  });

  await t.journey('roster import', async () => {
    const upload = await rosterUpload(
      ['名册甲', '名册乙', '名册丙', '名册丁', '名册戊'].map((name) => [
        name,
        makeIdNumber({ birth: randomBirth() }),
        makePhone(),
        '',
        '全日制',
        '试点单位',
        '2024-03-01',
      ]),
    );
    const started = (
      await t.call('roster upload', 'POST', `/api/imports?orgId=${p.union.id}`, 202, {
        cookie: w.cadre,
        ...upload,
      })
    ).json<ImportJob>();
    recorder.step('roster import runs');
    await app.importQueue.idle();
    const job = (await t.call('import job status', 'GET', `/api/imports/${started.id}`, 200, { cookie: w.cadre })).json<ImportJob>();
    if (job.rejected > 0) {
      // Why rows were refused: the error file's reason column (its download is audited like a reveal).
      const errors = await t.call('import error file', 'GET', `/api/imports/${started.id}/errors`, 200, { cookie: w.admin });
      const reasons = new ExcelJS.Workbook();
      await reasons.xlsx.load(errors.rawPayload as unknown as ArrayBuffer);
      const rejected = reasons.worksheets[0];
      const column = ((rejected?.getRow(1).values as unknown[] | undefined) ?? []).map(String).indexOf('错误原因');
      rejected?.eachRow((row, n) => n > 1 && console.log(`      row ${n}: ${String(row.getCell(column).value)}`));
    }
    t.check(
      'import job status',
      job.status === 'done' && job.imported === 5,
      `done with 5 imported (${job.status}, ${job.imported}, failure ${job.failure ?? '-'})`,
    );
    await t.call('import list', 'GET', `/api/imports?orgId=${p.union.id}`, 200, { cookie: w.cadre });
  });

  await t.journey('transfer from 东城 to 西城 with the member consenting', async () => {
    if (!w.joiner) return t.skip('transfer', 'no new member');
    const m = w.joiner;
    const transfer = (
      await t.call('西城 asks by ID number', 'POST', '/api/transfers', 201, {
        cookie: w.xcCadre,
        payload: { idNumber: m.idNumber, toOrgId: p.xcUnion.id },
      })
    ).json<Transfer>();
    await t.call('西城 lists incoming', 'GET', `/api/transfers?orgId=${p.xicheng.id}&direction=incoming`, 200, { cookie: w.xcCadre });
    await t.call('东城 lists outgoing', 'GET', `/api/transfers?orgId=${p.dongcheng.id}&direction=outgoing`, 200, { cookie: w.cadre });
    const member = await memberSignIn(t, w.admin, m.idNumber, m.phone);
    await t.call('member reads own record', 'GET', '/api/portal/me', 200, { cookie: member });
    const consentAsked = await t.call('member asks a consent code', 'POST', `/api/portal/transfers/${transfer.id}/consent-code`, 201, {
      cookie: member,
    });
    const consentCode = await codeFor(t, w.admin, 'admin reads the outbox again', m.phone, 'consent_code');
    await t.call('member consents', 'POST', `/api/portal/transfers/${transfer.id}/consent`, 200, {
      cookie: member,
      payload: { challengeId: consentAsked.json<{ challengeId: string }>().challengeId, code: consentCode },
    });
    const decided = (
      await t.call('东城 confirms the release', 'POST', `/api/transfers/${transfer.id}/decision`, 200, {
        cookie: w.cadre,
        payload: { decision: 'confirm' },
      })
    ).json<Transfer>();
    t.check('东城 confirms the release', decided.status === 'confirmed', `confirmed (${decided.status})`);
    const there = (
      await t.call('西城 finds the member', 'GET', `/api/members?orgId=${p.xicheng.id}&q=${m.idNumber}`, 200, { cookie: w.xcCadre })
    ).json<Page<Member>>();
    t.check('西城 finds the member', there.items.length === 1 && there.items[0]!.orgId === p.xcUnion.id, `in p.union ${p.xcUnion.id}`);
    const here = (
      await t.call('东城 no longer has them', 'GET', `/api/members?orgId=${p.dongcheng.id}&q=${m.idNumber}`, 200, { cookie: w.cadre })
    ).json<Page<Member>>();
    t.check('东城 no longer has them', here.items.length === 0, 'not in 东城');
    const region = (
      await recorder.aside(() => sql<{ region_id: number }>`SELECT region_id FROM member WHERE id = ${there.items[0]!.id}`.execute(db))
    ).rows;
    t.check(
      'member row re-inserted in 西城',
      region.length === 1 && region[0]!.region_id === p.xicheng.id,
      `region_id ${region.map((r) => r.region_id).join(',')}`,
    );
    await t.call('西城 reads the moved member', 'GET', `/api/members/${there.items[0]!.id}`, 200, { cookie: w.xcCadre });
  });

  await t.journey('lapse and rejoin', async () => {
    if (!w.sample) return t.skip('lapse and rejoin', 'no sample member');
    const lapsed = (
      await t.call('lapse', 'POST', `/api/members/${w.sample.id}/lapse`, 200, { cookie: w.cadre, payload: { reason: '退休（试点）' } })
    ).json<Member>();
    t.check('lapse', lapsed.status === 'lapsed', 'lapsed');
    const back = (await t.call('rejoin', 'POST', `/api/members/${w.sample.id}/rejoin`, 200, { cookie: w.cadre })).json<Member>();
    t.check('rejoin', back.status === 'member', 'a member again');
  });

  await t.journey(`a street of 东城 moved to 朝阳 with its members`, async () => {
    const before = {
      dc: (await t.call('coverage of 东城 before', 'GET', `/api/coverage/${p.dongcheng.id}`, 200, { cookie: w.admin })).json<Coverage>()
        .members,
      cy: (await t.call('coverage of 朝阳 before', 'GET', `/api/coverage/${p.chaoyang.id}`, 200, { cookie: w.admin })).json<Coverage>()
        .members,
      street: (
        await t.call('coverage of the street before', 'GET', `/api/coverage/${p.smallStreet.id}`, 200, { cookie: w.admin })
      ).json<Coverage>().members,
    };
    await t.call('move the street', 'POST', `/api/orgs/${p.smallStreet.id}/move`, 200, {
      cookie: w.admin,
      payload: { newParentId: p.chaoyang.id },
    });
    const after = {
      dc: (await t.call('coverage of 东城 after', 'GET', `/api/coverage/${p.dongcheng.id}`, 200, { cookie: w.admin })).json<Coverage>()
        .members,
      cy: (await t.call('coverage of 朝阳 after', 'GET', `/api/coverage/${p.chaoyang.id}`, 200, { cookie: w.admin })).json<Coverage>()
        .members,
    };
    t.check(
      'roll-up follows the move',
      after.dc === before.dc - before.street && after.cy === before.cy + before.street,
      `东城 ${before.dc}→${after.dc}, 朝阳 ${before.cy}→${after.cy}, street ${before.street}`,
    );
    const rows = (
      await recorder.aside(() =>
        sql<{ region_id: number; n: number }>`
        SELECT m.region_id, count(*)::int AS n FROM member m JOIN org_unit s ON s.id = ${p.smallStreet.id}
         WHERE m.org_path <@ s.path GROUP BY m.region_id`.execute(db),
      )
    ).rows;
    t.check(
      'members re-inserted in 朝阳',
      rows.length === 1 && rows[0]!.region_id === p.chaoyang.id,
      rows.map((r) => `${r.region_id}: ${r.n}`).join(', '),
    );
    const left = (
      await recorder.aside(() =>
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM member WHERE region_id = ${p.dongcheng.id} AND org_path <@ ${p.smallStreet.path}::ltree`.execute(
          db,
        ),
      )
    ).rows[0]!.n;
    t.check('none left with the old key', left === 0, `${left} members of region 东城 under the street's old path`);
    await t.call('东城 w.cadre lists the moved street', 'GET', `/api/members?orgId=${p.smallStreet.id}&limit=20`, 404, { cookie: w.cadre });
    const cy = (await t.call('朝阳 list (admin)', 'GET', `/api/members?orgId=${p.smallStreet.id}&limit=20`, 200, { cookie: w.admin })).json<
      Page<Member>
    >();
    t.check('朝阳 list (admin)', cy.items.length > 0, `${cy.items.length} members listed`);
    await t.call('members of 东城 after the move', 'GET', `/api/members?orgId=${p.dongcheng.id}&limit=20`, 200, { cookie: w.cadre });
    await t.call('members of 朝阳 after the move', 'GET', `/api/members?orgId=${p.chaoyang.id}&limit=20`, 200, { cookie: w.admin });
  });

  await t.journey('audit', async () => {
    await t.call('audit list (admin)', 'GET', '/api/audit?limit=50', 200, { cookie: w.admin });
    await t.call('audit of 东城 (admin)', 'GET', `/api/audit?orgId=${p.dongcheng.id}&limit=50`, 200, { cookie: w.admin });
    await t.call('audit of reveals (admin)', 'GET', `/api/audit?action=member.reveal&limit=50`, 200, { cookie: w.admin });
  });

  await t.journey('export', async () => {
    const r = await t.call('export members (xlsx)', 'GET', `/api/members/export?orgId=${p.union.id}&format=xlsx`, 200, { cookie: w.cadre });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]?.rowCount ?? 0;
    t.check('export members (xlsx)', rows > 1, `${rows - 1} rows in the workbook`);
  });

  await moreJourneys(app, db, t, p, w);
  return t.outcome;
}
