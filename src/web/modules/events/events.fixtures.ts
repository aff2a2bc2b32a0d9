import type { EventDetail } from '../../../common/events.js';

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
      },
    ],
    ...overrides,
  };
}
