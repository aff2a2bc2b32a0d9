import { columnForHeader, ROSTER_COLUMNS, ROSTER_LIMITS, type ColumnKey, type RosterLimits } from './roster.columns.js';
import { asRosterFileError, RosterFileError } from './roster.file-error.js';
import { csvSheet, readHead, sniffDelimiter, sniffEncoding, type CsvDelimiter, type CsvEncoding } from './roster.read-csv.js';
import { openXlsx } from './roster.read-xlsx.js';
import { openPlainSource, type RosterSource, type SheetRow, type SheetSource } from './roster.source.js';

/** One data row: the roster's cells by column (as displayed, untrimmed; '' when absent) and every cell as found. */
export type RosterRow = { rowNumber: number; cells: Record<ColumnKey, string>; raw: string[] };

/** Where the roster was found in the file; the error file repeats `headers`. */
export type RosterHeader = {
  format: 'xlsx' | 'csv';
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  sheetName: string;
  rowNumber: number;
  /** The header row as written, up to its last non-empty cell. */
  headers: string[];
  /** Position in `raw` of each known column. */
  columns: Partial<Record<ColumnKey, number>>;
};

export type ReadRosterOptions = {
  signal?: AbortSignal;
  limits?: Partial<RosterLimits>;
  /** Called once, before the first row, when the header row has been found. */
  onHeader?: (header: RosterHeader) => void;
};

const HEAD_BYTES = 64 * 1024;
/** A row naming at least this many known columns is the header row. */
const MIN_HEADER_MATCHES = 2;

function isBlank(values: readonly string[]): boolean {
  return values.every((v) => v.trim() === '');
}

type HeaderMatch = { headers: string[]; columns: Partial<Record<ColumnKey, number>>; matches: number };

function matchHeader(values: readonly string[]): HeaderMatch {
  const columns: Partial<Record<ColumnKey, number>> = {};
  values.forEach((value, index) => {
    const key = columnForHeader(value);
    if (key && columns[key] === undefined) columns[key] = index;
  });
  let last = values.length - 1;
  while (last >= 0 && values[last]!.trim() === '') last--;
  return { headers: values.slice(0, last + 1).map((v) => v.trim()), columns, matches: Object.keys(columns).length };
}

function missingRequired(columns: Partial<Record<ColumnKey, number>>): string[] {
  return ROSTER_COLUMNS.filter((c) => c.isRequired && columns[c.key] === undefined).map((c) => c.header);
}

type OpenedFile = { format: 'xlsx' | 'csv'; encoding?: CsvEncoding; delimiter?: CsvDelimiter; sheets: SheetSource[] };

async function openRosterFile(file: RosterSource, limits: RosterLimits): Promise<OpenedFile> {
  const { size } = file;
  if (size === 0) throw new RosterFileError('EMPTY_FILE');
  if (size > limits.maxFileBytes) {
    throw new RosterFileError('FILE_TOO_LARGE', {
      sizeMiB: (size / 1048576).toFixed(1),
      maxMiB: Math.floor(limits.maxFileBytes / 1048576),
    });
  }
  const head = await readHead(file, HEAD_BYTES);
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 0x03 || head[2] === 0x05) && (head[3] === 0x04 || head[3] === 0x06)) {
    return { format: 'xlsx', sheets: (await openXlsx(file, limits)).sheets };
  }
  if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw new RosterFileError('UNKNOWN_FORMAT', { detected: 'xls' });
  const sniffed = sniffEncoding(head);
  if (!sniffed) throw new RosterFileError('UNKNOWN_FORMAT', { detected: 'binary' });
  const headText = new TextDecoder(sniffed.encoding === 'gb18030' ? 'gb18030' : sniffed.encoding).decode(head.subarray(sniffed.bomBytes));
  const delimiter = sniffDelimiter(headText);
  const sheet = csvSheet(file, sniffed.encoding, sniffed.bomBytes, delimiter, limits);
  return { format: 'csv', encoding: sniffed.encoding, delimiter, sheets: [sheet] };
}

/**
 * Streams the member rows of an uploaded roster (.xlsx or .csv, told apart by content; CSV in UTF-8, GBK/GB18030
 * or UTF-16 with a byte-order mark). The header row is searched for in the first rows of each visible sheet;
 * unknown columns are kept in `raw` only; blank rows are skipped. Anything wrong with the file as a whole is
 * a `RosterFileError`; rows already yielded before it count for nothing — the file is refused as a whole. So
 * that such an error comes before the first data row where it can: once the header is found, a CSV's rows are
 * counted and an .xlsx sheet is inflated to its end (declared size, checksum, complete XML) without parsing.
 * Stop early by breaking out of the loop or through `signal` (which throws its reason). Reads a plain file by
 * its path (opened and closed here), or a source the caller opened (a sealed upload) and closes.
 */
export async function* readRoster(input: string | RosterSource, options: ReadRosterOptions = {}): AsyncGenerator<RosterRow> {
  const limits: RosterLimits = { ...ROSTER_LIMITS, ...options.limits };
  const { signal } = options;
  signal?.throwIfAborted();
  let openedHere: RosterSource | undefined;
  let callerError: { error: unknown } | undefined; // thrown by onHeader: the caller's own, passed on as it is
  try {
    if (typeof input === 'string') {
      try {
        openedHere = await openPlainSource(input);
      } catch (error) {
        throw new RosterFileError('CORRUPT_FILE', { detail: error instanceof Error ? error.message : String(error) });
      }
    }
    const opened = await openRosterFile(openedHere ?? (input as RosterSource), limits);
    let best: HeaderMatch | undefined;
    for (const sheet of opened.sheets) {
      let header: (HeaderMatch & { rowNumber: number }) | undefined;
      let seenRows = 0;
      let nonBlankUpToHeader = 0;
      let dataRows = 0;
      for await (const row of sheet.rows()) {
        signal?.throwIfAborted();
        if (!header) {
          if (++seenRows > limits.maxHeaderSearchRows) break;
          if (isBlank(row.values)) continue;
          nonBlankUpToHeader++;
          const match = matchHeader(row.values);
          if (!best || match.matches > best.matches) best = match;
          if (match.matches < MIN_HEADER_MATCHES) continue;
          const missing = missingRequired(match.columns);
          if (missing.length > 0) throw new RosterFileError('MISSING_COLUMNS', { columns: missing.join('、') });
          header = { ...match, rowNumber: row.rowNumber };
          await rejectIfTooManyRecords(sheet, nonBlankUpToHeader, limits);
          await sheet.verify?.();
          try {
            options.onHeader?.({
              format: opened.format,
              ...(opened.encoding ? { encoding: opened.encoding } : {}),
              ...(opened.delimiter ? { delimiter: opened.delimiter } : {}),
              sheetName: sheet.name,
              rowNumber: row.rowNumber,
              headers: match.headers,
              columns: match.columns,
            });
          } catch (error) {
            callerError = { error };
            throw error;
          }
          continue;
        }
        if (isBlank(row.values)) continue;
        if (++dataRows > limits.maxRows) throw new RosterFileError('TOO_MANY_ROWS', { max: limits.maxRows });
        yield toRosterRow(row, header);
      }
      if (header) {
        if (dataRows === 0) throw new RosterFileError('EMPTY_FILE');
        return;
      }
    }
    if (!best) throw new RosterFileError('EMPTY_FILE');
    throw new RosterFileError('MISSING_COLUMNS', { columns: missingRequired(best.columns).join('、') });
  } catch (error) {
    if ((signal?.aborted && error === signal.reason) || (callerError && error === callerError.error)) throw error;
    throw asRosterFileError(error);
  } finally {
    await openedHere?.close();
  }
}

/**
 * CSV (any encoding): counts the rows up front so an oversized file is refused before its first row, not after a million.
 * Blank rows count for nothing, here and in the streaming count (a sheet may hold a million empty rows).
 */
async function rejectIfTooManyRecords(sheet: SheetSource, nonBlankUpToHeader: number, limits: RosterLimits): Promise<void> {
  const count = await sheet.countRecords?.(nonBlankUpToHeader + limits.maxRows);
  if (count !== undefined && count - nonBlankUpToHeader > limits.maxRows) {
    throw new RosterFileError('TOO_MANY_ROWS', { max: limits.maxRows });
  }
}

function toRosterRow(row: SheetRow, header: HeaderMatch): RosterRow {
  const width = Math.max(header.headers.length, 1);
  const raw = Array.from({ length: width }, (_, i) => row.values[i] ?? '');
  const cell = (key: ColumnKey) => {
    const index = header.columns[key];
    return index === undefined ? '' : (row.values[index] ?? '');
  };
  return {
    rowNumber: row.rowNumber,
    cells: {
      name: cell('name'),
      idNumber: cell('idNumber'),
      phone: cell('phone'),
      gender: cell('gender'),
      employmentForm: cell('employmentForm'),
      employerName: cell('employerName'),
      joinDate: cell('joinDate'),
      employerUscc: cell('employerUscc'),
    },
    raw,
  };
}
