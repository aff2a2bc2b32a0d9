import { z } from 'zod';
import { Id, queryCount } from './paging.js';

/** A date (YYYY-MM-DD, the start of that day in Beijing time) or a full ISO timestamp. */
const Instant = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/)
  .transform((v) => (v.length === 10 ? `${v}T00:00:00+08:00` : v));

export const AuditListQuery = z.object({
  orgId: Id.optional(),
  /** One action or several, comma-separated (`member.reveal,member.export`). */
  action: z
    .string()
    .trim()
    .max(300)
    .transform((v) =>
      v
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
    )
    .pipe(z.array(z.string().max(60)).max(10))
    .optional(),
  username: z.string().trim().min(1).max(40).optional(),
  result: z.enum(['ok', 'denied', 'failed']).optional(),
  /** Entries at or after this instant. */
  from: Instant.optional(),
  /** Entries before this instant (a date means: before that day starts). */
  to: Instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

/** The actions an auditor lists to see who revealed personal data: single reveals and exports. */
export const REVEAL_ACTIONS = ['member.reveal', 'member.export', 'member.export.done'] as const;

export const AuditRecord = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
  /** What the entry is about: the revealed field and the reason, whether an export was masked and its rows, a refusal's code and repeat count. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
