import { describe, expect, it } from 'vitest';
import { csvSplitter } from './roster.csv-split.js';

/** Splits `text` fed in pieces cut at `cuts`. */
function split(text: string, cuts: number[] = [], delimiter = ',', maxRecordChars = 1000): string[][] {
  const splitter = csvSplitter(delimiter, maxRecordChars);
  const records: string[][] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    records.push(...splitter.push(text.slice(at, cut)));
    at = cut;
  }
  records.push(...splitter.end());
  return records;
}

/** The same records whichever two places the text is cut at. */
function splitEverywhere(text: string): string[][] {
  const whole = split(text);
  for (let a = 0; a <= text.length; a++) {
    for (let b = a; b <= text.length; b++) expect(split(text, [a, b]), `cut at ${a}, ${b}`).toEqual(whole);
  }
  return whole;
}

describe('csvSplitter', () => {
  it('ends records at CRLF, LF or CR, and reads a blank line as one empty field', () => {
    expect(splitEverywhere('a,b\r\nc\nd\r\r\ne,')).toEqual([['a', 'b'], ['c'], ['d'], [''], ['e', '']]);
    expect(splitEverywhere('a\n')).toEqual([['a']]);
    expect(splitEverywhere('')).toEqual([]);
  });

  it('reads quoted fields with separators, line breaks and doubled quotes', () => {
    expect(splitEverywhere('"a,b","c\r\nd","e""f"""\n""')).toEqual([['a,b', 'c\r\nd', 'e"f"'], ['']]);
  });

  it('keeps stray quotes as text, as csv-parse does with relax_quotes', () => {
    expect(splitEverywhere('a"b,"c"d,"e" ,x\n')).toEqual([['a"b', '"c"d', '"e" ', 'x']]);
  });

  it('splits on the separator it is given', () => {
    expect(split('a\tb,c\n', [], '\t')).toEqual([['a', 'b,c']]);
    expect(split('a;"b;c"\n', [], ';')).toEqual([['a', 'b;c']]);
  });

  it('refuses a quote left open, naming the line it opened on', () => {
    expect(() => split('a\n"b\nc')).toThrow(
      expect.objectContaining({ code: 'CORRUPT_FILE', params: { detail: 'line 2: quote not closed' } }),
    );
  });

  it('refuses a record longer than the limit, also when it comes in many pieces', () => {
    expect(split('x'.repeat(10), [], ',', 10)).toEqual([['x'.repeat(10)]]);
    const long = `ok\n${'xx,'.repeat(6)}\n`;
    expect(() => split(long, [], ',', 10)).toThrow(expect.objectContaining({ params: { detail: 'line 2: longer than 10 characters' } }));
    const splitter = csvSplitter(',', 10);
    expect(() => [...splitter.push('"'), ...splitter.push('y'.repeat(11))]).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE' }));
  });

  it('splits only as far as it is asked to', () => {
    const records = csvSplitter(',', 1000).push(`a\nb\n${'x'.repeat(2000)}\n`);
    // Records come one by one, not a chunk at a time: the overlong third is not reached yet.
    expect(records.next().value).toEqual(['a']);
    expect(records.next().value).toEqual(['b']);
    expect(() => records.next()).toThrow(expect.objectContaining({ code: 'CORRUPT_FILE' }));
  });
});
