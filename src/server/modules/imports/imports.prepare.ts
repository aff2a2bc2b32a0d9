import type { ResourceLimits } from 'node:worker_threads';
import { AppError } from '../../../common/errors.js';
import type { Config } from '../../config.js';
import type { PiiCipher } from '../../crypto/pii.js';
import type { FileSealer } from '../../crypto/sealed-file.js';
import { startWorker } from '../../workers.js';
import { sealPerson, type SealedPerson } from '../members/members.person.js';
import { readRoster, type RosterHeader, type RosterRow } from '../rosters/roster.read.js';
import type { RosterSource } from '../rosters/roster.source.js';
import type { RosterLimits } from '../rosters/roster.columns.js';
import { createDuplicateTracker, validateRosterRow, type NormalisedRow } from '../rosters/roster.validate.js';
import { asRosterFileError, RosterFileError, type RosterFileErrorCode } from '../rosters/roster.file-error.js';
import type { RowProblem } from '../rosters/roster.problems.js';
import { createEmployerMatcher, type CoveredEmployer, type EmployerMatcher } from '../rosters/roster.employer-match.js';

/**
 * A roster row made ready for its batch: validated, placed on the union's employer and, when it is to be written,
 * sealed. Everything the database does not decide is done here, in a worker thread (`prepareInWorker`), while the
 * main thread writes the batch before.
 */
export type PreparedRow = {
  rowNumber: number;
  /** The row as read, for its line in the error file: kept only for a row with problems. */
  row: RosterRow | null;
  problems: RowProblem[];
  /** What the member is admitted from: a valid row, unless it is held (`heldFor` while the union has employers on record). */
  admission: {
    person: SealedPerson;
    employerId: number | null;
    employerName: string | null;
    employmentForm: NormalisedRow['employmentForm'];
    joinDate: string;
  } | null;
  /** The 所在单位 of a valid row that names no covered employer (held, or imported without one: see `placeOnEmployer`). */
  heldFor: string | null;
};

/** What the preparation needs to know of the job. */
export type PrepareInput = {
  /** The roster file, plain (an operator's own) or sealed (an upload). */
  file: { path: string; sealed: boolean };
  limits?: Partial<RosterLimits>;
  /** The employers the union covers; a union with none on record cannot hold rows (see `placeOnEmployer`). */
  covered: CoveredEmployer[];
  /** Rows per batch: one transaction each. */
  batchRows: number;
  /** Rows already committed by an earlier run of the job (a resumed job): only their error-file lines are redone. */
  committed: number;
};

/** The preparation's output, in file order: the header once, then rows already committed and rows to write, in batches. */
export type Prepared =
  | { kind: 'header'; header: RosterHeader }
  /** Rows committed before a crash: only the ones with problems, for their error-file lines. */
  | { kind: 'replay'; rows: PreparedRow[] }
  | { kind: 'batch'; rows: PreparedRow[] };

/**
 * Puts a valid row on the covered employer its 所在单位 names. A row naming another employer is held, not imported: a
 * member counted by a union whose employers do not employ them inflates its 入会率 (issue #11: 215 %). A row without
 * an employer (a gig worker's may have none) is imported without one. A union with no employer on record yet
 * (`isHolding` false) cannot be matched against at all: its rows are imported without an employer, as before, and
 * their names still reported, so that the cadre records the employers.
 */
function placeOnEmployer(
  value: NormalisedRow,
  match: EmployerMatcher,
  isHolding: boolean,
): Pick<PreparedRow, 'problems' | 'heldFor'> & {
  employerId: number | null;
} {
  const name = value.employerName;
  if (!name) return { problems: [], heldFor: null, employerId: null };
  const employer = match(name, value.employerUscc);
  if (employer) return { problems: [], heldFor: null, employerId: employer.id };
  if (!isHolding) return { problems: [], heldFor: name, employerId: null };
  return { problems: [{ column: '所在单位', code: 'EMPLOYER_UNKNOWN', params: { name } }], heldFor: name, employerId: null };
}

/**
 * Reads, validates, places and seals every row of the roster, in batches of `input.batchRows`. Runs in the worker
 * (`imports.prepare.worker.ts`); the source is opened by the caller (a sealed upload needs the files key).
 */
export async function* prepareRoster(
  source: string | RosterSource,
  input: Omit<PrepareInput, 'file'>,
  cipher: PiiCipher,
): AsyncGenerator<Prepared> {
  const match = createEmployerMatcher(input.covered);
  const isHolding = input.covered.length > 0;
  const tracker = createDuplicateTracker();
  const headers: RosterHeader[] = [];
  let seen = 0;
  let replay: PreparedRow[] = [];
  let batch: PreparedRow[] = [];
  for await (const row of readRoster(source, { onHeader: (h) => headers.push(h), ...(input.limits ? { limits: input.limits } : {}) })) {
    const header = headers.shift();
    if (header) yield { kind: 'header', header };
    seen++;
    const result = validateRosterRow(row, { duplicates: tracker });
    const placed = result.ok
      ? placeOnEmployer(result.value, match, isHolding)
      : { problems: result.problems, heldFor: null, employerId: null };
    const problems = placed.problems;
    if (seen <= input.committed) {
      if (problems.length > 0) replay.push({ rowNumber: row.rowNumber, row, problems, admission: null, heldFor: null });
      if (replay.length >= input.batchRows) {
        yield { kind: 'replay', rows: replay };
        replay = [];
      }
      continue;
    }
    if (replay.length > 0) {
      yield { kind: 'replay', rows: replay };
      replay = [];
    }
    const admitted = result.ok && problems.length === 0;
    batch.push({
      rowNumber: row.rowNumber,
      row: problems.length > 0 ? row : null,
      problems,
      admission: admitted
        ? {
            person: sealPerson(cipher, result.value),
            employerId: placed.employerId,
            employerName: result.value.employerName,
            employmentForm: result.value.employmentForm,
            joinDate: result.value.joinDate,
          }
        : null,
      heldFor: placed.heldFor,
    });
    if (batch.length >= input.batchRows) {
      yield { kind: 'batch', rows: batch };
      batch = [];
    }
  }
  const header = headers.shift();
  if (header) yield { kind: 'header', header };
  if (replay.length > 0) yield { kind: 'replay', rows: replay };
  if (batch.length > 0) yield { kind: 'batch', rows: batch };
}

/** `prepareRoster` of the job's file, plain or sealed, on the calling thread. */
export async function* prepareFile(input: PrepareInput, files: FileSealer, cipher: PiiCipher): AsyncGenerator<Prepared> {
  const source = input.file.sealed ? await files.open(input.file.path) : undefined;
  try {
    yield* prepareRoster(source ?? input.file.path, input, cipher);
  } finally {
    await source?.close();
  }
}

/** Messages from the worker: what it prepared, its end, or why the file could not be read. */
export type FromWorker =
  | { kind: 'prepared'; prepared: Prepared }
  | { kind: 'end' }
  | {
      kind: 'failed';
      error:
        | { type: 'app'; code: string; params: Record<string, unknown> }
        | { type: 'file'; code: RosterFileErrorCode; params: Record<string, string | number> };
    };

/** What the worker is started with: the job's input, where the key comes from, and the cipher it must match. */
export type WorkerInput = PrepareInput & { secret: Config['secret']; dataDir: string; fingerprint: string };

/**
 * The worker's heap: it holds a few batches live (the duplicate tracker's typed arrays sit outside it), and V8 lets a
 * heap grow to several times its live size when its limit is large. With these limits a 300,000-row import on PGlite
 * peaked at 325–337 MiB instead of 363–371 (bench/README.md, "Member import in a worker thread").
 */
const PREPARER_HEAP = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 8 };

/** Batches the worker may run ahead of the writer: enough to keep it busy, few enough to bound the memory. */
export const PREPARED_AHEAD = 2;

/** The error a worker reported, as the thread that threw it would have seen it. */
export function failureOf(error: unknown): Extract<FromWorker, { kind: 'failed' }>['error'] {
  if (error instanceof AppError) return { type: 'app', code: error.code, params: error.params };
  const file = asRosterFileError(error);
  return { type: 'file', code: file.code, params: file.params };
}

/**
 * The preparation's thread died without reporting why (out of its heap, say): the platform failed, not the file, so
 * the job fails as an internal error rather than as a corrupt file.
 */
export class PreparationCrashed extends Error {
  constructor(cause: unknown) {
    super('the roster preparation stopped without finishing the file', { cause });
    this.name = 'PreparationCrashed';
  }
}

/**
 * Runs `prepareFile` in a worker thread and yields what it prepares, so that reading, validating and sealing (about
 * half of the importer's own CPU) use the second core while this thread writes. The worker runs at most
 * `PREPARED_AHEAD` batches ahead; leaving the loop early (a stop, a failed write) ends the worker. `heap` is the
 * worker's limit (a test gives one too small to start in).
 */
export async function* prepareInWorker(
  input: PrepareInput,
  config: Pick<Config, 'secret' | 'dataDir'>,
  cipher: PiiCipher,
  heap: ResourceLimits = PREPARER_HEAP,
): AsyncGenerator<Prepared> {
  const workerInput: WorkerInput = { ...input, secret: config.secret, dataDir: config.dataDir, fingerprint: cipher.fingerprint() };
  const worker = startWorker(import.meta.url, 'imports.prepare.worker', workerInput, heap);
  const queue: FromWorker[] = [];
  let wake: (() => void) | undefined;
  let crashed: { error: unknown } | undefined;
  let exited: { code: number } | undefined;
  worker.on('message', (message: FromWorker) => {
    queue.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    crashed = { error };
    wake?.();
  });
  worker.on('exit', (code) => {
    exited = { code };
    wake?.();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (crashed) throw new PreparationCrashed(crashed.error);
        if (exited) throw new PreparationCrashed(new Error(`the worker exited with code ${exited.code}`));
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if (message.kind === 'end') return;
      if (message.kind === 'failed') {
        const { error } = message;
        throw error.type === 'app'
          ? new AppError(error.code as AppError['code'], error.params as AppError['params'])
          : new RosterFileError(error.code, error.params);
      }
      yield message.prepared;
      if (message.prepared.kind !== 'header') worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}
