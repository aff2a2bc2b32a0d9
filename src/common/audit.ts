import { z } from 'zod';

export const AuditListQuery = z.object({
  orgId: z.coerce.number().int().positive().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
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
