import { z } from 'zod';
import { Id, queryCount } from './paging.js';

/** Largest roster a browser may upload (the command-line import takes larger files). */
export const ROSTER_UPLOAD_MAX_MB = 50;

export const ImportJob = z.object({
  id: z.number(),
  orgId: z.number(),
  fileName: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  rowsRead: z.number(),
  imported: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  hasErrorFile: z.boolean(),
  /** When failed: why, in the caller's language. */
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportListQuery = z.object({
  orgId: Id,
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 100).default(20),
});
export const ImportUploadQuery = z.object({ orgId: Id });
