/**
 * The tournament rows the authorization reliability test aims at, inside the target subtree: a league of the street T
 * with a drawn match whose result is entered and confirmed, and a dragon-boat race with its heat drawn. Made through
 * the routes as the root's admin.
 */
import type { AsAdmin } from './authorization.points.js';

type Req = { method: 'GET' | 'POST'; url: string; payload?: object };

export type TournamentsTarget = { league: number; match: number; race: number; crews: number[] };

export async function buildTournamentsTarget(asAdmin: AsAdmin, o: { orgId: number }): Promise<TournamentsTarget> {
  const league = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/tournaments',
    payload: { orgId: o.orgId, name: '靶子联赛', kind: 'league_knockout', qualifiers: 2 },
  });
  await asAdmin({
    method: 'POST',
    url: `/api/tournaments/${league.id}/teams`,
    payload: { teams: [{ name: '靶子甲队' }, { name: '靶子乙队' }] },
  });
  const schedule = await asAdmin<{ matches: { id: number }[] }>({
    method: 'POST',
    url: `/api/tournaments/${league.id}/groups`,
    payload: { groups: 1 },
  });
  const match = schedule.matches[0]!.id;
  await asAdmin({ method: 'POST', url: `/api/tournaments/matches/${match}/result`, payload: { regular: { home: 1, away: 0 } } });
  await asAdmin({ method: 'POST', url: `/api/tournaments/matches/${match}/confirm` });
  const race = await asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/tournaments',
    payload: { orgId: o.orgId, name: '靶子龙舟赛', kind: 'heats', lanes: 4, finalists: 2 },
  });
  const detail = await asAdmin<{ teams: { id: number }[] }>({
    method: 'POST',
    url: `/api/tournaments/${race.id}/teams`,
    payload: { teams: [{ name: '靶子一号艇' }, { name: '靶子二号艇' }, { name: '靶子三号艇' }] },
  });
  await asAdmin({ method: 'POST', url: `/api/tournaments/${race.id}/heats` });
  return { league: league.id, match, race: race.id, crews: detail.teams.map((t) => t.id) };
}

/** The tournament routes (赛事), aimed at T's league, its match and T's race. */
export function aimedAtTargetTournaments(t: TournamentsTarget, T: number): { route: string; request: Req }[] {
  const r = (route: string, request: Req) => ({ route, request });
  const league = `/api/tournaments/${t.league}`;
  const race = `/api/tournaments/${t.race}`;
  const match = `/api/tournaments/matches/${t.match}`;
  return [
    r('POST /api/tournaments', {
      method: 'POST',
      url: '/api/tournaments',
      payload: { orgId: T, name: '越权赛事', kind: 'league_knockout' },
    }),
    r('GET /api/tournaments', { method: 'GET', url: `/api/tournaments?orgId=${T}` }),
    r('GET /api/tournaments/:id', { method: 'GET', url: league }),
    r('POST /api/tournaments/:id/teams', { method: 'POST', url: `${league}/teams`, payload: { teams: [{ name: '越权队' }] } }),
    r('POST /api/tournaments/:id/groups', { method: 'POST', url: `${league}/groups`, payload: { groups: 1 } }),
    r('POST /api/tournaments/:id/knockout', { method: 'POST', url: `${league}/knockout` }),
    r('GET /api/tournaments/:id/schedule', { method: 'GET', url: `${league}/schedule` }),
    r('GET /api/tournaments/:id/standings', { method: 'GET', url: `${league}/standings` }),
    r('GET /api/tournaments/:id/bracket', { method: 'GET', url: `${league}/bracket` }),
    r('POST /api/tournaments/:id/referees', {
      method: 'POST',
      url: `${league}/referees`,
      payload: { username: 'xreferee', displayName: '越权裁判' },
    }),
    r('POST /api/tournaments/:id/public-link', { method: 'POST', url: `${league}/public-link` }),
    r('POST /api/tournaments/:id/public-link/revoke', { method: 'POST', url: `${league}/public-link/revoke` }),
    r('GET /api/tournaments/:id/results', { method: 'GET', url: `${league}/results?status=confirmed` }),
    r('POST /api/tournaments/matches/:id/slot', {
      method: 'POST',
      url: `${match}/slot`,
      payload: { kickoff: '2026-05-01T09:00:00+08:00', venue: '越权场地' },
    }),
    r('POST /api/tournaments/matches/:id/result', { method: 'POST', url: `${match}/result`, payload: { regular: { home: 9, away: 0 } } }),
    r('POST /api/tournaments/matches/:id/confirm', { method: 'POST', url: `${match}/confirm` }),
    r('POST /api/tournaments/matches/:id/correction', {
      method: 'POST',
      url: `${match}/correction`,
      payload: { regular: { home: 0, away: 9 }, reason: '越权更正', version: 2, override: true },
    }),
    r('GET /api/tournaments/:id/heats', { method: 'GET', url: `${race}/heats` }),
    r('POST /api/tournaments/:id/heats', { method: 'POST', url: `${race}/heats` }),
    r('POST /api/tournaments/:id/heats/results', {
      method: 'POST',
      url: `${race}/heats/results`,
      payload: { stage: 'heat', heat: 1, results: t.crews.map((teamId) => ({ teamId, outcome: 'DNS' })) },
    }),
    r('POST /api/tournaments/:id/heats/confirm', { method: 'POST', url: `${race}/heats/confirm`, payload: { stage: 'heat', heat: 1 } }),
    r('POST /api/tournaments/:id/final', { method: 'POST', url: `${race}/final` }),
    r('POST /api/tournaments/:id/heats/correction', {
      method: 'POST',
      url: `${race}/heats/correction`,
      payload: {
        stage: 'heat',
        heat: 1,
        results: t.crews.map((teamId) => ({ teamId, outcome: 'DNS' })),
        reason: '越权更正',
        override: true,
      },
    }),
    r('POST /api/tournaments/:id/rerows', { method: 'POST', url: `${race}/rerows`, payload: { teamIds: t.crews.slice(0, 2) } }),
  ];
}
