import type { EventDetail } from '../../../common/events.js';
import { DRAW_FORMAT, DRAW_METHOD, type DrawExport, type EventDraws, type PublicEventDraws } from '../../../common/events.draw.js';

/** An open first-come event of a street with one session, as the server answers it; fields overridable. */
export function buildEvent(overrides: Partial<EventDetail> = {}): EventDetail {
  return {
    id: 4,
    orgId: 2,
    orgName: '东华门街道总工会',
    kind: 'outing',
    title: '科技+杏福',
    description: '',
    selection: 'first_come',
    promotion: 'auto',
    offerHours: null,
    status: 'open',
    createdAt: '2026-06-01T00:00:00.000Z',
    audience: [{ orgId: 2, orgName: '东华门街道总工会' }],
    coOrganisers: [],
    sessions: [
      {
        id: 11,
        startsAt: '2026-06-20T00:00:00.000Z',
        endsAt: '2026-06-20T09:00:00.000Z',
        place: '中关村',
        capacity: 45,
        confirmed: 3,
        waitlisted: 0,
        opensAt: '2026-06-01T00:00:00.000Z',
        closesAt: '2026-06-20T00:00:00.000Z',
        isOpenNow: true,
        quotas: [],
      },
    ],
    ...overrides,
  };
}

const hex = (c: string) => c.repeat(64);

/** The console's draws of a lottery event (id 4, session 11): the plan declared and one draw frozen, drawn if `isDrawn`. */
export function buildEventDraws(isDrawn: boolean): EventDraws {
  return {
    eventId: 4,
    plan: { seedSource: '中国福利彩票双色球 2026-12-03 开奖号码', quotas: [], ranking: null, declaredAt: '2026-06-01T00:00:00.000Z' },
    draws: [
      {
        id: 1,
        sessionId: 11,
        mode: 'lottery',
        entries: 3,
        frozenHash: hex('a'),
        frozenAt: '2026-06-20T00:00:05.000Z',
        seed: isDrawn ? '03 07 12 19 25 31 + 08' : null,
        resultHash: isDrawn ? hex('b') : null,
        drawnAt: isDrawn ? '2026-12-03T14:00:00.000Z' : null,
        confirmed: isDrawn ? 2 : null,
        waitlisted: isDrawn ? 1 : null,
      },
    ],
  };
}

/** The public page's answer for the same draw: masked names and keys, two selected and one waiting once drawn. */
export function buildPublicDraws(isDrawn: boolean): PublicEventDraws {
  const row = (entryId: string, maskedName: string, key: string, outcome: 'won' | 'waiting', position: number) => ({
    entryId,
    maskedName,
    stratum: null,
    key: hex(key),
    outcome,
    position,
    sessionId: null,
    earned: null,
  });
  return {
    eventId: 4,
    title: '科技+杏福',
    sessions: [{ id: 11, startsAt: '2026-06-20T00:00:00.000Z', endsAt: '2026-06-20T09:00:00.000Z', place: '中关村' }],
    draws: [
      {
        id: 1,
        sessionId: 11,
        mode: 'lottery',
        seedSource: '中国福利彩票双色球 2026-12-03 开奖号码',
        frozenHash: hex('a'),
        frozenAt: '2026-06-20T00:00:05.000Z',
        entries: 3,
        seed: isDrawn ? '03 07 12 19 25 31 + 08' : null,
        resultHash: isDrawn ? hex('b') : null,
        rows: isDrawn ? [row('1-7', '张*明', '1', 'won', 1), row('1-8', '李*', '2', 'won', 2), row('1-9', '王*华', '3', 'waiting', 1)] : [],
      },
    ],
  };
}

/** The export of the drawn draw (what verify-draw checks): one winner on a unit's quota, one on an open place. */
export function buildDrawExport(): DrawExport {
  return {
    format: DRAW_FORMAT,
    method: DRAW_METHOD,
    title: '科技+杏福',
    seedSource: '中国福利彩票双色球 2026-12-03 开奖号码',
    frozenAt: '2026-06-20T00:00:05.000Z',
    places: 2,
    quotas: [{ stratum: 'org:5', quota: 1 }],
    entries: [
      { entryId: '1-7', maskedName: '张*明', stratum: 'org:5' },
      { entryId: '1-8', maskedName: '李*', stratum: null },
      { entryId: '1-9', maskedName: '王*华', stratum: null },
    ],
    frozenHash: hex('a'),
    seed: '03 07 12 19 25 31 + 08',
    result: {
      seedCheck: hex('c'),
      winners: [
        { entryId: '1-7', key: hex('1'), basis: 'quota' },
        { entryId: '1-8', key: hex('2'), basis: 'open' },
      ],
      waitlist: [{ entryId: '1-9', key: hex('3') }],
    },
  };
}
