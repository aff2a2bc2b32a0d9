/**
 * Member import of a generated roster through the command-line importer — the whole pipeline: parse, validate,
 * normalise, encrypt, blind index, de-duplicate, insert, roll-ups — into a union of a fresh store; beside two
 * baselines on fresh stores of the same engine: a raw `COPY` of the very same file into a bare table of text
 * columns, and a `COPY` of the rows the importer wrote (sealed, pinyin, cards: dumped from its `member` table) into
 * the real `member` table of a store set up the same way, with all its indexes, checks and foreign keys — what the
 * database alone costs for those rows.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { figure, npmScript, freshStore, processPeakRssMb, root, say, type Engine, type Section, type Store } from '../lib/context.js';
import { writeRosterCsv } from '../roster-files.js';
import setupUnion from '../setup-union.js';

type Summary = { imported: number; rejected: number; duplicates: number };

export async function benchImport(engine: Engine, rows: number): Promise<Section> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-bench-roster-'));
  try {
    const file = path.join(dir, `roster-${rows}.csv`);
    say(`import: writing a ${rows.toLocaleString('en')}-row roster`);
    await writeRosterCsv(file, rows);
    const copySeconds = await rawCopy(engine, file);
    say(`import: raw COPY ${copySeconds.toFixed(1)} s; now the importer`);
    const store = await freshStore(engine, 'import');
    const prepared = path.join(dir, 'members.csv');
    let run: Awaited<ReturnType<typeof runCli>>;
    try {
      const orgId = await setupUnion(store.env);
      run = await runCli(store.env, ['import-members', file, '--org', String(orgId)]);
      await copyMembers(store, 'to', prepared);
    } finally {
      await store.drop();
    }
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Summary;
    const preparedSeconds = await preparedCopy(engine, prepared);
    say(`import: COPY of the ${summary.imported.toLocaleString('en')} prepared member rows ${preparedSeconds.toFixed(1)} s`);
    return {
      id: 'import',
      title: `Member import of a ${rows.toLocaleString('en')}-row roster (.csv)`,
      figures: [
        figure(
          'import, whole pipeline',
          rows / run.seconds,
          'rows/s',
          { name: 'raw COPY into a bare table', value: rows / copySeconds },
          'higher',
        ),
        // Both per roster row: the ratio is the prepared COPY's time over the import's.
        figure(
          'import vs its prepared rows',
          rows / run.seconds,
          'rows/s',
          { name: 'COPY of the rows it wrote into member', value: rows / preparedSeconds },
          'higher',
        ),
        figure('importer peak RSS', run.peakMb, 'MiB', undefined, 'lower'),
      ],
      details: {
        rows,
        seconds: +run.seconds.toFixed(1),
        copySeconds: +copySeconds.toFixed(2),
        preparedCopySeconds: +preparedSeconds.toFixed(2),
        fileMiB: +(fs.statSync(file).size / 2 ** 20).toFixed(1),
        ...summary,
      },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds for COPY of the file's rows (header skipped) into a new table of seven text columns. */
async function rawCopy(engine: Engine, file: string): Promise<number> {
  const store = await freshStore(engine, 'copy');
  try {
    const database = await store.open();
    try {
      const create = 'CREATE TABLE bare (name text, id_number text, phone text, gender text, form text, employer text, join_date text)';
      if (database.pglite) {
        await database.pglite.exec(create);
        const blob = await fs.openAsBlob(file);
        const started = performance.now();
        await database.pglite.query(`COPY bare FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob });
        return (performance.now() - started) / 1000;
      }
      await sql.raw(create).execute(database.db);
      const started = performance.now();
      const psql = spawnSync(
        'psql',
        [store.env.DATABASE_URL!, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy bare FROM '${file}' WITH (FORMAT csv, HEADER true)`],
        {
          encoding: 'utf8',
        },
      );
      if (psql.status !== 0) throw new Error(`psql \\copy failed: ${psql.stderr}`);
      return (performance.now() - started) / 1000;
    } finally {
      await database.close();
    }
  } finally {
    await store.drop();
  }
}

/**
 * Seconds for COPY of prepared member rows into the real `member` table of a fresh store holding the same union (same
 * ids: the set-up is deterministic), so every index, check and foreign key of the table is paid as by the importer.
 */
async function preparedCopy(engine: Engine, file: string): Promise<number> {
  const store = await freshStore(engine, 'prepared');
  try {
    await setupUnion(store.env);
    const started = performance.now();
    await copyMembers(store, 'from', file);
    return (performance.now() - started) / 1000;
  } finally {
    await store.drop();
  }
}

/** COPY of every `member` row of a store to or from a CSV file (PGlite through its blob device, PostgreSQL through psql). */
async function copyMembers(store: Store, direction: 'to' | 'from', file: string): Promise<void> {
  if (store.engine === 'postgres') {
    const psql = spawnSync(
      'psql',
      [store.env.DATABASE_URL!, '-v', 'ON_ERROR_STOP=1', '-qc', `\\copy member ${direction} '${file}' WITH (FORMAT csv)`],
      {
        encoding: 'utf8',
      },
    );
    if (psql.status !== 0) throw new Error(`psql \\copy failed: ${psql.stderr}`);
    return;
  }
  const database = await store.open();
  try {
    if (direction === 'to') {
      const result = await database.pglite!.query(`COPY member TO '/dev/blob' WITH (FORMAT csv)`);
      fs.writeFileSync(file, Buffer.from(await result.blob!.arrayBuffer()));
    } else {
      await database.pglite!.query(`COPY member FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: await fs.openAsBlob(file) });
    }
  } finally {
    await database.close();
  }
}

/** `npm run cli -- …` as its own process (what npm runs: the built `dist/server/cli.js` with the script's node options), timed, with its peak resident set (VmHWM) read while it runs. */
async function runCli(env: Record<string, string>, args: string[]): Promise<{ stdout: string; seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [...npmScript('cli'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let peakMb = 0;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const timer = setInterval(() => (peakMb = Math.max(peakMb, processPeakRssMb(child.pid!))), 200);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`cli ${args[0]} exited ${code}: ${stderr}`);
  return { stdout, seconds: (performance.now() - started) / 1000, peakMb };
}
