import { z } from 'zod';
import { BodyId, Id } from './paging.js';
import { defineAuditActions } from './audit.actions.js';

/**
 * Named non-members of an event (非会员, issue #13): gig workers not yet in a union (外卖骑手, 快递员) whom a cadre of
 * the event's owner or a co-organiser names with a mobile and signs up for a first-come session. The mobile is sealed
 * at rest and only ever answered masked (138****5678). Semantics in src/server/modules/events/0047_event_guests.sql.
 */
export const GUEST_LIMITS = { name: 50, note: 100, perEvent: 2000 } as const;

export const AddGuestBody = z.object({
  name: z.string().trim().min(1).max(GUEST_LIMITS.name),
  /** A mainland mobile (checked by parsePhone on the server, with the precise problem). */
  phone: z.string().trim().min(1).max(30),
  /** Who they are, e.g. 外卖骑手. */
  note: z.string().trim().max(GUEST_LIMITS.note).default(''),
  /** The inviting unit: the event's owner or a co-organiser node the caller writes at (default: the first such node). */
  orgId: BodyId.optional(),
});
export type AddGuestBody = z.input<typeof AddGuestBody>;

export const Guest = z.object({
  id: z.number(),
  eventId: z.number(),
  name: z.string(),
  /** Masked: 138****5678; the whole number is never answered. */
  phoneMasked: z.string(),
  note: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  createdAt: z.string(),
});
export type Guest = z.infer<typeof Guest>;

export const GuestList = z.object({ items: z.array(Guest) });
export type GuestList = z.infer<typeof GuestList>;

export const GuestParams = z.object({ id: Id, guestId: Id });

/** POST /api/events/:id/guests/:guestId/sign-up: a cadre signs a guest up for a first-come session (idempotent by key). */
export const GuestSignUpBody = z.object({ sessionId: BodyId, key: z.string().min(1).max(100) });
export type GuestSignUpBody = z.infer<typeof GuestSignUpBody>;

export const GuestSignUpResult = z.object({
  registrationId: z.number(),
  status: z.enum(['confirmed', 'waitlisted', 'offered', 'other']),
});
export type GuestSignUpResult = z.infer<typeof GuestSignUpResult>;

const say = (zh: string, en: string, zhS: string, enS: string) => ({
  label: { 'zh-CN': zh, en },
  sentence: { 'zh-CN': zhS, en: enS },
});
defineAuditActions({
  'event.guest.add': say('添加非会员', 'Add guest', '为活动 {target} 添加一名非会员', 'Added a guest to {target}'),
  'event.guest.remove': say('移除非会员', 'Remove guest', '从活动 {target} 移除一名非会员', 'Removed a guest from {target}'),
  'event.guest.sign_up': say('非会员报名', 'Guest sign-up', '为活动 {target} 的一名非会员报名', 'Signed a guest up for {target}'),
});
