/** The periods of the dashboard's reach card, as the Beijing calendar days GET /api/events/reach counts (both included). */
export type ReachPeriod = { from: string; to: string };
export type ReachPeriodChoice = 'thisYear' | 'lastYear' | 'months';
/** A month as YYYY-MM. */
export type Month = string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The year on Beijing's calendar at `now` (UTC+8, no daylight saving). */
export function beijingYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** The month on Beijing's calendar at `now`, YYYY-MM. */
export function beijingMonth(now: Date): Month {
  const b = new Date(now.getTime() + 8 * 3_600_000);
  return `${b.getUTCFullYear()}-${pad(b.getUTCMonth() + 1)}`;
}

export function yearPeriod(year: number): ReachPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** From the first day of `first` to the last day of `last` (28, 29, 30 or 31). */
export function monthsPeriod(first: Month, last: Month): ReachPeriod {
  const [year, month] = last.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${first}-01`, to: `${last}-${pad(lastDay)}` };
}

/** The period of a choice: this or last calendar year, or a range of months (default: this year up to this month). */
export function periodOf(choice: ReachPeriodChoice, months: [Month, Month] | null, now: Date): ReachPeriod {
  const year = beijingYear(now);
  if (choice === 'thisYear') return yearPeriod(year);
  if (choice === 'lastYear') return yearPeriod(year - 1);
  return monthsPeriod(...(months ?? [`${year}-01`, beijingMonth(now)]));
}
