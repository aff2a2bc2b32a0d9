import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImageMime } from '../../common/images.js';

/**
 * Images kept by modules (event photos, hand-out photos, ledger photos): what an upload is, by its bytes, and how a
 * stored image is answered. The checks are the same everywhere; each module keeps its own limits and error codes.
 */

/** The image type by its first bytes — never by the file name or the type the browser claims. */
export function sniffImage(head: Uint8Array): ImageMime | undefined {
  const b = Buffer.from(head.buffer, head.byteOffset, Math.min(head.length, 16));
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

/** An uploaded image that passed: its type by its bytes, and the hash it is stored and cached under. */
export type CheckedImage = { mime: ImageMime; sha256: string };

/**
 * Checks an upload is one image within `maxBytes`, throwing the route's own errors: too large (also when the reader
 * cut it short) before not an image, so a huge non-image is told its size first.
 */
export function checkImage(
  upload: { content: Buffer; truncated: boolean },
  limits: { maxBytes: number; tooLarge: () => Error; notImage: () => Error },
): CheckedImage {
  if (upload.truncated || upload.content.length > limits.maxBytes) throw limits.tooLarge();
  const mime = upload.content.length === 0 ? undefined : sniffImage(upload.content);
  if (!mime) throw limits.notImage();
  return { mime, sha256: createHash('sha256').update(upload.content).digest('hex') };
}

/** A stored image to answer with. */
export type ImageFile = { mime: ImageMime; size: number; sha256: string; bytes: Buffer };

/** A bytea column as read by either engine (a Buffer from pg, a Uint8Array from PGlite) as a Buffer, without a copy. */
export function imageFile(row: { mime: ImageMime; size: number; sha256: string; bytes: Uint8Array }): ImageFile {
  const bytes = Buffer.isBuffer(row.bytes) ? row.bytes : Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
  return { mime: row.mime, size: row.size, sha256: row.sha256, bytes };
}

/** Answers an image: a photo never changes under its id, so the browser may keep it (the hash is its ETag). */
export function sendImage(req: FastifyRequest, reply: FastifyReply, file: ImageFile) {
  const etag = `"${file.sha256}"`;
  reply.header('cache-control', 'private, max-age=86400').header('etag', etag).header('x-content-type-options', 'nosniff');
  if (req.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.type(file.mime).header('content-length', file.size).send(file.bytes);
}
