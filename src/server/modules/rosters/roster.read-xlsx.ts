import type { Row } from 'exceljs';
import { cellText } from '../../http/cell-text.js';
import { loadExcelJS } from '../../http/file-libraries.js';
import { posix } from 'node:path';
import { Readable } from 'node:stream';
import type { RosterLimits } from './roster.columns.js';
import { RosterFileError } from './roster.file-error.js';
import type { RosterSource, SheetRow, SheetSource } from './roster.source.js';
import { SharedStrings } from './roster.shared-strings.js';
import { openZipEntryText, readZipDirectory, verifyZipEntry, type ZipEntry } from './roster.zip.js';

/**
 * The parts of exceljs's streaming WorkbookReader this module drives itself. Its own `parse()` reads the zip
 * front to back with unzipper, which (a) spools every worksheet that precedes sharedStrings.xml — the order
 * Excel writes — to a temp file that an early stop leaves behind, (b) inflates whatever the archive holds,
 * whatever the central directory says, and (c) decodes each chunk separately, so a Chinese character split
 * across two chunks turns into U+FFFD (exceljs issues #2063, #2084, #2316). Here the entries are opened by
 * offset from the central directory, inflated under a size guard, decoded as a UTF-8 stream, and handed to
 * the same XML parsers; the shared strings are kept compactly (roster.shared-strings.ts). Pinned by the fixture tests: an exceljs upgrade that renames these fails them.
 */
type WorkbookReaderInternals = {
  workbookRels?: { Id: string; Type: string; Target: string }[];
  model?: { sheets?: { name: string; id: number; rId: string; state?: string }[] };
  properties?: { date1904?: boolean };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<{ index: number; text: unknown }>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<Row> }>;
};

function flattenSharedString(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
  }
  return '';
}

/**
 * exceljs never closes its XML parser, so XML that stops mid-way (a buggy writer) would read as a shorter
 * sheet. The stream is passed through here and its end checked for the closing root tag.
 */
function endChecked(stream: Readable, rootTag: string): { text: Readable; assertComplete: () => void } {
  let tail = '';
  async function* pass() {
    for await (const chunk of stream as AsyncIterable<string>) {
      tail = (tail + chunk).slice(-256);
      yield chunk;
    }
  }
  return {
    text: Readable.from(pass(), { objectMode: false }),
    assertComplete: () => assertXmlEnds(tail, rootTag),
  };
}

function assertXmlEnds(tail: string, rootTag: string): void {
  if (!new RegExp(`</(\\w+:)?${rootTag}>\\s*$`).test(tail)) {
    throw new RosterFileError('CORRUPT_FILE', { detail: `${rootTag} XML ends early` });
  }
}

function relTarget(target: string): string {
  return target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
}

export type XlsxWorkbook = { sheets: SheetSource[] };

/**
 * Opens an .xlsx for streaming: the directory is judged, then relationships, workbook, styles and shared
 * strings are read (they are small next to the sheet data); sheets stream row by row when iterated.
 */
export async function openXlsx(file: RosterSource, limits: RosterLimits): Promise<XlsxWorkbook> {
  const entries = await readZipDirectory(file, file.size, limits);
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e] as const));
  const entry = (name: string): ZipEntry | undefined => byName.get(name.toLowerCase());

  // Never parsed as a whole: the entries are handed to its parsers one by one, so its input is an empty stream.
  const ExcelJS = await loadExcelJS();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    styles: 'cache',
    sharedStrings: 'emit',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReaderInternals;

  const parseEntry = async (e: ZipEntry | undefined, parse: (stream: Readable) => Promise<void>): Promise<void> => {
    if (!e) return;
    const stream = await openZipEntryText(file, e);
    try {
      await parse(stream);
    } finally {
      stream.destroy();
    }
  };

  const workbookEntry = entry('xl/workbook.xml');
  const relsEntry = entry('xl/_rels/workbook.xml.rels');
  if (!workbookEntry || !relsEntry) throw new RosterFileError('CORRUPT_FILE', { detail: 'not a spreadsheet: xl/workbook.xml missing' });
  await parseEntry(relsEntry, (s) => reader._parseRels(s));
  await parseEntry(workbookEntry, (s) => reader._parseWorkbook(s));
  const rels = reader.workbookRels ?? [];
  const relOfType = (suffix: string) => rels.find((r) => r.Type.endsWith(suffix));
  const stylesRel = relOfType('/styles');
  await parseEntry(entry(stylesRel ? relTarget(stylesRel.Target) : 'xl/styles.xml'), (s) => reader._parseStyles(s));

  // Left out of the reader, cells come as { sharedString: index } and are looked up here.
  const strings = new SharedStrings();
  const stringsRel = relOfType('/sharedStrings');
  const stringsEntry = entry(stringsRel ? relTarget(stringsRel.Target) : 'xl/sharedStrings.xml');
  if (stringsEntry && stringsEntry.uncompressedSize > limits.maxSharedStringsBytes) {
    throw new RosterFileError('ZIP_BOMB', { entry: stringsEntry.name, uncompressedBytes: stringsEntry.uncompressedSize });
  }
  await parseEntry(stringsEntry, async (s) => {
    const checked = endChecked(s, 'sst');
    for await (const { text } of reader._parseSharedStrings(checked.text)) strings.push(flattenSharedString(text));
    checked.assertComplete();
  });
  const lookup = (index: number) => strings.get(index);
  const isDate1904 = reader.properties?.date1904 === true;

  const sheets: SheetSource[] = [];
  for (const sheet of reader.model?.sheets ?? []) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const rel = rels.find((r) => r.Id === sheet.rId);
    const sheetEntry = rel && entry(relTarget(rel.Target));
    if (!sheetEntry) continue;
    sheets.push({
      name: sheet.name,
      // A sheet that inflates past its declared size (a lying zip bomb), fails its checksum or stops mid-way
      // would otherwise be found out only after the rows before the damage had been imported.
      verify: async () => assertXmlEnds((await verifyZipEntry(file, sheetEntry)).toString('utf8'), 'worksheet'),
      rows: async function* () {
        const stream = await openZipEntryText(file, sheetEntry);
        const checked = endChecked(stream, 'worksheet');
        try {
          for (const { value: worksheet } of reader._parseWorksheet(checked.text, String(sheet.id))) {
            for await (const row of worksheet) {
              const values: string[] = [];
              row.eachCell((cell, column) => {
                values[column - 1] = cellText(cell.value, cell.numFmt, { isDate1904, sharedString: lookup });
              });
              for (let i = 0; i < values.length; i++) values[i] ??= '';
              yield { rowNumber: row.number, values } satisfies SheetRow;
            }
          }
          checked.assertComplete();
        } finally {
          stream.destroy();
        }
      },
    });
  }
  return { sheets };
}
