import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileSealer, SealedFileError, type FileSealer } from './sealed-file.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gonghui-sealed-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let serial = 0;
const CHUNK = 64; // small chunks: many chunk boundaries in small files
const sealer = createFileSealer(Buffer.alloc(32, 7), { chunkBytes: CHUNK });

async function sealBytes(data: Buffer, pieces = 1, by: FileSealer = sealer): Promise<string> {
  const file = path.join(dir, `f${serial++}.sealed`);
  const step = Math.max(1, Math.ceil(data.length / pieces));
  const parts = Array.from({ length: Math.ceil(data.length / step) }, (_, i) => data.subarray(i * step, (i + 1) * step));
  await pipeline(Readable.from(parts), by.createWriteStream(file));
  return file;
}

async function readAll(file: string, by: FileSealer = sealer): Promise<Buffer> {
  const sealed = await by.open(file);
  try {
    return await buffer(sealed.createReadStream());
  } finally {
    await sealed.close();
  }
}

describe('sealed files', () => {
  it('round-trips any content, read whole, by range and at random positions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 700 }),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        fc.nat(),
        async (bytes, pieces, a, b) => {
          const data = Buffer.from(bytes);
          const file = await sealBytes(data, pieces);
          const sealed = await sealer.open(file);
          try {
            expect(sealed.size).toBe(data.length);
            expect(await buffer(sealed.createReadStream())).toEqual(data);
            const start = data.length === 0 ? 0 : a % data.length;
            const end = data.length === 0 ? 0 : start + (b % (data.length - start));
            if (data.length > 0) expect(await buffer(sealed.createReadStream({ start, end }))).toEqual(data.subarray(start, end + 1));
            const out = Buffer.alloc(end - start + 10);
            const { bytesRead } = await sealed.read(out, 3, end - start + 1, start);
            expect(out.subarray(3, 3 + bytesRead)).toEqual(data.subarray(start, end + 1));
          } finally {
            await sealed.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes the file with mode 0600 and no plaintext on disk', async () => {
    const text = Buffer.from('姓名,身份证号,手机号\r\n张三,11010519491231002X,13812345678\r\n'.repeat(50));
    const file = await sealBytes(text, 7);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const raw = fs.readFileSync(file);
    expect(raw.includes('11010519491231002X')).toBe(false);
    expect(raw.includes('13812345678')).toBe(false);
    expect(raw.includes(Buffer.from('张三'))).toBe(false);
    expect(await readAll(file)).toEqual(text);
  });

  it('refuses a changed byte, swapped chunks, a cut, an extension and another key', async () => {
    const data = Buffer.from(Array.from({ length: 5 * CHUNK + 10 }, (_, i) => i % 251));
    const stride = CHUNK + 16;
    const header = 35;
    const variants: [string, (raw: Buffer) => Buffer][] = [
      ['a flipped byte', (raw) => Buffer.from(raw.map((v, i) => (i === header + stride + 5 ? v ^ 1 : v)))],
      ['a flipped header byte', (raw) => Buffer.from(raw.map((v, i) => (i === 20 ? v ^ 1 : v)))],
      [
        'two chunks swapped',
        (raw) =>
          Buffer.concat([
            raw.subarray(0, header),
            raw.subarray(header + stride, header + 2 * stride),
            raw.subarray(header, header + stride),
            raw.subarray(header + 2 * stride),
          ]),
      ],
      ['cut at a chunk boundary', (raw) => raw.subarray(0, header + 3 * stride)],
      ['cut inside a chunk', (raw) => raw.subarray(0, raw.length - 5)],
      ['an appended chunk', (raw) => Buffer.concat([raw, raw.subarray(header, header + stride)])],
    ];
    const original = fs.readFileSync(await sealBytes(data, 3));
    for (const [, change] of variants) {
      const file = path.join(dir, `t${serial++}`);
      fs.writeFileSync(file, change(original));
      await expect(readAll(file)).rejects.toBeInstanceOf(SealedFileError);
    }
    // A chunk of another file sealed under the same key, at the same position: its header differs.
    const other = fs.readFileSync(await sealBytes(data, 2));
    const mixed = Buffer.concat([
      original.subarray(0, header + stride),
      other.subarray(header + stride, header + 2 * stride),
      original.subarray(header + 2 * stride),
    ]);
    const mixedFile = path.join(dir, `t${serial++}`);
    fs.writeFileSync(mixedFile, mixed);
    await expect(readAll(mixedFile)).rejects.toBeInstanceOf(SealedFileError);
    const stranger = createFileSealer(Buffer.alloc(32, 8), { chunkBytes: CHUNK });
    await expect(readAll(await sealBytes(data), stranger)).rejects.toBeInstanceOf(SealedFileError);
    await expect(readAll(path.join(dir, 'missing'))).rejects.toThrow();
  });

  it('refuses a plain file as sealed', async () => {
    const file = path.join(dir, `plain${serial++}.csv`);
    fs.writeFileSync(file, 'a,b\n1,2\n');
    await expect(sealer.open(file)).rejects.toBeInstanceOf(SealedFileError);
  });
});
