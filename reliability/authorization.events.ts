import { randomUUID } from 'node:crypto';
import { pngUpload } from '../src/server/modules/events/events.fixtures.js';

/**
 * The events rows (活动, issue #13) the authorization reliability test aims at inside the target subtree: a
 * first-come event of the street T with one open session, and the target member (of the union U) signed up for it.
 * Made through the routes as the root's admin.
 */
export type AdminRequest = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object; contentType?: string };
export type AsAdmin = <T>(request: AdminRequest) => Promise<T>;
type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object; contentType?: string };

export type EventsWorld = {
  event: number;
  session: number;
  registration: number;
  memberId: number;
  orgId: number;
  photoUrl: string;
  /** A named non-member (非会员) of the event. */
  guest: number;
};

export async function buildEventsWorld(asAdmin: AsAdmin, o: { orgId: number; memberId: number; label: string }): Promise<EventsWorld> {
  const hour = 3_600_000;
  const now = Date.now();
  const event = await asAdmin<{ id: number; sessions: { id: number }[] }>({
    method: 'POST',
    url: '/api/events',
    payload: {
      orgId: o.orgId,
      kind: 'culture',
      title: `${o.label}职工观影`,
      sessions: [
        {
          startsAt: new Date(now + 400 * 24 * hour).toISOString(),
          endsAt: new Date(now + 400 * 24 * hour + 2 * hour).toISOString(),
          place: '工人文化宫',
          capacity: 5,
          opensAt: new Date(now - hour).toISOString(),
          closesAt: new Date(now + 365 * 24 * hour).toISOString(),
        },
      ],
    },
  });
  const session = event.sessions[0]!.id;
  const done = await asAdmin<{ items: { registrationId: number | null }[] }>({
    method: 'POST',
    url: `/api/events/${event.id}/registrations/bulk`,
    payload: { sessionId: session, key: 'world', memberIds: [o.memberId] },
  });
  const photo = await asAdmin<{ url: string }>({ method: 'POST', url: `/api/events/${event.id}/photos?role=cover`, ...pngUpload() });
  const guest = await asAdmin<{ id: number }>({
    method: 'POST',
    url: `/api/events/${event.id}/guests`,
    payload: { name: `${o.label}骑手`, phone: `1387${String(event.id).padStart(7, '0').slice(-7)}`, note: '外卖骑手' },
  });
  // A grouping of the session, so that reading the latest one is aimed at something that exists.
  await asAdmin({ method: 'POST', url: `/api/events/${event.id}/sessions/${session}/groupings`, payload: { groups: 1 } });
  return {
    guest: guest.id,
    event: event.id,
    session,
    registration: done.items[0]!.registrationId!,
    memberId: o.memberId,
    orgId: o.orgId,
    photoUrl: photo.url,
  };
}

/** Every cadre route of the events module, aimed at T's event, its session and the target member's registration. */
export function aimedAtTargetEvents(w: EventsWorld): { route: string; request: Req }[] {
  const r = (route: string, request: Req) => ({ route, request });
  const event = `/api/events/${w.event}`;
  return [
    r('POST /api/events', {
      method: 'POST',
      url: '/api/events',
      payload: {
        orgId: w.orgId,
        kind: 'sports',
        title: '越权活动',
        sessions: [
          {
            startsAt: '2027-01-01T09:00:00+08:00',
            endsAt: '2027-01-01T11:00:00+08:00',
            place: '越权',
            capacity: 5,
            opensAt: '2026-01-01T00:00:00+08:00',
            closesAt: '2026-12-31T00:00:00+08:00',
          },
        ],
      },
    }),
    r('GET /api/events', { method: 'GET', url: `/api/events?orgId=${w.orgId}` }),
    r('GET /api/events/:id', { method: 'GET', url: event }),
    r('PATCH /api/events/:id/sessions/:sessionId', { method: 'PATCH', url: `${event}/sessions/${w.session}`, payload: { capacity: 100 } }),
    r('POST /api/events/:id/registrations/bulk', {
      method: 'POST',
      url: `${event}/registrations/bulk`,
      payload: { sessionId: w.session, key: 'outsider', memberIds: [w.memberId] },
    }),
    r('GET /api/events/:id/registrations', { method: 'GET', url: `${event}/registrations?orgId=${w.orgId}` }),
    r('POST /api/events/:id/registrations/:registrationId/cancel', {
      method: 'POST',
      url: `${event}/registrations/${w.registration}/cancel`,
    }),
    r('POST /api/events/:id/registrations/:registrationId/no-show', {
      method: 'POST',
      url: `${event}/registrations/${w.registration}/no-show`,
    }),
    r('GET /api/events/:id/sessions/:sessionId/check-in/pack', { method: 'GET', url: `${event}/sessions/${w.session}/check-in/pack` }),
    r('POST /api/events/:id/sessions/:sessionId/check-in/sync', {
      method: 'POST',
      url: `${event}/sessions/${w.session}/check-in/sync`,
      payload: { scans: [{ scanId: randomUUID(), token: 'ET1.x.y', scannedAt: new Date().toISOString(), deviceId: 'outsider' }] },
    }),
    r('POST /api/events/:id/registrations/:registrationId/check-in', {
      method: 'POST',
      url: `${event}/registrations/${w.registration}/check-in`,
    }),
    r('POST /api/events/:id/draw/plan', { method: 'POST', url: `${event}/draw/plan`, payload: { seedSource: '越权来源' } }),
    r('POST /api/events/:id/draw/freeze', { method: 'POST', url: `${event}/draw/freeze` }),
    r('POST /api/events/:id/draw/seed', { method: 'POST', url: `${event}/draw/seed`, payload: { seed: '1 2 3' } }),
    r('GET /api/events/:id/draws', { method: 'GET', url: `${event}/draws` }),
    r('GET /api/events/reach', { method: 'GET', url: `/api/events/reach?orgId=${w.orgId}&from=2026-01-01&to=2027-12-31` }),
    r('GET /api/events/:id/report', { method: 'GET', url: `${event}/report` }),
    r('POST /api/events/:id/close', { method: 'POST', url: `${event}/close`, payload: { summary: '越权总结' } }),
    r('POST /api/events/:id/cancel', { method: 'POST', url: `${event}/cancel` }),
    r('POST /api/events/:id/copy', { method: 'POST', url: `${event}/copy`, payload: { firstDate: '2027-09-01' } }),
    r('POST /api/events/:id/open', { method: 'POST', url: `${event}/open` }),
    r('GET /api/events/:id/by-unit', { method: 'GET', url: `${event}/by-unit?orgId=${w.orgId}` }),
    r('GET /api/events/:id/registrations/export', { method: 'GET', url: `${event}/registrations/export?orgId=${w.orgId}` }),
    r('POST /api/events/:id/photos', { method: 'POST', url: `${event}/photos?role=closing`, ...pngUpload() }),
    r('GET /api/events/:id/photos', { method: 'GET', url: `${event}/photos` }),
    r('GET /api/events/:id/photos/:photoId', { method: 'GET', url: w.photoUrl }),
    r('DELETE /api/events/:id/photos/:photoId', { method: 'DELETE', url: w.photoUrl }),
    r('GET /api/events/:id/guests', { method: 'GET', url: `${event}/guests` }),
    r('POST /api/events/:id/guests', {
      method: 'POST',
      url: `${event}/guests`,
      payload: { name: '越权骑手', phone: `1388${String(w.event).padStart(7, '0').slice(-7)}` },
    }),
    r('DELETE /api/events/:id/guests/:guestId', { method: 'DELETE', url: `${event}/guests/${w.guest}` }),
    r('POST /api/events/:id/guests/:guestId/sign-up', {
      method: 'POST',
      url: `${event}/guests/${w.guest}/sign-up`,
      payload: { sessionId: w.session, key: 'outsider' },
    }),
    r('PUT /api/events/:id/sessions/:sessionId/quotas', {
      method: 'PUT',
      url: `${event}/sessions/${w.session}/quotas`,
      payload: { quotas: [{ orgId: w.orgId, places: 1 }] },
    }),
    r('POST /api/events/:id/sessions/:sessionId/groupings', {
      method: 'POST',
      url: `${event}/sessions/${w.session}/groupings`,
      payload: { groups: 1, seed: '越权分组' },
    }),
    r('GET /api/events/:id/sessions/:sessionId/groupings/latest', {
      method: 'GET',
      url: `${event}/sessions/${w.session}/groupings/latest`,
    }),
    r('GET /api/events/:id/sessions/:sessionId/groupings/latest/export', {
      method: 'GET',
      url: `${event}/sessions/${w.session}/groupings/latest/export`,
    }),
  ];
}
