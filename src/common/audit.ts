import { z } from 'zod';
import { Id, queryCount } from './paging.js';

export const AuditListQuery = z.object({
  orgId: Id.optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditRecord = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  result: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
