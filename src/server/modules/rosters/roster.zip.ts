import { pipeline, Readable, Transform } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import type { RosterLimits } from './roster.columns.js';
import { RosterFileError } from './roster.file-error.js';
import type { RosterSource } from './roster.source.js';

/**
 * The central directory of an .xlsx (a zip file), read before anything is decompressed: entries are opened by
 * their offset from it, so data the directory does not list is never read, and each entry is inflated only up
 * to the size the directory declared for it. A zip bomb is refused on its declared sizes, and one that lies
 * about them fails the moment it inflates past the lie.
 */

export type ZipEntry = {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_CENTRAL_DIRECTORY_BYTES = 4 * 1024 * 1024;

function corrupt(detail: string): RosterFileError {
  return new RosterFileError('CORRUPT_FILE', { detail });
}

async function readAt(file: RosterSource, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw corrupt('zip structure cut short');
  return buffer;
}

function readUInt64(buffer: Buffer, offset: number): number {
  const value = buffer.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('zip64 size out of range');
  return Number(value);
}

async function findDirectory(file: RosterSource, fileSize: number): Promise<{ offset: number; size: number; count: number }> {
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(file, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no zip end record: the file is truncated');
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    if (eocd < 20 || tail.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR_SIGNATURE) throw corrupt('zip64 locator missing');
    const record = await readAt(file, readUInt64(tail, eocd - 20 + 8), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw corrupt('zip64 end record missing');
    count = readUInt64(record, 32);
    size = readUInt64(record, 40);
    offset = readUInt64(record, 48);
  }
  if (offset + size > tailStart + eocd) throw corrupt('central directory outside the file');
  return { offset, size, count };
}

function parseEntries(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw corrupt('central directory damaged');
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    if (flags & 0x1) throw corrupt('the workbook is encrypted');
    // zip64: the fields that overflowed are in the 0x0001 extra field, in this order
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = directory.readUInt16LE(extra);
      const length = directory.readUInt16LE(extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
          if (entry[key] === 0xffffffff && field + 8 <= extra + 4 + length) {
            entry[key] = readUInt64(directory, field);
            field += 8;
          }
        }
      }
      extra += 4 + length;
    }
    entries.push(entry);
    at = extraEnd + commentLength;
  }
  return entries;
}

/** Reads and judges the central directory: too many entries, too much declared data or a suspicious ratio is refused. */
export async function readZipDirectory(file: RosterSource, fileSize: number, limits: RosterLimits): Promise<ZipEntry[]> {
  const { offset, size, count } = await findDirectory(file, fileSize);
  if (count === 0) throw new RosterFileError('EMPTY_FILE');
  if (count > limits.maxXlsxEntries || size > MAX_CENTRAL_DIRECTORY_BYTES) {
    throw new RosterFileError('ZIP_BOMB', { entries: count });
  }
  const entries = parseEntries(await readAt(file, offset, size), count);
  let total = 0;
  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) throw corrupt(`unsupported compression method ${entry.method}`);
    if (entry.localHeaderOffset + 30 + entry.compressedSize > offset) throw corrupt(`entry ${entry.name} outside the file`);
    total += entry.uncompressedSize;
    const isLarge = entry.uncompressedSize > limits.zipRatioFloorBytes;
    if (isLarge && entry.uncompressedSize > limits.maxZipRatio * Math.max(entry.compressedSize, 1)) {
      throw new RosterFileError('ZIP_BOMB', {
        entry: entry.name,
        ratio: Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1)),
      });
    }
  }
  if (total > limits.maxXlsxUncompressedBytes) throw new RosterFileError('ZIP_BOMB', { uncompressedBytes: total });
  return entries;
}

/** Where an entry's data starts: after its local header, whose name and extra field lengths may differ from the directory's. */
async function dataStart(file: RosterSource, entry: ZipEntry): Promise<number> {
  const header = await readAt(file, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw corrupt(`entry ${entry.name} damaged`);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** Passes bytes through while holding them to the declared size and checksum. */
function sizeGuard(entry: ZipEntry): Transform {
  let seen = 0;
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > entry.uncompressedSize) {
        done(new RosterFileError('ZIP_BOMB', { entry: entry.name, declared: entry.uncompressedSize }));
        return;
      }
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      if (seen !== entry.uncompressedSize) done(corrupt(`entry ${entry.name} is incomplete`));
      else if (crc >>> 0 !== entry.crc >>> 0) done(corrupt(`entry ${entry.name} fails its checksum`));
      else done();
    },
  });
}

/** The entry's stored bytes, and the inflater they go through (none when stored uncompressed). */
async function entryData(file: RosterSource, entry: ZipEntry): Promise<{ source: Readable; inflate?: Transform }> {
  const start = await dataStart(file, entry);
  if (entry.compressedSize === 0) return { source: Readable.from([]) };
  const source = file.createReadStream({ start, end: start + entry.compressedSize - 1 });
  return entry.method === 8 ? { source, inflate: createInflateRaw({ chunkSize: 64 * 1024 }) } : { source };
}

/** The entry's content as UTF-8 text chunks (never split inside a character). */
export async function openZipEntryText(file: RosterSource, entry: ZipEntry): Promise<Readable> {
  const { source, inflate } = await entryData(file, entry);
  const guard = sizeGuard(entry);
  const onError = () => undefined; // the error reaches the reader through `guard`, which pipeline destroys with it
  const output = inflate ? pipeline(source, inflate, guard, onError) : pipeline(source, guard, onError);
  output.setEncoding('utf8');
  return output;
}

/**
 * Inflates the whole entry without keeping it, so that a lie about its size, a wrong checksum or a cut-off
 * end is found before any of its content is used. Resolves to its last bytes (up to `tailBytes`).
 */
export async function verifyZipEntry(file: RosterSource, entry: ZipEntry, tailBytes = 256): Promise<Buffer> {
  const { source, inflate } = await entryData(file, entry);
  let tail = Buffer.alloc(0);
  const keepTail = async (chunks: AsyncIterable<Buffer>) => {
    for await (const chunk of chunks) tail = Buffer.from(Buffer.concat([tail, chunk.subarray(-tailBytes)]).subarray(-tailBytes));
  };
  if (inflate) await pipelineAsync(source, inflate, sizeGuard(entry), keepTail);
  else await pipelineAsync(source, sizeGuard(entry), keepTail);
  return tail;
}
