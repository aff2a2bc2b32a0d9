/**
 * The Citus trial (issue #10): does the unchanged application work on Citus after `distribute`, and how does it
 * place the city? On a freshly reset Citus database (`/work/citus/cluster.sh reset-db gh_trial`):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:9700/gh_trial node --import tsx scripts/citus-trial.ts
 *
 * Phases, in order (TRIAL_PHASES=journeys,plans to run some again on a database already loaded and distributed):
 *   load        migrations, the demo tree and admin as `npm start` makes them, TRIAL_MEMBERS (200,000) members over
 *               the 16 districts (bench fixture), 东城's demo members through the members service (TRIAL_DEMO_MEMBERS)
 *   distribute  `npm run cli -- distribute --shards 32`
 *   skew        rows and bytes of member per worker and per shard; which districts share a shard
 *   journeys    named API journeys through app.inject(), one line per call; every SQL statement they send recorded
 *   plans       EXPLAIN of every statement recorded: router (one task) or fanned out; the hot paths in full
 *               (TRIAL_STATEMENTS_FILE=<file>: each of them written there, parameters inlined, under its step's name)
 *   isolate     the two largest districts isolated in shards of their own, a rebalance by disk size, the skew again
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { distribute } from '../src/server/db/distribute.js';
import { buildApp } from '../src/server/app.js';
import { loadWorld, openTrialDatabase, trialConfig } from './citus-trial/load.js';
import { isolateRegions, largestRegions, printSkew, rebalanceByDiskSize } from './citus-trial/skew.js';
import { runJourneys } from './citus-trial/journeys.js';
import { inlineParameters, printPlans } from './citus-trial/plans.js';
import { startRecording } from './citus-trial/recorder.js';

const phases = ['load', 'distribute', 'skew', 'journeys', 'plans', 'isolate'] as const;
type Phase = (typeof phases)[number];

function chosenPhases(): Set<Phase> {
  const raw = process.env.TRIAL_PHASES;
  if (!raw) return new Set(phases);
  const chosen = raw.split(',').map((p) => p.trim());
  for (const p of chosen)
    if (!(phases as readonly string[]).includes(p)) throw new Error(`unknown phase ${p}; phases: ${phases.join(', ')}`);
  return new Set(chosen as Phase[]);
}

function count(name: string, fallback: number | undefined): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer`);
  return value;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the Citus database (coordinator)');
  const run = chosenPhases();
  const config = trialConfig(url);

  if (run.has('load')) {
    const started = performance.now();
    const report = await loadWorld(config, count('TRIAL_MEMBERS', 200_000) ?? 200_000, count('TRIAL_DEMO_MEMBERS', undefined));
    console.log(
      `## Load: ${report.spreadMembers} members over the city in ${report.spreadSeconds.toFixed(1)} s (with bootstrap), ` +
        `${report.demoMembers} demo members of 东城 in ${report.demoSeconds.toFixed(1)} s; ${seconds(started)} in all`,
    );
  }

  const database = await openTrialDatabase(config);
  try {
    if (run.has('distribute')) {
      const started = performance.now();
      const lines = await distribute(database.db, { shardCount: 32 });
      console.log(`\n## distribute --shards 32 (${seconds(started)})`);
      for (const line of lines) console.log(`  ${line}`);
      await sql`ANALYZE`.execute(database.db);
    }
    if (run.has('skew')) await printSkew(database.db, 'after distribute, 32 shards');

    if (run.has('journeys') || run.has('plans')) {
      const recorder = startRecording();
      // The application's own log (warnings and errors: the cause of a 500) goes to stderr.
      const app = await buildApp(database, config, { logger: true, logStream: process.stderr });
      await app.ready();
      try {
        const outcome = await runJourneys(app, database, recorder);
        recorder.stop();
        console.log(
          `\n## Journeys: ${outcome.passed} passed, ${outcome.failed} failed${outcome.skipped.length ? `, skipped: ${outcome.skipped.join(', ')}` : ''}`,
        );
        const dump = process.env.TRIAL_STATEMENTS_FILE;
        if (dump) {
          const lines = recorder.statements().map((st) => `-- ${st.step}\n${inlineParameters(st.text, st.values)};\n`);
          fs.writeFileSync(dump, lines.join('\n'));
        }
        if (run.has('plans')) await printPlans(url, recorder.statements(), outcome.hot);
      } finally {
        recorder.stop();
        await app.importQueue.stop();
        await app.close();
      }
    }

    if (run.has('isolate')) {
      const two = await largestRegions(database.db, 2);
      console.log(`\n## Isolating the two largest regions: ${two.map((r) => `${r.name} (${r.regionId}, ${r.members})`).join(', ')}`);
      await isolateRegions(
        database.db,
        two.map((r) => r.regionId),
      );
      await printSkew(database.db, 'after isolate_tenant_to_new_shard of the two largest');
      await rebalanceByDiskSize(database.db);
      await printSkew(database.db, 'after rebalance_table_shards by disk size');
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`citus trial failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
