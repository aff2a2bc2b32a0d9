import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipArchive } from 'archiver';

/**
 * An .xlsx of one sheet of text cells, written as a stream: each batch of rows becomes the sheet's XML at once and
 * goes through the zip's deflate (zlib, off the main thread) to `out`, so memory holds one batch whatever the size.
 * Written by hand rather than through exceljs's streaming writer, which builds a row object and a cell object per
 * value and never waits for the zip to take its output (a 1M-row export spent most of its time there, issue #16).
 *
 * Cells are strings stored as `t="str"` values, as exceljs writes them: the file reads back alike in exceljs, in
 * the roster reader and in spreadsheet programs. Texts must be XML-safe already (`neutraliseCell`); only `& < >`
 * are escaped here. An empty text is a blank cell.
 */

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Deflate level 1: the sheet's XML is so repetitive that it compresses about as well as at 6, several times faster. */
const ZIP_LEVEL = 1;
/** The sheet's XML goes to the zip in pieces of about this size. */
const CHUNK_BYTES = 1 << 20;

/** Rows of text cells, in batches (a keyset page each, say). */
export type TextRows = AsyncIterable<readonly (readonly string[])[]>;

export type TextSheetOptions = {
  sheetName: string;
  /** The first row (column names). */
  header: readonly string[];
};

/**
 * Writes the workbook to `out` and ends it; resolves once `out` has taken the last byte. Stops as soon as `out`
 * fails or closes early, leaving the rest of `rows` unread.
 */
export async function writeTextSheet(out: Writable, options: TextSheetOptions, rows: TextRows): Promise<void> {
  const zip = new ZipArchive({ zlib: { level: ZIP_LEVEL } });
  const sheet = Readable.from(sheetXml(options.header, rows), { objectMode: false });
  const name = escapeXml(options.sheetName).replaceAll('"', '&quot;');
  zip.append(contentTypes(), { name: '[Content_Types].xml' });
  zip.append(packageRels(), { name: '_rels/.rels' });
  zip.append(workbook(name), { name: 'xl/workbook.xml' });
  zip.append(workbookRels(), { name: 'xl/_rels/workbook.xml.rels' });
  zip.append(STYLES, { name: 'xl/styles.xml' });
  zip.append(sheet, { name: 'xl/worksheets/sheet1.xml' });
  void zip.finalize().catch(() => undefined); // its failure reaches the pipeline below as the stream's error
  try {
    await pipeline(zip, out);
  } finally {
    // On a failure, the rows' reader must not wait for a consumer that is gone.
    sheet.destroy();
  }
}

async function* sheetXml(header: readonly string[], rows: TextRows): AsyncGenerator<Buffer> {
  const refs: string[] = [];
  let rowNumber = 0;
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  // Each row's XML is encoded into the chunk as it is made: the page's XML never exists as one string.
  const put = (text: string): Buffer | undefined => {
    let full: Buffer | undefined;
    if (used + text.length * 3 > chunk.length) {
      full = chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
      used = 0;
    }
    used += chunk.write(text, used);
    return full;
  };
  const take = (): Buffer => {
    const full = chunk.subarray(0, used);
    chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    used = 0;
    return full;
  };
  const rowXml = (cells: readonly string[]): string => {
    rowNumber++;
    let xml = `<row r="${rowNumber}">`;
    for (let i = 0; i < cells.length; i++) {
      const text = cells[i]!;
      if (text === '') continue;
      const ref = (refs[i] ??= columnName(i));
      xml += `<c r="${ref}${rowNumber}" t="str"><v>${escapeXml(text)}</v></c>`;
    }
    return `${xml}</row>`;
  };
  put(
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`,
  );
  put(rowXml(header));
  for await (const batch of rows) {
    for (const cells of batch) {
      const full = put(rowXml(cells));
      if (full) yield full;
    }
  }
  put('</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  yield take();
}

/** A, B, …, Z, AA, AB, … for a 0-based column index. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const XML_SPECIAL = /[&<>]/;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function escapeXml(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(/[&<>]/g, (c) => XML_ESCAPES[c]!) : text;
}

function contentTypes(): string {
  const type = (part: string, kind: string) =>
    `<Override PartName="${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml"/>`;
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    type('/xl/workbook.xml', 'sheet.main') +
    type('/xl/worksheets/sheet1.xml', 'worksheet') +
    type('/xl/styles.xml', 'styles') +
    '</Types>'
  );
}

function packageRels(): string {
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

function workbook(sheetName: string): string {
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView/></bookViews><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`;
}

function workbookRels(): string {
  return (
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

/** The least a spreadsheet program expects: one font, the two required fills, one border, the Normal style. */
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';
