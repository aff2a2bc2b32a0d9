import type { FastifyRequest } from 'fastify';
import type { AppError } from '../../common/errors.js';

/** The one file of a multipart upload, read whole; `truncated` when it ran past the limit without the parser saying so. */
export type UploadedFile = { bytes: Buffer; fileName: string | null; truncated: boolean };

export type UploadLimits = {
  maxBytes: number;
  /** Refuse a second file part instead of ignoring it. */
  oneFile?: boolean;
  /** The route's error when the request is not multipart or carries no file. */
  missing: () => AppError;
  /** The route's error when the file is larger than `maxBytes`. */
  tooLarge: () => AppError;
};

/**
 * Reads the one file of a multipart request into memory, at most `maxBytes`, answering with the route's own errors
 * (a 4xx with its words, never the parser's 413 or a 500).
 */
export async function readUploadedFile(req: FastifyRequest, limits: UploadLimits): Promise<UploadedFile> {
  if (!req.isMultipart()) throw limits.missing();
  const file = await req.file({ limits: { fileSize: limits.maxBytes, ...(limits.oneFile ? { files: 1 } : {}) } });
  if (!file) throw limits.missing();
  const bytes = await file.toBuffer().catch((error: unknown) => {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw limits.tooLarge();
    throw error;
  });
  return { bytes, fileName: file.filename || null, truncated: file.file.truncated };
}
