import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** One row of a sheet as the user sees it: each cell's displayed text, by column (0-based). */
export type SheetRow = { rowNumber: number; values: string[] };

/**
 * One sheet of a file; `rows()` streams it from the start each time it is called. `countRecords` (CSV) counts
 * the non-blank rows quickly without parsing them, stopping past `max`. `verify` (.xlsx) reads the sheet's
 * data to the end without parsing it and throws if the file is damaged or lies about itself.
 */
export type SheetSource = {
  name: string;
  rows: () => AsyncGenerator<SheetRow>;
  countRecords?: (max: number) => Promise<number | undefined>;
  verify?: () => Promise<void>;
};

/**
 * The bytes of a roster, wherever they are kept: a plain file (the command-line import reads the operator's own
 * file) or a sealed upload (src/server/crypto/sealed-file.ts, which has this shape). Random access, because an
 * .xlsx is read from its central directory; ranged streams, so each zip entry streams on its own.
 */
export type RosterSource = {
  readonly size: number;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  /** Bytes `start`..`end`, both inclusive (as fs.createReadStream). */
  createReadStream(range?: { start?: number; end?: number }): Readable;
  close(): Promise<void>;
};

export async function openPlainSource(filePath: string): Promise<RosterSource> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    return {
      size,
      read: (buffer, offset, length, position) => file.read(buffer, offset, length, position),
      createReadStream: (range = {}) => createReadStream(filePath, { ...range, highWaterMark: 256 * 1024 }),
      close: () => file.close(),
    };
  } catch (error) {
    await file.close();
    throw error;
  }
}
