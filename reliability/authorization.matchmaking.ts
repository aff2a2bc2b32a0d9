/**
 * The matchmaking rows (联谊, issue #14) the authorization reliability test aims at inside the target subtree: a
 * matchmaking event of the street T with matchmaking on, and a member of the union U signed up and opted in with a
 * profile. Made through the routes (the admin for the event, the member's own session for the profile).
 */
import type { TestContext } from '../src/server/testing/harness.js';
import { matchmakingEvent, participant, profileOf } from '../src/server/modules/matchmaking/matchmaking.fixtures.js';

type Req = { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: string; payload?: object };

export type MatchmakingTarget = { event: number; registration: number };

export async function buildMatchmakingTarget(ctx: TestContext, o: { orgId: number; unionId: number }): Promise<MatchmakingTarget> {
  const event = await matchmakingEvent(ctx, o.orgId);
  const p = await participant(ctx, event, o.unionId, '靶子联谊会员');
  await profileOf(ctx, event.id, p.cookie, { nickname: '靶子', hometown: '东城', visible: ['hometown'] });
  return { event: event.id, registration: p.registrationId };
}

/** The cadre routes of matchmaking, aimed at T's event and its opted-in member. */
export function aimedAtTargetMatchmaking(t: MatchmakingTarget): { route: string; request: Req }[] {
  const r = (route: string, request: Req) => ({ route, request });
  const base = `/api/events/${t.event}/matchmaking`;
  return [
    r('GET /api/events/:id/matchmaking/settings', { method: 'GET', url: `${base}/settings` }),
    r('PUT /api/events/:id/matchmaking/settings', {
      method: 'PUT',
      url: `${base}/settings`,
      payload: { enabled: false, retentionDays: 0, dailyInterestLimit: 1 },
    }),
    r('GET /api/events/:id/matchmaking/stats', { method: 'GET', url: `${base}/stats` }),
    r('GET /api/events/:id/matchmaking/ranking', { method: 'GET', url: `${base}/ranking?places=10` }),
    r('POST /api/events/:id/matchmaking/profile-views', {
      method: 'POST',
      url: `${base}/profile-views`,
      payload: { registrationId: t.registration, reason: '越权查看联谊资料' },
    }),
  ];
}
