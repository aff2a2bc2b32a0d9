/**
 * Events hammer (issue #13, "Proof"), through a real HTTP server (a listening socket, requests over the network):
 * 800 members sign up at the same moment for a first-come session of 300 places → exactly 300 confirmed and 500
 * waitlisted, the session's counter equal to the rows; then 50 confirmed members cancel at the same moment → exactly
 * 50 promoted (the first 50 of the waitlist), 300 confirmed, 450 waitlisted. On PGlite, and on the PostgreSQL of
 * TEST_DATABASE_URL when set (as CI does), with the application's pool of 10.
 *
 * Then on the embedded engine the server runs as a process of its own and is killed with SIGKILL while the 800
 * sign-ups are in flight: the data it left must hold no oversold place, nobody twice, and every sign-up it had
 * acknowledged; the server must reopen on the same directory, and the same 800 requests sent again with the same keys
 * must end at exactly 300 confirmed and 500 waitlisted, each key one registration. The kill falls on the 400th answer
 * (EVENTS_KILL_AFTER moves it), once the session is full, so both confirmed and waitlisted sign-ups are acknowledged
 * before it and in flight around it. The members and their phone-page sessions are written directly (the code sign-in
 * is tested in portal.test.ts); every request carries a real member cookie and its own idempotency key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import { testConfig } from '../src/server/testing/template.js';
import { freshPglite, freshPostgres, pgliteDataDir, type HammerDatabase } from './engines.js';
import { freePort, startServer, stopCleanly, waitHealthy, type ServerProcess } from './crash-import.support.js';
import { countsOf, postAs, prepareCrowd, statusById, type Answer } from './events-hammer.support.js';
import { recordFigure } from './summary.js';

const SIGN_UPS = 800;
const PLACES = 300;
const CANCELS = 50;
/** The kill -9 falls once this many sign-ups have been answered (the rest are in flight). */
const KILL_AFTER = Number(process.env.EVENTS_KILL_AFTER ?? 400);
/** The secret of the test template (testConfig), so the server process reads what the template wrote. */
const SECRET = 'a'.repeat(64);
const SIGN_UP_URL = '/api/portal/events/registrations';

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const open: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of open.reverse()) await close().catch(() => undefined);
});

/** The first part on one engine: 800 sign-ups, then 50 cancellations, each batch at once over HTTP. */
async function signUpsAndCancellations(h: HammerDatabase, engine: string): Promise<void> {
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-events-files-'));
  const config = testConfig({ dataDir: filesDir });
  let built: FastifyInstance | undefined;
  open.push(async () => {
    await built?.close();
    await h.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });
  const app = (built = await buildApp(h.database, config));
  await app.ready();
  const db = h.database.db;
  const crowd = await prepareCrowd(app, db, config, SIGN_UPS, PLACES);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const { sessionId } = crowd;

  const started = performance.now();
  const answers = await Promise.all(crowd.members.map((m, n) => postAs(base, m.cookie, SIGN_UP_URL, { sessionId, key: `hammer-${n}` })));
  const signUpMs = performance.now() - started;
  expect(answers.filter((a) => a?.status !== 201).map((a) => a?.body ?? 'no answer')).toEqual([]);
  const regs = answers.map((a) => a!.registration!);
  const answeredConfirmed = regs.filter((r) => r.status === 'confirmed').length;
  const answeredWaitlisted = regs.filter((r) => r.status === 'waitlisted').length;
  const afterSignUps = await countsOf(db, sessionId);

  // 50 confirmed members cancel at once: exactly 50 promoted, and they are the first 50 on the waitlist.
  const firstOnWaitlist = await db
    .selectFrom('event_registration')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_seq')
    .limit(CANCELS)
    .execute();
  const cancelling = regs.flatMap((r, n) => (r.status === 'confirmed' ? [n] : [])).slice(0, CANCELS);
  const cancelStarted = performance.now();
  const cancels = await Promise.all(cancelling.map((n) => postAs(base, crowd.members[n]!.cookie, `${SIGN_UP_URL}/${regs[n]!.id}/cancel`)));
  const cancelMs = performance.now() - cancelStarted;
  const afterCancels = await countsOf(db, sessionId);
  const status = await statusById(db, sessionId);
  const promoted = firstOnWaitlist.filter((r) => status.get(r.id) === 'confirmed').length;

  recordFigure(
    `events sign-ups over HTTP (${engine})`,
    `${SIGN_UPS} simultaneous sign-ups for ${PLACES} places in ${seconds(signUpMs)} s (${Math.round(SIGN_UPS / (signUpMs / 1000))}/s): ` +
      `${afterSignUps.confirmed} confirmed, ${afterSignUps.waitlisted} waitlisted, counter ${afterSignUps.counter}, ` +
      `people twice ${afterSignUps.twice}; ${CANCELS} simultaneous cancellations in ${seconds(cancelMs)} s: ` +
      `${promoted} of the first ${CANCELS} on the waitlist promoted, then ${afterCancels.confirmed} confirmed, ` +
      `${afterCancels.waitlisted} waitlisted, ${afterCancels.cancelled} cancelled, counter ${afterCancels.counter}`,
    import.meta.filename,
  );
  expect([answeredConfirmed, answeredWaitlisted]).toEqual([PLACES, SIGN_UPS - PLACES]);
  expect(afterSignUps).toEqual({
    confirmed: PLACES,
    waitlisted: SIGN_UPS - PLACES,
    cancelled: 0,
    other: 0,
    rows: SIGN_UPS,
    counter: PLACES,
    capacity: PLACES,
    twice: 0,
    keysTwice: 0,
  });
  expect(cancels.filter((a) => a?.status !== 200).map((a) => a?.body ?? 'no answer')).toEqual([]);
  expect(cancels.map((a) => a!.registration!.status)).toEqual(Array<string>(CANCELS).fill('cancelled'));
  expect(afterCancels).toEqual({
    confirmed: PLACES,
    waitlisted: SIGN_UPS - PLACES - CANCELS,
    cancelled: CANCELS,
    other: 0,
    rows: SIGN_UPS,
    counter: PLACES,
    capacity: PLACES,
    twice: 0,
    keysTwice: 0,
  });
  expect(promoted).toBe(CANCELS);
}

describe('events hammer: simultaneous sign-ups and cancellations over HTTP', () => {
  it(`${SIGN_UPS} sign-ups for ${PLACES} places, then ${CANCELS} cancellations, on PGlite`, async () => {
    await signUpsAndCancellations(await freshPglite(), 'PGlite');
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    `${SIGN_UPS} sign-ups for ${PLACES} places, then ${CANCELS} cancellations, on PostgreSQL (pool 10)`,
    async () => {
      const h = await freshPostgres(10);
      await signUpsAndCancellations(h!, 'PostgreSQL, pool 10');
    },
  );

  it.runIf(!process.env.TEST_DATABASE_URL)('on PostgreSQL: skipped, TEST_DATABASE_URL is not set', () => {
    recordFigure('events sign-ups over HTTP (PostgreSQL)', 'skipped — TEST_DATABASE_URL is not set', import.meta.filename);
  });
});

describe('events hammer: the embedded server killed -9 during the sign-ups', () => {
  it(`keeps every acknowledged sign-up, oversells nothing, and finishes at exactly ${PLACES} confirmed after a restart`, async () => {
    const dataDir = await pgliteDataDir();
    const snapshotDir = `${dataDir}-at-kill`;
    let server: ServerProcess | undefined;
    open.push(async () => {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(snapshotDir, { recursive: true, force: true });
    });

    // The crowd and the event are written while no server holds the directory.
    const config = testConfig({ dataDir });
    const setup = await openDatabase({ dataDir });
    const setupApp = await buildApp(setup, config);
    await setupApp.ready();
    const crowd = await prepareCrowd(setupApp, setup.db, config, SIGN_UPS, PLACES);
    await setupApp.close();
    await setup.close();
    const { sessionId } = crowd;

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), GONGHUI_DATA_DIR: dataDir, GONGHUI_SECRET: SECRET, GONGHUI_SEED_DEMO: '0' };
    server = startServer(env);
    if (!(await waitHealthy(port, server, 120_000))) throw new Error(`the server did not start:\n${server.output()}`);

    // All 800 at once; the KILL_AFTER-th answer kills the server, the others are in flight.
    let answered = 0;
    let answeredAtKill = -1;
    const victim = server;
    const started = performance.now();
    const first: Answer[] = await Promise.all(
      crowd.members.map((m, n) =>
        postAs(base, m.cookie, SIGN_UP_URL, { sessionId, key: `crash-${n}` }).then((a) => {
          if (a && ++answered === KILL_AFTER) {
            answeredAtKill = answered;
            process.kill(victim.pid, 'SIGKILL');
          }
          return a;
        }),
      ),
    );
    const killedAfterMs = performance.now() - started;
    // Fewer than KILL_AFTER answers came (connections failed): kill it now, and the test fails below.
    if (answeredAtKill < 0) process.kill(victim.pid, 'SIGKILL');
    const death = await victim.exited;
    const acknowledged = first.flatMap((a, n) => (a?.status === 201 ? [{ n, reg: a.registration! }] : []));
    const otherAnswers = first.filter((a) => a !== null && a.status !== 201).map((a) => `${a!.status} ${a!.body}`);

    // What the killed server left on disk, read from a copy while the server reopens the directory itself.
    fs.cpSync(dataDir, snapshotDir, { recursive: true });
    fs.rmSync(path.join(snapshotDir, 'gonghui.lock'), { force: true });
    const reopening = performance.now();
    server = startServer(env);
    const reopened = await waitHealthy(port, server, 120_000);
    const reopenMs = performance.now() - reopening;
    if (!reopened) throw new Error(`the server did not reopen after kill -9:\n${server.output()}`);
    const snapshot = await openDatabase({ dataDir: snapshotDir });
    const atKill = await countsOf(snapshot.db, sessionId);
    const statusAtKill = await statusById(snapshot.db, sessionId);
    await snapshot.close();
    const lost = acknowledged.filter(({ reg }) => statusAtKill.get(reg.id) !== reg.status);
    const ackConfirmed = acknowledged.filter(({ reg }) => reg.status === 'confirmed').length;

    // The same 800 requests again, same keys (a client that got no answer, or wants to be sure, sends again); a
    // failed connection is sent again too, as a client does.
    const resendStarted = performance.now();
    const again = await Promise.all(
      crowd.members.map(async (m, n) => {
        for (let tries = 0; tries < 5; tries++) {
          const a = await postAs(base, m.cookie, SIGN_UP_URL, { sessionId, key: `crash-${n}` });
          if (a) return a;
          await new Promise((r) => setTimeout(r, 200));
        }
        return null;
      }),
    );
    const resendMs = performance.now() - resendStarted;
    const stopCode = await stopCleanly(server);
    const final = await openDatabase({ dataDir });
    const atEnd = await countsOf(final.db, sessionId);
    const keyed = await final.db
      .selectFrom('event_registration')
      .select(['id', 'request_key'])
      .where('session_id', '=', sessionId)
      .execute();
    await final.close();
    const changedAnswers = acknowledged.filter(({ n, reg }) => {
      const later = again[n]?.registration;
      return later?.id !== reg.id || later.status !== reg.status;
    });

    recordFigure(
      'events kill -9 during sign-ups (PGlite)',
      `killed after ${answeredAtKill} of ${SIGN_UPS} answers (${seconds(killedAfterMs)} s; ${acknowledged.length} acknowledged, ` +
        `${ackConfirmed} confirmed); on disk ${atKill.confirmed} confirmed (≤ ${PLACES}), ${atKill.waitlisted} waitlisted, ` +
        `${atKill.rows - acknowledged.length} committed whose answer was lost, people twice ${atKill.twice}, acknowledged lost ${lost.length}; ` +
        `reopened in ${seconds(reopenMs)} s; the ${SIGN_UPS} re-sent with the same keys in ${seconds(resendMs)} s: ` +
        `${atEnd.confirmed} confirmed, ${atEnd.waitlisted} waitlisted, ${atEnd.rows} registrations, keys twice ${atEnd.keysTwice}, ` +
        `answers changed ${changedAnswers.length}`,
      import.meta.filename,
    );
    expect(death.signal).toBe('SIGKILL');
    expect(answeredAtKill).toBe(KILL_AFTER);
    expect(otherAnswers).toEqual([]);
    // The kill fell in the middle: some were answered, some never were.
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acknowledged.length).toBeLessThan(SIGN_UPS);
    expect(atKill.confirmed).toBeLessThanOrEqual(PLACES);
    expect(atKill.counter).toBe(atKill.confirmed);
    expect(atKill.twice).toBe(0);
    expect(atKill.keysTwice).toBe(0);
    expect(lost.map(({ n, reg }) => `crash-${n}: ${reg.status}`)).toEqual([]);

    expect(again.filter((a) => a?.status !== 201).map((a) => a?.body ?? 'no answer')).toEqual([]);
    expect(changedAnswers.map(({ n }) => `crash-${n}`)).toEqual([]);
    expect(stopCode).toBe(0);
    expect(atEnd).toEqual({
      confirmed: PLACES,
      waitlisted: SIGN_UPS - PLACES,
      cancelled: 0,
      other: 0,
      rows: SIGN_UPS,
      counter: PLACES,
      capacity: PLACES,
      twice: 0,
      keysTwice: 0,
    });
    // Each key made exactly one registration, and each member's registration answers to that member's key.
    expect(new Set(keyed.map((r) => r.request_key)).size).toBe(SIGN_UPS);
    expect(new Set(again.map((a) => a!.registration!.id))).toEqual(new Set(keyed.map((r) => r.id)));
  });
});
