import { z } from 'zod';

/** A text message as the federation admin reads it in the outbox: the phone masked, the text in both languages. */
export const OutboxMessage = z.object({
  id: z.number(),
  at: z.string(),
  phoneMasked: z.string(),
  purpose: z.enum(['sign_in_code', 'consent_code', 'transfer_notice']),
  textZh: z.string(),
  textEn: z.string(),
  channel: z.enum(['outbox', 'http']),
  status: z.enum(['queued', 'sent', 'failed']),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;
