import type { LightMyRequestResponse } from 'fastify';
import { buildMember, signInMember, type TestContext } from '../../testing/harness.js';
import type { AuthzFixtures } from '../../testing/authz.js';
import type { EventDetail } from '../../../common/events.js';
import type { MatchSettingsBody, ProfileBody } from '../../../common/matchmaking.js';
import { openSession } from '../events/events.fixtures.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request through app.inject with the given cookie (the admin's when omitted, none when ''). */
export function send(
  ctx: TestContext,
  method: Method,
  url: string,
  payload?: object,
  cookie = ctx.adminCookie,
): Promise<LightMyRequestResponse> {
  return ctx.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
}

function ok(r: LightMyRequestResponse, what: string): LightMyRequestResponse {
  if (r.statusCode >= 300) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r;
}

let serial = 0;

/** A matchmaking event of `orgId` (one session of 500 places), matchmaking switched on with `settings`. */
export async function matchmakingEvent(
  ctx: TestContext,
  orgId: number,
  o: { pointsProgrammeId?: number; settings?: Partial<MatchSettingsBody>; cookie?: string } = {},
): Promise<EventDetail> {
  const cookie = o.cookie ?? ctx.adminCookie;
  const created = ok(
    await send(
      ctx,
      'POST',
      '/api/events',
      {
        orgId,
        kind: 'matchmaking',
        title: `燕缘际会${++serial}`,
        sessions: [openSession(500, '北京工人体育馆')],
        ...(o.pointsProgrammeId ? { pointsProgrammeId: o.pointsProgrammeId } : {}),
      },
      cookie,
    ),
    'event',
  );
  const event = created.json<EventDetail>();
  ok(
    await send(
      ctx,
      'PUT',
      `/api/events/${event.id}/matchmaking/settings`,
      { enabled: true, retentionDays: 30, dailyInterestLimit: 10, ...o.settings },
      cookie,
    ),
    'settings',
  );
  return event;
}

/** A new member of `unionId` signed up (confirmed) to the event by the admin and signed in on the phone pages. */
export async function participant(
  ctx: TestContext,
  event: EventDetail,
  unionId: number,
  name = `单身职工${++serial}`,
): Promise<{ memberId: number; registrationId: number; cookie: string; phone: string }> {
  const m = await buildMember(ctx, unionId, { name });
  const bulk = ok(
    await send(ctx, 'POST', `/api/events/${event.id}/registrations/bulk`, {
      sessionId: event.sessions[0]!.id,
      key: `mm${++serial}`,
      memberIds: [m.id],
    }),
    'sign-up',
  );
  const registrationId = bulk.json<{ items: { registrationId: number | null }[] }>().items[0]!.registrationId!;
  const n = ++serial;
  const cookie = await signInMember(ctx, m.idNumber, m.phone, `10.53.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`);
  return { memberId: m.id, registrationId, cookie, phone: m.phone };
}

/** Saves a profile for the member; answers its ref. */
export async function profileOf(ctx: TestContext, eventId: number, cookie: string, body: ProfileBody): Promise<string> {
  const r = ok(await send(ctx, 'PUT', `/api/portal/matchmaking/events/${eventId}/profile`, body, cookie), 'profile');
  return r.json<{ profile: { profileRef: string } }>().profile.profileRef;
}

const opted = new WeakMap<AuthzFixtures, Promise<{ event: EventDetail; registrationId: number }>>();

/** For the matrix: the street T's matchmaking event with one member of U signed up and opted in (made once a run). */
export function optedInOnStreet(f: AuthzFixtures): Promise<{ event: EventDetail; registrationId: number }> {
  let made = opted.get(f);
  if (!made) {
    made = (async () => {
      const event = await matchmakingEvent(f.ctx, f.tree.dcStreet.id);
      const p = await participant(f.ctx, event, f.tree.dcUnion.id, '矩阵联谊会员');
      await profileOf(f.ctx, event.id, p.cookie, { nickname: '矩阵', hometown: '东城', visible: ['hometown'] });
      return { event, registrationId: p.registrationId };
    })();
    opted.set(f, made);
  }
  return made;
}
