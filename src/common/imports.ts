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
  /** Rows naming a member of another union: not imported, listed apart for a transfer request in one action. */
  elsewhere: z.number(),
  /** Rows whose 所在单位 is none of the employers the union covers: not imported (they are in the error file). */
  held: z.number(),
  /** Members already in the union without an employer whose row now names a covered one: put on it. */
  attached: z.number(),
  /**
   * The 所在单位 names that matched no covered employer, with their row count, most rows first. Held when the union has
   * employers on record (`held` > 0); imported without an employer when it has none yet.
   */
  unknownEmployers: z.array(z.object({ name: z.string(), rows: z.number() })),
  hasErrorFile: z.boolean(),
  /** When the error file was deleted after its retention period (GONGHUI_IMPORT_ERROR_FILE_DAYS). */
  errorFileExpiredAt: z.string().nullable(),
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

/** A roster row that names a member of another union: what the uploading cadre sees of them (masked). */
export const ImportElsewhereRow = z.object({
  rowNumber: z.number(),
  maskedName: z.string(),
  idNumberMasked: z.string(),
  transferId: z.number().nullable(),
  transferStatus: z.enum(['pending', 'confirmed', 'rejected', 'cancelled']).nullable(),
});
export type ImportElsewhereRow = z.infer<typeof ImportElsewhereRow>;

export const ElsewhereTransfersResult = z.object({ requested: z.number(), skipped: z.number() });
export type ElsewhereTransfersResult = z.infer<typeof ElsewhereTransfersResult>;
