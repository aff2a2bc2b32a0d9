import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

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
