import iconv from 'iconv-lite';
import type { RosterLimits } from './roster.columns.js';
import { csvSplitter } from './roster.csv-split.js';
import type { RosterSource, SheetRow, SheetSource } from './roster.source.js';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
export type CsvDelimiter = ',' | '\t' | ';';

/**
 * What a text file's first bytes say: the byte-order mark if there is one, else UTF-8 if the bytes decode
 * strictly as UTF-8, else GB18030 (a superset of GBK, what Excel on a Chinese Windows saves). Undefined for
 * binary content (NUL bytes, many control characters).
 */
export function sniffEncoding(head: Buffer): { encoding: CsvEncoding; bomBytes: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomBytes: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomBytes: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomBytes: 2 };
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return undefined;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  if (controls > head.length / 100) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true }); // stream: a character cut at the end is fine
    return { encoding: 'utf-8', bomBytes: 0 };
  } catch {
    return { encoding: 'gb18030', bomBytes: 0 };
  }
}

/** The separator of the first lines: comma unless tabs (Excel's "Unicode text") or semicolons clearly dominate. */
export function sniffDelimiter(headText: string): CsvDelimiter {
  const lines = headText
    .split(/\r\n|\n|\r/)
    .slice(0, 20)
    .join('\n');
  const count = (c: string) => lines.split(c).length - 1;
  const candidates: CsvDelimiter[] = [',', '\t', ';'];
  return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

/**
 * Counts the non-blank records the way csv-parse splits them (a quote opens a field only at its start, `""`
 * inside is one quote), stopping once past `max`. Works on code units, not characters: in UTF-8 and GB18030 the
 * bytes of `"`, `\n`, `\r`, space and the separators never occur inside a multi-byte character, and in UTF-16
 * they are single code units that no surrogate equals.
 */
async function countRecords(
  source: RosterSource,
  start: number,
  encoding: CsvEncoding,
  delimiter: CsvDelimiter,
  max: number,
): Promise<number> {
  const QUOTE = 0x22;
  const LF = 0x0a;
  const CR = 0x0d;
  const SEP = delimiter.charCodeAt(0);
  const isSpace = (unit: number) => unit === 0x20 || unit === 0x09;
  let records = 0;
  let isInQuotes = false;
  let isFieldStart = true;
  let isQuotePending = false; // a quote inside a quoted field closes it unless another quote follows
  let hasContent = false;
  let previous = -1;
  /** Scans code units; true once past `max`. */
  const scan = (units: ArrayLike<number>): boolean => {
    for (let i = 0; i < units.length; i++) {
      const unit = units[i]!;
      if (isInQuotes) {
        if (!isQuotePending) {
          if (unit === QUOTE) isQuotePending = true;
          else if (!isSpace(unit) && unit !== LF && unit !== CR) hasContent = true;
          continue;
        }
        isQuotePending = false;
        if (unit === QUOTE) {
          hasContent = true;
          continue;
        }
        isInQuotes = false;
      }
      if (unit === LF || unit === CR) {
        if (!(unit === LF && previous === CR) && hasContent && ++records > max) return true;
        isFieldStart = true;
        hasContent = false;
      } else if (unit === SEP) {
        isFieldStart = true;
      } else {
        if (unit === QUOTE && isFieldStart) isInQuotes = true;
        else if (!isSpace(unit)) hasContent = true;
        isFieldStart = false;
      }
      previous = unit;
    }
    return false;
  };
  const isUtf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  let odd: Buffer = Buffer.alloc(0); // UTF-16: a code unit split between two chunks
  for await (const chunk of source.createReadStream({ start }) as AsyncIterable<Buffer>) {
    if (!isUtf16) {
      if (scan(chunk)) return records;
      continue;
    }
    const bytes = odd.length > 0 ? Buffer.concat([odd, chunk]) : chunk;
    const even = bytes.length - (bytes.length % 2);
    odd = Buffer.from(bytes.subarray(even));
    const units = new Uint16Array(even / 2);
    for (let i = 0, b = 0; i < units.length; i++, b += 2) {
      units[i] = encoding === 'utf-16le' ? bytes[b]! | (bytes[b + 1]! << 8) : (bytes[b]! << 8) | bytes[b + 1]!;
    }
    if (scan(units)) return records;
  }
  return hasContent ? records + 1 : records;
}

/** A CSV file as one sheet; rows are numbered by record, as a spreadsheet program would show them. */
export function csvSheet(
  source: RosterSource,
  encoding: CsvEncoding,
  bomBytes: number,
  delimiter: CsvDelimiter,
  limits: RosterLimits,
): SheetSource {
  return {
    name: 'csv',
    countRecords: (max) => countRecords(source, bomBytes, encoding, delimiter, max),
    rows: async function* () {
      const bytes = source.createReadStream({ start: bomBytes });
      const splitter = csvSplitter(delimiter, limits.maxCsvRecordChars);
      async function* texts() {
        const decoder = iconv.getDecoder(encoding, { stripBOM: false });
        const wellFormed = wellFormedText();
        for await (const chunk of bytes as AsyncIterable<Buffer>) yield wellFormed(decoder.write(chunk));
        yield wellFormed(decoder.end() ?? '', true);
      }
      let rowNumber = 0;
      try {
        // Read a chunk at a time and split a record at a time, as the caller asks: nothing is parsed ahead.
        for await (const text of texts()) {
          for (const values of splitter.push(text)) yield { rowNumber: ++rowNumber, values } satisfies SheetRow;
        }
        for (const values of splitter.end()) yield { rowNumber: ++rowNumber, values } satisfies SheetRow;
      } finally {
        bytes.destroy();
      }
    },
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Decoded UTF-16 may hold a lone surrogate, which the database cannot store: it becomes U+FFFD. A high
 * surrogate at the end of a piece waits for the next piece, where its pair may be.
 */
function wellFormedText(): (text: string, isLast?: boolean) => string {
  let held = '';
  return (text, isLast = false) => {
    let whole = held + text;
    held = '';
    const end = whole.charCodeAt(whole.length - 1);
    if (!isLast && end >= 0xd800 && end <= 0xdbff) {
      held = whole.slice(-1);
      whole = whole.slice(0, -1);
    }
    return whole.replace(LONE_SURROGATE, '\uFFFD');
  };
}

export async function readHead(file: RosterSource, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}
