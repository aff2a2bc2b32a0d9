import type { EventSession, MemberEvent, MemberRegistration } from '../../../common/events.js';
import type { PortalMe } from '../../../common/portal.js';

/** A signed-in member as /api/portal/me answers. */
export const signedInMember: PortalMe = {
  name: '张*',
  idNumberMasked: '1101**********1234',
  phoneMasked: '138****0000',
  orgName: '东城区某公司工会',
  status: 'member',
  joinDate: '2024-01-01',
  cardNo: null,
  cardStatus: 'none',
  transfers: [],
  applications: [],
};

/** A session of 30 places, 10 taken, with the given sign-up window. */
export function sessionWith(id: number, opensAt: string, closesAt: string, over: Partial<EventSession> = {}): EventSession {
  return {
    id,
    startsAt: '2026-06-10T09:00:00+08:00',
    endsAt: '2026-06-10T11:00:00+08:00',
    place: '工人文化宫',
    capacity: 30,
    confirmed: 10,
    waitlisted: 0,
    opensAt,
    closesAt,
    isOpenNow: false,
    quotas: [],
    ...over,
  };
}

/** An event open to the member with these sessions. */
export function eventWith(sessions: EventSession[], over: Partial<MemberEvent> = {}): MemberEvent {
  return {
    id: 1,
    orgName: '东城区某街道工会',
    kind: 'culture',
    title: '职工观影',
    description: '',
    selection: 'first_come',
    promotion: 'offer',
    offerHours: 24,
    status: 'open',
    createdAt: '2026-05-01T00:00:00Z',
    hasCover: false,
    sessions,
    ...over,
  };
}

/** One of my registrations. */
export function registrationWith(over: Partial<MemberRegistration>): MemberRegistration {
  return {
    id: 500,
    eventId: 1,
    sessionId: 11,
    status: 'confirmed',
    waitlistPosition: null,
    offerExpiresAt: null,
    cancelReason: null,
    createdAt: '2026-05-20T00:00:00Z',
    eventTitle: '职工观影',
    startsAt: '2026-06-10T09:00:00+08:00',
    place: '工人文化宫',
    groupNo: null,
    ...over,
  };
}
