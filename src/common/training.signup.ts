import { z } from 'zod';
import { defineAuditActions } from './audit.actions.js';
import { EVENT_LIMITS } from './events.js';

const Instant = z.string().datetime({ offset: true });

/**
 * Opening sign-up of a training session through the events machinery (报名): the places offered, and the window
 * (default: from now until the session starts).
 */
export const OpenSignUpBody = z.object({
  capacity: z.number().int().min(1).max(EVENT_LIMITS.capacity),
  opensAt: Instant.optional(),
  closesAt: Instant.optional(),
});
export type OpenSignUpBody = z.infer<typeof OpenSignUpBody>;

defineAuditActions({
  'training.session.sign_up': {
    label: { 'zh-CN': '开放培训报名', en: 'Open training sign-up' },
    sentence: { 'zh-CN': '为培训场次 {target} 开放了报名', en: 'opened sign-up for the training session {target}' },
  },
});
