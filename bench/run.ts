/**
 * `npm run bench` — every benchmark of the platform on each engine, each figure beside a baseline measured in
 * the same run, as a ratio. Prints a table per engine and writes bench/results/<date>-<engine>[-mode][-n].json.
 *
 *   npm run bench                      1M-row import, 1M members (about 20 min per engine on 2 cores)
 *   npm run bench -- --quick           small sizes, short loads: under 3 minutes for both engines
 *   npm run bench -- --scale 10m       as the default, then grown to 10M members for roll-up, search and HTTP
 *   npm run bench -- --engine pglite   one engine only (pglite | postgres | both, the default)
 *   npm run bench -- --only search,http   some sections only (import, startup, rollup, search, http, export, points, events, report)
 *
 * PostgreSQL: fresh databases are made (and dropped) on BENCH_DATABASE_URL, default the local server.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { freshStore, machine, root, say, type Engine, type Section } from './lib/context.js';
import { loadFixture } from './lib/fixture.js';
import { benchExport } from './scenarios/export.js';
import { benchHttp } from './scenarios/http.js';
import { benchImport } from './scenarios/import.js';
import { benchRollup } from './scenarios/rollup.js';
import { benchSearch } from './scenarios/search.js';
import { benchStartup } from './scenarios/startup.js';
import { benchPoints } from './scenarios/points.js';
import { benchEvents } from './scenarios/events.js';
import { benchLedgerReport } from './ledger-report.js';

const SECTIONS = ['startup', 'import', 'rollup', 'search', 'http', 'export', 'points', 'events', 'report'] as const;
type SectionId = (typeof SECTIONS)[number];

type Mode = {
  name: 'quick' | '1m' | '10m';
  importRows: number;
  /** Member counts the fixture is measured at, in order (it grows from one to the next). */
  members: number[];
  runs: number;
  httpSeconds: number;
  demoScale: number;
};

const MODES: Record<Mode['name'], Mode> = {
  quick: { name: 'quick', importRows: 5_000, members: [30_000], runs: 100, httpSeconds: 2, demoScale: 0.1 },
  '1m': { name: '1m', importRows: 1_000_000, members: [1_000_000], runs: 300, httpSeconds: 10, demoScale: 1 },
  '10m': { name: '10m', importRows: 1_000_000, members: [1_000_000, 10_000_000], runs: 300, httpSeconds: 10, demoScale: 1 },
};

/** A wrong option is the caller's mistake: say so in one line and stop, without a stack trace. */
function usage(message: string): never {
  process.stderr.write(`npm run bench: ${message}\n`);
  process.exit(2);
}

let parsed: ReturnType<typeof parseOptions>;
try {
  parsed = parseOptions();
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const { values } = parsed;

function parseOptions() {
  return parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      scale: { type: 'string', default: '1m' },
      engine: { type: 'string', default: 'both' },
      only: { type: 'string' },
    },
  });
}
const mode = MODES[values.quick ? 'quick' : (values.scale.toLowerCase() as Mode['name'])];
if (!mode) usage(`--scale must be 1m or 10m, got ${values.scale}`);
const engines: Engine[] = values.engine === 'both' ? ['pglite', 'postgres'] : [values.engine as Engine];
if (!engines.every((e) => e === 'pglite' || e === 'postgres')) usage(`--engine must be pglite, postgres or both, got ${values.engine}`);
const only = new Set<SectionId>((values.only?.split(',') ?? SECTIONS).map((s) => s.trim() as SectionId));
for (const s of only) if (!SECTIONS.includes(s)) usage(`--only: unknown section ${s}; known: ${SECTIONS.join(', ')}`);

/** The server version of each engine, read from a fixture's database. */
const versions = new Map<Engine, string>();

async function runEngine(engine: Engine): Promise<Section[]> {
  const sections: Section[] = [];
  const add = (section: Section) => {
    sections.push(section);
    printSection(engine, section);
  };
  if (only.has('startup')) add(await benchStartup(engine, { demoScale: mode.demoScale }));
  if (only.has('import')) add(await benchImport(engine, Number(process.env.BENCH_IMPORT_ROWS ?? mode.importRows)));
  if (only.has('points')) add(await benchPoints(engine, 10_000));
  // No database: measured once, with the first engine.
  if (only.has('report') && engine === engines[0]) add(await benchLedgerReport(mode.name === 'quick' ? 100 : 1000));
  if (only.has('events'))
    add(
      await benchEvents(engine, {
        signups: Number(process.env.BENCH_EVENTS_SIGNUPS ?? (mode.name === 'quick' ? 500 : 2_000)),
        connections: 50,
      }),
    );
  if (['rollup', 'search', 'http', 'export'].some((s) => only.has(s as SectionId))) {
    const store = await freshStore(engine, 'members');
    try {
      // BENCH_MEMBERS=200000: the fixture at that size only (a profile or a quick look at one section).
      const [first, ...more] = process.env.BENCH_MEMBERS ? [Number(process.env.BENCH_MEMBERS)] : mode.members;
      say(`${engine}: fixture of ${first!.toLocaleString('en')} members`);
      const loadStarted = performance.now();
      const fixture = await loadFixture(store, first!);
      say(`${engine}: fixture loaded in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s`);
      const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(fixture.database.db);
      versions.set(engine, rows[0]?.v ?? 'unknown');
      try {
        const measure = async (withExport: boolean) => {
          if (only.has('rollup')) add(await benchRollup(fixture, mode.runs));
          if (only.has('search')) add(await benchSearch(fixture, mode.runs));
          if (only.has('http')) add(await benchHttp(fixture, { durationSeconds: mode.httpSeconds, connections: 50 }));
          if (withExport && only.has('export')) add(await benchExport(fixture));
        };
        await measure(true);
        for (const target of more) {
          say(`${engine}: growing the fixture to ${target.toLocaleString('en')} members`);
          const seconds = await fixture.grow(target);
          say(`${engine}: grown in ${seconds.toFixed(0)} s`);
          await measure(false);
        }
      } finally {
        await fixture.close();
      }
    } finally {
      await store.drop();
    }
  }
  return sections;
}

function printSection(engine: Engine, section: Section): void {
  const lines = [`\n${engine} — ${section.title}`];
  const width = Math.max(...section.figures.map((f) => f.name.length), 10);
  for (const f of section.figures) {
    const value = `${format(f.value)} ${f.unit}`;
    const base = f.baseline ? `${f.baseline.name}: ${format(f.baseline.value)}` : '';
    const ratio = f.ratio !== undefined ? `${f.ratio}×` : '';
    lines.push(`  ${f.name.padEnd(width)}  ${value.padStart(16)}  ${ratio.padStart(8)}  ${base}${f.note ? `  (${f.note})` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function format(value: number): string {
  return value >= 1000 ? Math.round(value).toLocaleString('en') : String(value);
}

// Each engine in a process of its own: a peak RSS measured for one engine must not carry the memory the other
// left behind (PGlite's WebAssembly memory never shrinks).
if (engines.length > 1) {
  for (const engine of engines) {
    const args = process.argv.slice(2).filter((a, i, all) => a !== '--engine' && all[i - 1] !== '--engine' && !a.startsWith('--engine='));
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench/run.ts'), ...args, '--engine', engine], {
      stdio: 'inherit',
    });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
  process.exit(0);
}

const started = new Date();
const results = path.join(root, 'bench/results');
fs.mkdirSync(results, { recursive: true });

/** `<name>.json`, or `<name>-2.json`, `-3`… when an earlier run of the day wrote it: a run never overwrites another's figures. */
function unusedResultFile(name: string): string {
  for (let n = 1; ; n++) {
    const file = path.join(results, `${name}${n === 1 ? '' : `-${n}`}.json`);
    if (!fs.existsSync(file)) return file;
  }
}
for (const engine of engines) {
  const engineStarted = performance.now();
  const sections = await runEngine(engine);
  const file = unusedResultFile(`${started.toISOString().slice(0, 10)}-${engine}${mode.name === '1m' ? '' : `-${mode.name}`}`);
  const report = {
    engine,
    mode: mode.name,
    startedAt: started.toISOString(),
    minutes: +((performance.now() - engineStarted) / 60_000).toFixed(1),
    machine: machine(),
    engineVersion: versions.get(engine) ?? null,
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    sections,
  };
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  say(`${engine}: ${report.minutes} min; written ${path.relative(root, file)}`);
}
