import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';

/**
 * Files that hold personal data at rest (roster uploads, import error files), encrypted with a key derived
 * from the master secret and readable at random positions, so a zip reader can seek in an encrypted .xlsx.
 *
 * Layout (v1):
 *   header  "GHSEALv1" (8) | chunk size, uint32 BE (4) | salt (16) | nonce prefix (7)        = 35 bytes
 *   chunks  AES-256-GCM ciphertext of `chunk size` plaintext bytes + 16-byte tag, each; the last chunk
 *           holds 0..chunk size bytes (0 only for an empty file)
 * Key of a file: HKDF-SHA256(master, salt, "gonghui sealed file v1") — one key per file.
 * Nonce of chunk i: prefix | i (uint32 BE) | 1 on the last chunk, else 0 — the STREAM construction (Hoang,
 * Reyhanitabar, Rogaway, Vizár 2015): a chunk moved to another position, or a file cut at a chunk boundary
 * (its new last chunk was sealed as "not last") fails authentication. The header is every chunk's additional
 * data, so a chunk cannot be moved into another file, nor the chunk size changed. Nothing is ever returned
 * from a chunk that failed its tag, and the last chunk is checked on open, so `size` can be trusted.
 */

const MAGIC = Buffer.from('GHSEALv1', 'latin1');
const SALT_BYTES = 16;
const PREFIX_BYTES = 7;
const HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + PREFIX_BYTES;
const TAG_BYTES = 16;
export const SEALED_CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** A sealed file that is not one, was sealed with another key, or was changed, cut or extended. */
export class SealedFileError extends Error {
  constructor(detail: string) {
    super(`sealed file unreadable: ${detail}`);
    this.name = 'SealedFileError';
  }
}

/** Random access to the plaintext of a sealed file; the operations a roster reader needs of a file. */
export type SealedFile = {
  /** Plaintext bytes. */
  readonly size: number;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  /** Plaintext bytes `start`..`end` (inclusive, like fs.createReadStream), decrypted a chunk at a time. */
  createReadStream(range?: { start?: number; end?: number }): Readable;
  close(): Promise<void>;
};

export type FileSealer = {
  /** A new sealed file (mode 0600, replacing any file at `filePath`): write plaintext in, end it to finish. */
  createWriteStream(filePath: string): Writable;
  open(filePath: string): Promise<SealedFile>;
};

function nonce(prefix: Buffer, index: number, isLast: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  n[11] = isLast ? 1 : 0;
  return n;
}

function fileKey(master: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', master, salt, 'gonghui sealed file v1', 32));
}

function seal(key: Buffer, header: Buffer, prefix: Buffer, index: number, isLast: boolean, plain: Buffer): Buffer {
  if (index > 0xffffffff) throw new Error('sealed file too large');
  const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index, isLast));
  cipher.setAAD(header);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function writer(master: Buffer, filePath: string, chunkSize: number): Writable {
  const salt = randomBytes(SALT_BYTES);
  const prefix = randomBytes(PREFIX_BYTES);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(chunkSize, MAGIC.length);
  salt.copy(header, MAGIC.length + 4);
  prefix.copy(header, MAGIC.length + 4 + SALT_BYTES);
  const key = fileKey(master, salt);
  let handle: FileHandle | undefined;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  const writeOut = async (data: Buffer) => {
    let offset = 0;
    while (offset < data.length) offset += (await handle!.write(data, offset, data.length - offset)).bytesWritten;
  };
  // Holds back at least one byte past the last full chunk: only at the end is it known which chunk is the last.
  const sealFullChunks = async () => {
    if (pendingBytes <= chunkSize) return;
    let all = Buffer.concat(pending, pendingBytes);
    const out: Buffer[] = [];
    while (all.length > chunkSize) {
      out.push(seal(key, header, prefix, index++, false, all.subarray(0, chunkSize)));
      all = all.subarray(chunkSize);
    }
    pending = [Buffer.from(all)];
    pendingBytes = all.length;
    await writeOut(Buffer.concat(out));
  };
  return new Writable({
    construct(done) {
      open(filePath, 'w', 0o600)
        .then(async (h) => {
          handle = h;
          await h.chmod(0o600); // a file that existed keeps its mode on open: set it
          await writeOut(header);
        })
        .then(() => done(), done);
    },
    write(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      sealFullChunks().then(() => done(), done);
    },
    final(done) {
      const last = seal(key, header, prefix, index++, true, Buffer.concat(pending, pendingBytes));
      pending = [];
      writeOut(last)
        .then(() => handle!.close())
        .then(() => {
          handle = undefined;
          done();
        }, done);
    },
    destroy(error, done) {
      const h = handle;
      handle = undefined;
      if (!h) return done(error);
      h.close().then(
        () => done(error),
        () => done(error),
      );
    },
  });
}

async function reader(master: Buffer, filePath: string): Promise<SealedFile> {
  const handle = await open(filePath, 'r');
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
    if (bytesRead !== HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new SealedFileError('not a sealed file');
    const chunkSize = header.readUInt32BE(MAGIC.length);
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_BYTES) throw new SealedFileError('bad chunk size');
    const salt = header.subarray(MAGIC.length + 4, MAGIC.length + 4 + SALT_BYTES);
    const prefix = header.subarray(MAGIC.length + 4 + SALT_BYTES);
    const key = fileKey(master, salt);
    const stride = chunkSize + TAG_BYTES;
    const body = (await handle.stat()).size - HEADER_BYTES;
    const chunks = Math.max(1, Math.ceil(body / stride));
    const lastSealed = body - (chunks - 1) * stride;
    if (lastSealed < TAG_BYTES) throw new SealedFileError('cut short');
    const size = (chunks - 1) * chunkSize + lastSealed - TAG_BYTES;

    const decrypt = async (index: number): Promise<Buffer> => {
      const isLast = index === chunks - 1;
      const sealed = Buffer.alloc(isLast ? lastSealed : stride);
      const got = await handle.read(sealed, 0, sealed.length, HEADER_BYTES + index * stride);
      if (got.bytesRead !== sealed.length) throw new SealedFileError('cut short');
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index, isLast));
      decipher.setAAD(header);
      decipher.setAuthTag(sealed.subarray(-TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(sealed.subarray(0, -TAG_BYTES)), decipher.final()]);
      } catch {
        throw new SealedFileError(`chunk ${index} fails authentication (changed, moved, cut, or another key)`);
      }
    };
    // Random reads (a zip's directory, local headers) hit a few chunks again and again: keep the last few.
    const cache = new Map<number, Buffer>();
    const cached = async (index: number): Promise<Buffer> => {
      const hit = cache.get(index);
      if (hit) {
        cache.delete(index);
        cache.set(index, hit);
        return hit;
      }
      const plain = await decrypt(index);
      cache.set(index, plain);
      if (cache.size > 4) cache.delete(cache.keys().next().value!);
      return plain;
    };
    await cached(chunks - 1); // a file cut at a chunk boundary, or extended, is refused before any byte is used

    let isClosed = false;
    return {
      size,
      async read(buffer, offset, length, position) {
        let done = 0;
        const end = Math.min(position + length, size);
        for (let at = position; at < end;) {
          const plain = await cached(Math.floor(at / chunkSize));
          const from = at % chunkSize;
          const n = Math.min(plain.length - from, end - at);
          plain.copy(buffer, offset + done, from, from + n);
          done += n;
          at += n;
        }
        return { bytesRead: done };
      },
      createReadStream(range = {}) {
        const start = range.start ?? 0;
        const end = Math.min(range.end ?? size - 1, size - 1);
        async function* plaintext() {
          for (let index = Math.floor(start / chunkSize); start <= end && index <= Math.floor(end / chunkSize); index++) {
            const plain = await decrypt(index); // streams read on: caching them would evict the random reads' chunks
            const base = index * chunkSize;
            yield plain.subarray(Math.max(start - base, 0), Math.min(end - base + 1, plain.length));
          }
        }
        return Readable.from(plaintext(), { objectMode: false });
      },
      async close() {
        if (isClosed) return;
        isClosed = true;
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Sealed files under keys derived from the master secret (the purpose "files", apart from the personal-data keys). */
export function createFileSealer(master: Buffer, options: { chunkBytes?: number } = {}): FileSealer {
  const filesKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gonghui files v1', 32));
  const chunkSize = options.chunkBytes ?? SEALED_CHUNK_BYTES;
  if (chunkSize < 1 || chunkSize > MAX_CHUNK_BYTES) throw new Error('chunk size out of range');
  return {
    createWriteStream: (filePath) => writer(filesKey, filePath, chunkSize),
    open: (filePath) => reader(filesKey, filePath),
  };
}
