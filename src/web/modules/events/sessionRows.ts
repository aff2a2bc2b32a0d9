import type { SessionInput } from '../../../common/events.js';

/** One row of the sessions editor: a Beijing day, start and end times (HH:mm), a place and its places. */
export type SessionRow = { date?: string; start?: string; end?: string; place?: string; capacity?: number | null };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/u;

/** The Beijing day `n` days after `day` (YYYY-MM-DD), by the calendar. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The 33-trip helper: `count` rows on successive days from the first row's day, each with its times, place and places. */
export function repeatDaily(first: SessionRow, count: number): SessionRow[] {
  if (!first.date) return [first];
  return Array.from({ length: count }, (_, i) => ({ ...first, date: addDays(first.date!, i) }));
}

/** A complete row as the server's session (Beijing offset); sign-up opens at midnight of `opensOn`, closes at the start. */
export function toSessionInput(row: SessionRow, opensOn: string): SessionInput | undefined {
  if (!row.date || !row.start || !row.end || !row.place?.trim() || !row.capacity) return undefined;
  if (!TIME.test(row.start) || !TIME.test(row.end)) return undefined;
  const startsAt = `${row.date}T${row.start}:00+08:00`;
  return {
    startsAt,
    endsAt: `${row.date}T${row.end}:00+08:00`,
    place: row.place.trim(),
    capacity: row.capacity,
    opensAt: `${opensOn}T00:00:00+08:00`,
    closesAt: startsAt,
  };
}

/** 'YYYY-MM-DD' on Beijing's calendar, `days` from today. */
export function beijingDay(days = 0): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** An instant shown as Beijing 'YYYY-MM-DD HH:mm'. */
export function beijingMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
