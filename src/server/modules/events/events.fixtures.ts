import type { AuthzFixtures } from '../../testing/authz.js';
import { buildMember } from '../../testing/harness.js';
import type { EventDetail } from '../../../common/events.js';

/** A session open for sign-up since an hour ago until a year ahead, with `capacity` places. */
export function openSession(capacity: number, place = '工人文化宫') {
  const hour = 3_600_000;
  const now = Date.now();
  return {
    startsAt: new Date(now + 400 * 24 * hour).toISOString(),
    endsAt: new Date(now + 400 * 24 * hour + 2 * hour).toISOString(),
    place,
    capacity,
    opensAt: new Date(now - hour).toISOString(),
    closesAt: new Date(now + 365 * 24 * hour).toISOString(),
  };
}

const members = new WeakMap<AuthzFixtures, Promise<number>>();

/** One member of the union U, made once per matrix run: the person the registration cases sign up. */
export function memberOfUnion(f: AuthzFixtures): Promise<number> {
  let made = members.get(f);
  if (!made) {
    made = buildMember(f.ctx, f.tree.dcUnion.id, { name: '矩阵活动会员' }).then((m) => m.id);
    members.set(f, made);
  }
  return made;
}

/** A first-come event of the street T, open to T's subtree, with one open session of 10 places. */
export function eventOnStreet(f: AuthzFixtures): Promise<EventDetail> {
  return f.asAdmin<EventDetail>({
    method: 'POST',
    url: '/api/events',
    payload: { orgId: f.tree.dcStreet.id, kind: 'culture', title: `矩阵观影活动${f.unique()}`, sessions: [openSession(10)] },
  });
}

/** The event above with U's member signed up (confirmed) by the admin: the registration cases aim at it. */
export async function registrationOnStreet(f: AuthzFixtures): Promise<{ event: EventDetail; registrationId: number }> {
  const event = await eventOnStreet(f);
  const memberId = await memberOfUnion(f);
  const done = await f.asAdmin<{ items: { registrationId: number | null }[] }>({
    method: 'POST',
    url: `/api/events/${event.id}/registrations/bulk`,
    payload: { sessionId: event.sessions[0]!.id, key: `m${f.unique()}`, memberIds: [memberId] },
  });
  return { event, registrationId: done.items[0]!.registrationId! };
}

export { pngUpload } from '../../testing/uploads.js';

/** A mainland mobile unique in this matrix run, for a guest (非会员). */
export function guestPhoneOf(f: AuthzFixtures): string {
  return `1386${String(f.unique()).padStart(7, '0').slice(-7)}`;
}

/** The street T's event with one named guest, added by the admin: the guest cases aim at it. */
export async function guestOnStreet(f: AuthzFixtures): Promise<{ event: EventDetail; guestId: number }> {
  const event = await eventOnStreet(f);
  const guest = await f.asAdmin<{ id: number }>({
    method: 'POST',
    url: `/api/events/${event.id}/guests`,
    payload: { name: '矩阵骑手', phone: guestPhoneOf(f), note: '外卖骑手' },
  });
  return { event, guestId: guest.id };
}
