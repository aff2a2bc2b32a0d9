import { z } from 'zod';
import { queryCount } from './paging.js';

/** A text message as the federation admin reads it in the outbox: the phone masked, the text in both languages. */
export const OutboxMessage = z.object({
  id: z.number(),
  at: z.string(),
  phoneMasked: z.string(),
  purpose: z.enum(['sign_in_code', 'consent_code', 'transfer_notice', 'event_confirmed', 'event_offer', 'event_reminder']),
  textZh: z.string(),
  textEn: z.string(),
  channel: z.enum(['outbox', 'http']),
  status: z.enum(['queued', 'sent', 'failed']),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

export const OutboxQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type OutboxQuery = z.infer<typeof OutboxQuery>;
