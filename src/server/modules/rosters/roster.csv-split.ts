import { RosterFileError } from './roster.file-error.js';

/**
 * Splits CSV text into records, one record at a time and only as the caller asks for them, so a file of a
 * million one-character rows holds no more than the chunk of text being split. The rules are csv-parse's with
 * `relax_quotes` and `relax_column_count` (which this replaced: csv-parse parses a whole chunk ahead of its
 * reader, and builds an Error with a stack trace for every record whose length differs from the first's —
 * 1.1M short rows took 3.4 s and 100+ MB before the first row came out):
 * - records end at CRLF, LF or CR; fields at the separator; a blank line is a record of one empty field;
 * - a quote opens a quoted field only at the start of a field; inside it `""` is one quote, and the quote that
 *   closes it is followed by a separator, a line break or the end; any other closing quote is kept as text,
 *   with the opening one (`"a"b` reads `"a"b`); a quote inside an unquoted field is text;
 * - a record longer than `maxRecordChars` characters and a quote still open at the end are refused.
 */
export type CsvSplitter = {
  /** The records completed by `text` (the next piece of the file), lazily. */
  push: (text: string) => Generator<string[]>;
  /** The last record, if the text does not end with a line break; throws on a quote still open. */
  end: () => Generator<string[]>;
};

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export function csvSplitter(delimiter: string, maxRecordChars: number): CsvSplitter {
  const SEP = delimiter.charCodeAt(0);
  let fields: string[] = [];
  let recordChars = 0; // characters in `fields`
  let field = ''; // the current field's text before the unread part of the current chunk
  let isQuoting = false;
  let wasQuoted = false; // the current field was quoted: `""` at the end of the file is a record
  let carry = ''; // a quote or CR at the end of a chunk, kept until the next character says what it is
  let line = 1; // physical line of the text read so far, for messages
  let recordLine = 1;
  let quoteLine = 1;
  let last = -1;

  const tooLong = () => new RosterFileError('CORRUPT_FILE', { detail: `line ${recordLine}: longer than ${maxRecordChars} characters` });

  function endField(text: string) {
    recordChars += text.length;
    if (recordChars > maxRecordChars) throw tooLong();
    fields.push(text);
    field = '';
    wasQuoted = false;
  }

  function takeRecord(): string[] {
    const record = fields;
    fields = [];
    recordChars = 0;
    return record;
  }

  function* split(text: string, isLast: boolean): Generator<string[]> {
    const length = text.length;
    let from = 0; // start of the part of the current field not yet copied into `field`
    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c === LF ? last !== CR : c === CR) line++;
      last = c;
      if (isQuoting) {
        if (c !== QUOTE) continue;
        if (i + 1 === length && !isLast) {
          field += text.slice(from, i);
          carry = '"';
          return;
        }
        const next = i + 1 < length ? text.charCodeAt(i + 1) : -1;
        if (next === QUOTE) {
          field += text.slice(from, i + 1);
          i++;
          last = QUOTE;
          from = i + 1;
          continue;
        }
        field += text.slice(from, i);
        isQuoting = false;
        wasQuoted = true;
        if (next === -1 || next === SEP || next === LF || next === CR) {
          from = i + 1;
        } else {
          field = `"${field}`;
          from = i; // the closing quote stays, as text
        }
        continue;
      }
      if (c === QUOTE) {
        if (from === i && field === '') {
          isQuoting = true;
          quoteLine = line;
          from = i + 1;
        }
        continue;
      }
      if (c === SEP) {
        endField(field + text.slice(from, i));
        from = i + 1;
        continue;
      }
      if (c !== LF && c !== CR) continue;
      if (c === CR && i + 1 === length && !isLast) {
        field += text.slice(from, i);
        carry = '\r';
        line--; // counted again when the CR is read with what follows it
        last = -1;
        return;
      }
      endField(field + text.slice(from, i));
      if (c === CR && i + 1 < length && text.charCodeAt(i + 1) === LF) {
        i++;
        last = LF;
      }
      from = i + 1;
      recordLine = line;
      yield takeRecord();
    }
    field += text.slice(from);
    if (recordChars + field.length > maxRecordChars) throw tooLong();
  }

  return {
    *push(text) {
      const piece = carry + text;
      carry = '';
      yield* split(piece, false);
    },
    *end() {
      const piece = carry;
      carry = '';
      yield* split(piece, true);
      if (isQuoting) throw new RosterFileError('CORRUPT_FILE', { detail: `line ${quoteLine}: quote not closed` });
      if (fields.length > 0 || field !== '' || wasQuoted) {
        endField(field);
        yield takeRecord();
      }
    },
  };
}
