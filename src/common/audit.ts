import { z } from 'zod';
import { Id, queryCount } from './paging.js';
import { DATE_RANGE, isCalendarDate, localizedCheck } from './inputs.js';

const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** A real calendar day in range, and a time of day that exists (2026-13-40 or 25:61 is refused, never sent to SQL). */
function isInstant(v: string): boolean {
  const m = INSTANT.exec(v);
  if (!m || !isCalendarDate(m[1]!)) return false;
  const [hour, minute, second, offsetHour, offsetMinute] = [m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0));
  return hour! < 24 && minute! < 60 && second! < 60 && offsetHour! < 15 && offsetMinute! < 60;
}

/** A date (YYYY-MM-DD, the start of that day in Beijing time) or a full ISO timestamp. */
const Instant = z
  .string()
  .trim()
  .refine(
    isInstant,
    localizedCheck(
      `应为 ${DATE_RANGE.min} 至 ${DATE_RANGE.max} 之间的真实日期（YYYY-MM-DD）或时间（YYYY-MM-DDTHH:MM）`,
      `must be a real date between ${DATE_RANGE.min} and ${DATE_RANGE.max} (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM)`,
    ),
  )
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
  /** The person who acted: their username or their name as shown (姓名). */
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

/** The auditors' Excel export: the list's filters, every matching entry (up to AUDIT_EXPORT_MAX_ROWS). */
export const AuditExportQuery = AuditListQuery.omit({ cursor: true, limit: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;

/** One export holds at most this many entries; narrow the filters for more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** The actions an auditor lists to see who revealed personal data: single reveals and exports. */
export const REVEAL_ACTIONS = ['member.reveal', 'member.export', 'member.export.done'] as const;

export const AuditRecord = z.object({
  id: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  /** The actor's name as shown (姓名), while their account exists. */
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** The target's name at read time (organisation, employer, user, meeting, roster file, member or applicant in the reader's scope); never a personal number. */
  targetName: z.string().nullable(),
  result: z.enum(['ok', 'denied', 'failed']),
  ip: z.string().nullable(),
  /** What the entry is about: the revealed field and the reason, whether an export was masked and its rows, a refusal's code and repeat count. */
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;
