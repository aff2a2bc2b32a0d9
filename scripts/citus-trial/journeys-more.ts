/**
 * The trial's rarer journeys: the city-wide admin acting on members by id (every region in scope), an application
 * from a member of another district, a secondary affiliation across districts, a phone change, card revocation and
 * re-issue, the member's own card page, a roster naming a member elsewhere, the background sweeps main.ts runs, the
 * roll-up rebuilt and checked, and the lists the console opens besides members.
 */
import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { DB } from '../../src/server/db/schema.js';
import { makeIdNumber, makePhone } from '../../src/server/testing/harness.js';
import type { Member } from '../../src/common/members.js';
import type { Transfer } from '../../src/common/transfers.js';
import type { ImportJob } from '../../src/common/imports.js';
import { deleteExpiredSessions } from '../../src/server/auth/auth.repo.js';
import { deleteExpiredMemberSessions } from '../../src/server/auth/member-session.js';
import { deleteOldChallenges } from '../../src/server/modules/otp/otp.repo.js';
import { confirmDueTransfers } from '../../src/server/modules/transfers/transfers.service.js';
import { resumeUnfinishedImports, sweepExpiredImportFiles } from '../../src/server/modules/imports/imports.service.js';
import { diffCoverage } from '../../src/server/modules/coverage/coverage.rollup.js';
import { memberSignIn, randomBirth, rosterUpload, type Page, type Places, type Runner, type World } from './runner.js';

export async function moreJourneys(app: FastifyInstance, db: Kysely<DB>, t: Runner, p: Places, w: World): Promise<void> {
  await t.journey('the city-wide admin acts on members by id (every region in scope)', async () => {
    if (!w.sample) return t.skip('admin acts', 'no sample member');
    const m = w.sample;
    await t.call('admin: member detail', 'GET', `/api/members/${m.id}`, 200, { cookie: w.admin });
    await t.call('admin: reveal', 'POST', `/api/members/${m.id}/reveal`, 200, {
      cookie: w.admin,
      payload: { field: 'idNumber', reason: '核对会员身份（试点，市总）' },
    });
    await t.call('admin: card mint', 'GET', `/api/members/${m.id}/card`, 200, { cookie: w.admin });
    await t.call('admin: lapse', 'POST', `/api/members/${m.id}/lapse`, 200, { cookie: w.admin, payload: { reason: '离职（试点，市总）' } });
    await t.call('admin: rejoin', 'POST', `/api/members/${m.id}/rejoin`, 200, { cookie: w.admin });
    await t.call('admin: lists 东城', 'GET', `/api/members?orgId=${p.dongcheng.id}&limit=20`, 200, { cookie: w.admin });
    await t.call('admin: lists the city', 'GET', '/api/members?orgId=1&limit=20', 200, { cookie: w.admin });
    await t.call('admin: search the city by ID number', 'GET', `/api/members?orgId=1&q=${w.sampleId}`, 200, { cookie: w.admin });
    const idNumber = makeIdNumber({ birth: randomBirth() });
    const applied = await t.call('public application to 西城', 'POST', '/api/public/applications', 201, {
      payload: { name: '试点市总审批', idNumber, phone: makePhone(), employmentForm: 'standard', orgId: p.xcUnion.id },
    });
    const code = applied.json<{ trackingCode: string }>().trackingCode;
    const listed = (
      await t.call('admin lists applications of 西城', 'GET', `/api/applications?orgId=${p.xicheng.id}&limit=500`, 200, { cookie: w.admin })
    ).json<Page<{ id: number; trackingCode: string }>>();
    const application = listed.items.find((a) => a.trackingCode === code);
    t.check('admin lists applications of 西城', application !== undefined, 'the application is pending');
    await t.call('admin approves', 'POST', '/api/applications/decisions', 200, {
      cookie: w.admin,
      payload: { ids: [application!.id], decision: 'approve' },
    });
  });

  await t.journey('an application from a member of another district becomes a transfer request', async () => {
    if (!w.sample || !w.sampleId) return t.skip('application from a member elsewhere', 'no sample member');
    const applied = await t.call('public application to 西城 by a 东城 member', 'POST', '/api/public/applications', 201, {
      payload: { name: w.sample.name, idNumber: w.sampleId, phone: w.samplePhone, employmentForm: 'standard', orgId: p.xcUnion.id },
    });
    const code = applied.json<{ trackingCode: string }>().trackingCode;
    const listed = (
      await t.call('西城 lists applications', 'GET', `/api/applications?orgId=${p.xcUnion.id}&limit=500`, 200, { cookie: w.xcCadre })
    ).json<Page<{ id: number; trackingCode: string; flag: string }>>();
    const application = listed.items.find((a) => a.trackingCode === code);
    t.check(
      '西城 lists applications',
      application?.flag === 'member_elsewhere',
      `flagged member_elsewhere (${application?.flag ?? 'missing'})`,
    );
    const decided = (
      await t.call('西城 approves', 'POST', '/api/applications/decisions', 200, {
        cookie: w.xcCadre,
        payload: { ids: [application!.id], decision: 'approve' },
      })
    ).json<{
      transfersRequested: number;
    }>();
    t.check(
      '西城 approves',
      decided.transfersRequested === 1,
      `a transfer request instead of a second member (${JSON.stringify(decided)})`,
    );
    const outgoing = (
      await t.call('东城 lists outgoing again', 'GET', `/api/transfers?orgId=${p.dongcheng.id}&direction=outgoing`, 200, {
        cookie: w.cadre,
      })
    ).json<Page<Transfer>>();
    const transfer = outgoing.items.find((x) => x.memberId === w.sample!.id && x.status === 'pending');
    t.check('东城 lists outgoing again', transfer !== undefined, 'the transfer is listed');
    await t.call('admin refuses the release', 'POST', `/api/transfers/${transfer!.id}/decision`, 200, {
      cookie: w.admin,
      payload: { decision: 'reject', note: '试点：不转出' },
    });
  });

  await t.journey('a secondary affiliation in another district', async () => {
    if (!w.sample) return t.skip('secondary affiliation', 'no sample member');
    const m = w.sample;
    await t.call('admin adds a 西城 affiliation', 'POST', `/api/members/${m.id}/affiliations`, 200, {
      cookie: w.admin,
      payload: { orgId: p.xcUnion.id },
    });
    const listed = (
      await t.call('西城 lists its union', 'GET', `/api/members?orgId=${p.xcUnion.id}&q=${w.sampleId}`, 200, { cookie: w.xcCadre })
    ).json<Page<Member>>();
    t.check(
      '西城 lists its union',
      listed.items.some((x) => x.id === m.id),
      'the 东城 member listed through the affiliation',
    );
    await t.call('西城 reads the member (masked)', 'GET', `/api/members/${m.id}`, 200, { cookie: w.xcCadre });
    await t.call('西城 may not reveal', 'POST', `/api/members/${m.id}/reveal`, 403, {
      cookie: w.xcCadre,
      payload: { field: 'idNumber', reason: '试点：越权' },
    });
    await t.call('admin removes the affiliation', 'DELETE', `/api/members/${m.id}/affiliations/${p.xcUnion.id}`, 204, { cookie: w.admin });
  });

  await t.journey("card revoked and re-issued, and the member's own card page", async () => {
    if (!w.sample) return t.skip('card revoke', 'no sample member');
    const m = w.sample;
    const old = (await t.call('card mint (sample)', 'GET', `/api/members/${m.id}/card`, 200, { cookie: w.cadre })).json<{
      token: string;
    }>();
    await t.call('card revoke', 'POST', `/api/members/${m.id}/card/revoke`, 204, { cookie: w.cadre });
    const revoked = (await t.call('revoked card verify', 'POST', '/api/public/cards/verify', 200, { payload: { token: old.token } })).json<{
      valid: boolean;
    }>();
    t.check('revoked card verify', !revoked.valid, 'no longer valid');
    const fresh = (await t.call('card reissue', 'POST', `/api/members/${m.id}/card/reissue`, 200, { cookie: w.cadre })).json<{
      token: string;
    }>();
    const valid = (
      await t.call('reissued card verify', 'POST', '/api/public/cards/verify', 200, { payload: { token: fresh.token } })
    ).json<{
      valid: boolean;
    }>();
    t.check('reissued card verify', valid.valid, 'valid');
    const member = await memberSignIn(t, w.admin, w.sampleId, w.samplePhone);
    await t.call('member reads own card', 'GET', '/api/portal/card', 200, { cookie: member });
    await t.call('member signs out', 'POST', '/api/portal/logout', 204, { cookie: member });
  });

  await t.journey('a roster naming a member of another district: listed apart, then one transfer request', async () => {
    if (!w.sample) return t.skip('roster elsewhere', 'no sample member');
    const m = w.sample;
    const upload = await rosterUpload([
      [m.name, w.sampleId, w.samplePhone, '', '全日制', '试点单位', '2024-03-01'],
      ['名册己', makeIdNumber({ birth: randomBirth() }), makePhone(), '', '全日制', '试点单位', '2024-03-01'],
    ]);
    const started = (
      await t.call('西城 uploads a roster', 'POST', `/api/imports?orgId=${p.xcUnion.id}`, 202, { cookie: w.xcCadre, ...upload })
    ).json<ImportJob>();
    await app.importQueue.idle();
    const job = (await t.call('西城 import status', 'GET', `/api/imports/${started.id}`, 200, { cookie: w.xcCadre })).json<ImportJob>();
    t.check(
      '西城 import status',
      job.status === 'done' && job.imported === 1 && job.elsewhere === 1,
      `done, 1 imported, 1 elsewhere (${JSON.stringify(job)})`,
    );
    await t.call('西城 lists the rows elsewhere', 'GET', `/api/imports/${started.id}/elsewhere`, 200, { cookie: w.xcCadre });
    const asked = (
      await t.call('西城 asks for their transfers', 'POST', `/api/imports/${started.id}/transfers`, 200, { cookie: w.xcCadre })
    ).json<{
      requested: number;
    }>();
    t.check('西城 asks for their transfers', asked.requested === 1, `one transfer requested (${JSON.stringify(asked)})`);
    const outgoing = (
      await t.call('东城 sees the request', 'GET', `/api/transfers?orgId=${p.dongcheng.id}&direction=outgoing`, 200, { cookie: w.cadre })
    ).json<Page<Transfer>>();
    const transfer = outgoing.items.find((x) => x.memberId === m.id && x.status === 'pending');
    t.check('东城 sees the request', transfer !== undefined, 'pending');
    await t.call('东城 refuses it', 'POST', `/api/transfers/${transfer!.id}/decision`, 200, {
      cookie: w.cadre,
      payload: { decision: 'reject', note: '试点：不转出' },
    });
  });

  await t.journey("a phone changed by the member's union", async () => {
    if (!w.sample) return t.skip('phone change', 'no sample member');
    const phone = makePhone();
    await t.call('change the phone', 'POST', `/api/members/${w.sample.id}/phone`, 200, {
      cookie: w.cadre,
      payload: { phone, reason: '本人到场核对（试点）' },
    });
    w.samplePhone = phone;
  });

  await t.journey('what main.ts runs in the background every minute, and on start', async () => {
    const config = app.deps.config;
    await t.run('sweep: cadre sessions', async () => `${String(await deleteExpiredSessions(db, config.sessionIdleMinutes))}`);
    await t.run('sweep: member sessions', async () => `${String(await deleteExpiredMemberSessions(db, config.memberSessionIdleMinutes))}`);
    await t.run('sweep: one-time codes', async () => `${String(await deleteOldChallenges(db))}`);
    await t.run('sweep: due transfers', async () => `${await confirmDueTransfers(app.deps)} confirmed`);
    await t.run('sweep: import files', async () => JSON.stringify(await sweepExpiredImportFiles(app.deps)));
    await t.run('start: unfinished imports', async () => {
      const resumed = await resumeUnfinishedImports(app.deps, app.importQueue);
      await app.importQueue.idle();
      return `${resumed} resumed`;
    });
  });

  await t.journey('the roll-up rebuilt from the members and checked', async () => {
    const rebuilt = (await t.call('coverage rebuild', 'POST', '/api/coverage/rebuild', 200, { cookie: w.admin })).json<{
      orgs: number;
      ms: number;
    }>();
    t.check('coverage rebuild', rebuilt.orgs > 0, `${rebuilt.orgs} organisations in ${rebuilt.ms} ms`);
    await t.run('check-coverage', async () => {
      const differences = await diffCoverage(db);
      if (differences.length > 0) throw new Error(`${differences.length} differences, e.g. ${JSON.stringify(differences.slice(0, 3))}`);
      return 'no difference';
    });
  });

  await t.journey('the tree and its employers change (reference tables, the roll-up)', async () => {
    const suffix = Date.now().toString(36);
    const created = (
      await t.call('cadre creates a union', 'POST', '/api/orgs', 201, {
        cookie: w.cadre,
        payload: { parentId: p.union.street_id, kind: 'grassroots_union', name: `试点工会${suffix}` },
      })
    ).json<{ id: number }>();
    await t.call('cadre creates an employer', 'POST', '/api/employers', 201, {
      cookie: w.cadre,
      payload: { name: `试点单位${suffix}`, headcount: 120, industry: 'C', streetOrgId: p.union.street_id, unionOrgId: created.id },
    });
    const today = new Date().toISOString().slice(0, 10);
    await t.call('cadre records a meeting', 'POST', '/api/meetings', 201, {
      cookie: w.cadre,
      payload: { orgId: created.id, kind: 'worker', title: `试点沟通会${suffix}`, heldOn: today },
    });
    await t.call('coverage of the new union', 'GET', `/api/coverage/${created.id}`, 200, { cookie: w.cadre });
  });

  await t.journey('the other lists of the console', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await t.call('employers of 东城', 'GET', `/api/employers?orgId=${p.dongcheng.id}&limit=20`, 200, { cookie: w.cadre });
    await t.call('outreach meetings of 东城', 'GET', `/api/meetings?orgId=${p.dongcheng.id}&limit=20`, 200, { cookie: w.cadre });
    await t.call('outreach stats of 东城', 'GET', `/api/outreach/stats?orgId=${p.dongcheng.id}&from=2020-01-01&to=${today}`, 200, {
      cookie: w.cadre,
    });
    await t.call('users (admin)', 'GET', '/api/users?limit=20', 200, { cookie: w.admin });
    await t.call('public union search', 'GET', `/api/public/unions?q=${encodeURIComponent('东城')}`, 200);
    await t.call('transfers of 西城, incoming', 'GET', `/api/transfers?orgId=${p.xicheng.id}&direction=incoming&status=confirmed`, 200, {
      cookie: w.xcCadre,
    });
    const full = await t.call(
      'full export with reason (csv)',
      'GET',
      `/api/members/export?orgId=${p.union.id}&format=csv&reveal=1&reason=${encodeURIComponent('年度核对（试点）')}`,
      200,
      {
        cookie: w.cadre,
      },
    );
    t.check('full export with reason (csv)', full.body.split('\r\n').length > 2, `${full.body.split('\r\n').length - 2} rows`);
  });
}
