import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { readRoster, type ReadRosterOptions, type RosterHeader, type RosterRow } from './roster.read.js';

/** The shared fixtures: /work/shared/fixtures beside the repository. */
export const FIXTURES = path.resolve(import.meta.dirname, '../../../../../shared/fixtures');

export async function withTempDir<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gonghui-roster-'));
  try {
    return await use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function readAll(filePath: string, options: ReadRosterOptions = {}): Promise<{ header?: RosterHeader; rows: RosterRow[] }> {
  let header: RosterHeader | undefined;
  const rows: RosterRow[] = [];
  for await (const row of readRoster(filePath, {
    ...options,
    onHeader: (h) => {
      header = h;
      options.onHeader?.(h);
    },
  }))
    rows.push(row);
  return header ? { header, rows } : { rows };
}

/** What `readRoster` threw, or undefined when it read to the end. */
export async function readError(filePath: string, options: ReadRosterOptions = {}): Promise<unknown> {
  try {
    await readAll(filePath, options);
    return undefined;
  } catch (error) {
    return error;
  }
}

export type RawZipEntry = {
  name: string;
  /** Already deflated (method 8) or stored (method 0) bytes. */
  data: Buffer;
  method: 0 | 8;
  crc: number;
  uncompressedSize: number;
};

export function deflatedEntry(name: string, content: string | Buffer): RawZipEntry {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, data: deflateRawSync(raw), method: 8, crc: crc32(raw), uncompressedSize: raw.length };
}

/** A minimal zip writer, so tests can build archives that lie about themselves. */
export function buildZip(entries: readonly RawZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.uncompressedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The parts of a one-sheet .xlsx around the given sheet entry. */
export function workbookAround(sheet: RawZipEntry): RawZipEntry[] {
  return [deflatedEntry('xl/workbook.xml', WORKBOOK), deflatedEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS), sheet];
}

export function sheetXml(rowsXml: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml}</sheetData></worksheet>`;
}

export function inlineRow(rowNumber: number, values: readonly string[]): string {
  const cells = values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${rowNumber}" t="inlineStr"><is><t>${v}</t></is></c>`);
  return `<row r="${rowNumber}">${cells.join('')}</row>`;
}

export const HEADER = ['姓名', '身份证号', '手机号', '性别', '用工形式', '所在单位', '入会日期'] as const;
export const GOOD_ROW = ['张三', '11010519491231002X', '13812345678', '女', '全日制', '北京市自来水集团', '2020-05-01'] as const;

export async function writeBytes(dir: string, name: string, bytes: Buffer | string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

/** A sheet entry whose XML inflates to about `bytes` of identical rows: deflate makes it tiny (a zip bomb). */
export async function bombSheet(bytes: number, blockBytes = 64 * 1024): Promise<RawZipEntry> {
  const open =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const close = '</sheetData></worksheet>';
  const row = inlineRow(2, GOOD_ROW);
  const header = Buffer.from(open + inlineRow(1, HEADER));
  const block = Buffer.from(row.repeat(Math.floor(blockBytes / row.length)));
  const blocks = Math.floor((bytes - header.length - close.length) / block.length);
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  let crc = crc32(header);
  deflate.write(header);
  for (let i = 0; i < blocks; i++) {
    crc = crc32(block, crc);
    if (!deflate.write(block)) await once(deflate, 'drain');
  }
  crc = crc32(close, crc);
  deflate.end(close);
  await once(deflate, 'end');
  return {
    name: 'xl/worksheets/sheet1.xml',
    data: Buffer.concat(chunks),
    method: 8,
    crc,
    uncompressedSize: header.length + blocks * block.length + close.length,
  };
}
