import type { EventSession } from '../../../common/events.js';

/** Where an instant lies against a session's half-open sign-up window [opensAt, closesAt): 未开始 / 报名中 / 已截止. */
export type WindowState = 'notYet' | 'open' | 'closed';

/** The window state at `at` (milliseconds of the server's clock): open from opensAt on, closed from closesAt on. */
export function windowState(session: Pick<EventSession, 'opensAt' | 'closesAt'>, at: number): WindowState {
  if (at < Date.parse(session.opensAt)) return 'notYet';
  return at < Date.parse(session.closesAt) ? 'open' : 'closed';
}

/** The next instant after `at` at which some session's window opens or closes (the page re-renders then), if any. */
export function nextBoundary(sessions: Pick<EventSession, 'opensAt' | 'closesAt'>[], at: number): number | undefined {
  const ahead = sessions.flatMap((s) => [Date.parse(s.opensAt), Date.parse(s.closesAt)]).filter((t) => t > at);
  return ahead.length > 0 ? Math.min(...ahead) : undefined;
}
