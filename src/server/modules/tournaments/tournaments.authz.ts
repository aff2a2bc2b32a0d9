import type { AuthzFixtures, AuthzRequest, ModuleAuthz } from '../../testing/authz.js';

type Made = { id: number; matchId: number };

/** A league on the street T with two teams in one group (its one match drawn), made by the admin. */
async function leagueOnStreet(
  f: AuthzFixtures,
  o: { draw?: boolean; result?: 'entered' | 'confirmed'; teams?: boolean } = {},
): Promise<Made> {
  const t = await f.asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/tournaments',
    payload: { orgId: f.tree.dcStreet.id, name: `矩阵联赛${f.unique()}`, kind: 'league_knockout', qualifiers: 2 },
  });
  if (o.teams === false) return { id: t.id, matchId: 0 };
  await f.asAdmin({ method: 'POST', url: `/api/tournaments/${t.id}/teams`, payload: { teams: [{ name: '甲队' }, { name: '乙队' }] } });
  if (!o.draw) return { id: t.id, matchId: 0 };
  const schedule = await f.asAdmin<{ matches: { id: number }[] }>({
    method: 'POST',
    url: `/api/tournaments/${t.id}/groups`,
    payload: { groups: 1 },
  });
  const matchId = schedule.matches[0]!.id;
  if (o.result)
    await f.asAdmin({ method: 'POST', url: `/api/tournaments/matches/${matchId}/result`, payload: { regular: { home: 2, away: 1 } } });
  if (o.result === 'confirmed') await f.asAdmin({ method: 'POST', url: `/api/tournaments/matches/${matchId}/confirm` });
  return { id: t.id, matchId };
}

/**
 * A race on the street T: three crews, one heat on four lanes, two finalists. With `reRow`, equal times at the cut
 * are decided by a re-row, and the second and third crews row equal times.
 */
async function raceOnStreet(
  f: AuthzFixtures,
  o: { draw?: boolean; results?: 'entered' | 'confirmed'; reRow?: boolean } = {},
): Promise<{ id: number; teams: number[] }> {
  const t = await f.asAdmin<{ id: number }>({
    method: 'POST',
    url: '/api/tournaments',
    payload: {
      orgId: f.tree.dcStreet.id,
      name: `矩阵龙舟${f.unique()}`,
      kind: 'heats',
      lanes: 4,
      finalists: 2,
      prizes: 1,
      merits: 1,
      heatTieRule: o.reRow ? 'reRow' : 'lots',
    },
  });
  const detail = await f.asAdmin<{ teams: { id: number }[] }>({
    method: 'POST',
    url: `/api/tournaments/${t.id}/teams`,
    payload: {
      teams: [
        { name: '一号艇', seed: 1 },
        { name: '二号艇', seed: 2 },
        { name: '三号艇', seed: 3 },
      ],
    },
  });
  const teams = detail.teams.map((tm) => tm.id);
  if (o.draw || o.results) await f.asAdmin({ method: 'POST', url: `/api/tournaments/${t.id}/heats` });
  if (o.results)
    await f.asAdmin({
      method: 'POST',
      url: `/api/tournaments/${t.id}/heats/results`,
      payload: { stage: 'heat', heat: 1, results: teams.map((teamId, i) => ({ teamId, outcome: 'finished', timeMs: timesOf(o)[i] })) },
    });
  if (o.results === 'confirmed')
    await f.asAdmin({ method: 'POST', url: `/api/tournaments/${t.id}/heats/confirm`, payload: { stage: 'heat', heat: 1 } });
  return { id: t.id, teams };
}

const timesOf = (o: { reRow?: boolean }) => (o.reRow ? [60_000, 60_001, 60_001] : [60_000, 60_001, 60_002]);

const read = { action: 'tournament.read', visibleWith: 'tournament.read', write: false } as const;
const write = { action: 'tournament.write', visibleWith: 'tournament.read', write: true } as const;
// Entering results needs tournament.referee (a named referee, or a role that holds it); a reader sees 403.
const referee = { action: 'tournament.referee', visibleWith: 'tournament.read', write: true } as const;
const post = (url: string, payload?: object): AuthzRequest => ({ method: 'POST', url, ...(payload ? { payload } : {}) });
const get = (url: string): AuthzRequest => ({ method: 'GET', url });

export const authz: ModuleAuthz = {
  cases: [
    {
      route: 'POST /api/tournaments',
      action: 'tournament.write',
      visibleWith: 'org.read',
      write: true,
      ok: 201,
      request: async (f) => post('/api/tournaments', { orgId: f.tree.dcStreet.id, name: `矩阵赛事${f.unique()}`, kind: 'league_knockout' }),
    },
    {
      route: 'GET /api/tournaments',
      action: 'tournament.read',
      write: false,
      request: async (f) => get(`/api/tournaments?orgId=${f.tree.dcStreet.id}`),
    },
    {
      // A referee's own assignments: an empty list for anyone who referees nothing.
      route: 'GET /api/tournaments/referee/assignments',
      action: 'tournament.referee',
      write: false,
      unscoped: true,
      callerOnly: true,
      request: async () => get('/api/tournaments/referee/assignments'),
    },
    { route: 'GET /api/tournaments/:id', ...read, request: async (f) => get(`/api/tournaments/${(await leagueOnStreet(f)).id}`) },
    {
      route: 'POST /api/tournaments/:id/teams',
      ...write,
      request: async (f) => post(`/api/tournaments/${(await leagueOnStreet(f, { teams: false })).id}/teams`, { teams: [{ name: '丙队' }] }),
    },
    {
      route: 'POST /api/tournaments/:id/groups',
      ...write,
      request: async (f) => post(`/api/tournaments/${(await leagueOnStreet(f)).id}/groups`, { groups: 1 }),
    },
    {
      route: 'POST /api/tournaments/:id/knockout',
      ...write,
      request: async (f) => post(`/api/tournaments/${(await leagueOnStreet(f, { draw: true, result: 'confirmed' })).id}/knockout`),
    },
    {
      route: 'GET /api/tournaments/:id/schedule',
      ...read,
      request: async (f) => get(`/api/tournaments/${(await leagueOnStreet(f, { draw: true })).id}/schedule`),
    },
    {
      route: 'GET /api/tournaments/:id/standings',
      ...read,
      request: async (f) => get(`/api/tournaments/${(await leagueOnStreet(f, { draw: true })).id}/standings`),
    },
    {
      route: 'GET /api/tournaments/:id/bracket',
      ...read,
      request: async (f) => get(`/api/tournaments/${(await leagueOnStreet(f, { draw: true })).id}/bracket`),
    },
    {
      route: 'POST /api/tournaments/:id/referees',
      ...write,
      ok: 201,
      request: async (f) =>
        post(`/api/tournaments/${(await leagueOnStreet(f)).id}/referees`, { username: `referee${f.unique()}`, displayName: '裁判' }),
    },
    {
      route: 'POST /api/tournaments/:id/public-link',
      ...write,
      request: async (f) => post(`/api/tournaments/${(await leagueOnStreet(f)).id}/public-link`),
    },
    {
      route: 'POST /api/tournaments/:id/public-link/revoke',
      ...write,
      ok: 204,
      request: async (f) => post(`/api/tournaments/${(await leagueOnStreet(f)).id}/public-link/revoke`),
    },
    {
      route: 'GET /api/tournaments/:id/results',
      ...read,
      request: async (f) =>
        get(`/api/tournaments/${(await leagueOnStreet(f, { draw: true, result: 'confirmed' })).id}/results?status=confirmed`),
    },
    {
      route: 'POST /api/tournaments/matches/:id/slot',
      ...write,
      request: async (f) =>
        post(`/api/tournaments/matches/${(await leagueOnStreet(f, { draw: true })).matchId}/slot`, {
          kickoff: '2026-05-01T09:00:00+08:00',
          venue: '通州体育场',
        }),
    },
    {
      route: 'POST /api/tournaments/matches/:id/result',
      ...referee,
      request: async (f) =>
        post(`/api/tournaments/matches/${(await leagueOnStreet(f, { draw: true })).matchId}/result`, { regular: { home: 1, away: 0 } }),
    },
    {
      route: 'POST /api/tournaments/matches/:id/confirm',
      ...write,
      request: async (f) =>
        post(`/api/tournaments/matches/${(await leagueOnStreet(f, { draw: true, result: 'entered' })).matchId}/confirm`),
    },
    {
      route: 'POST /api/tournaments/matches/:id/correction',
      ...write,
      request: async (f) =>
        post(`/api/tournaments/matches/${(await leagueOnStreet(f, { draw: true, result: 'confirmed' })).matchId}/correction`, {
          regular: { home: 1, away: 1 },
          reason: '记录有误',
          version: 2,
        }),
    },
    {
      route: 'GET /api/tournaments/:id/heats',
      ...read,
      request: async (f) => get(`/api/tournaments/${(await raceOnStreet(f, { draw: true })).id}/heats`),
    },
    {
      route: 'POST /api/tournaments/:id/heats',
      ...write,
      request: async (f) => post(`/api/tournaments/${(await raceOnStreet(f)).id}/heats`),
    },
    {
      route: 'POST /api/tournaments/:id/heats/results',
      ...referee,
      request: async (f) => {
        const race = await raceOnStreet(f, { draw: true });
        return post(`/api/tournaments/${race.id}/heats/results`, {
          stage: 'heat',
          heat: 1,
          results: race.teams.map((teamId, i) => ({
            teamId,
            outcome: i === 2 ? 'DNS' : 'finished',
            ...(i === 2 ? {} : { timeMs: 61_000 + i }),
          })),
        });
      },
    },
    {
      route: 'POST /api/tournaments/:id/heats/confirm',
      ...write,
      request: async (f) =>
        post(`/api/tournaments/${(await raceOnStreet(f, { results: 'entered' })).id}/heats/confirm`, { stage: 'heat', heat: 1 }),
    },
    {
      route: 'POST /api/tournaments/:id/final',
      ...write,
      request: async (f) => post(`/api/tournaments/${(await raceOnStreet(f, { results: 'confirmed' })).id}/final`),
    },
    {
      route: 'POST /api/tournaments/:id/heats/correction',
      ...write,
      request: async (f) => {
        const race = await raceOnStreet(f, { results: 'confirmed' });
        return post(`/api/tournaments/${race.id}/heats/correction`, {
          stage: 'heat',
          heat: 1,
          results: race.teams.map((teamId, i) => ({ teamId, outcome: 'finished', timeMs: 59_000 + i })),
          reason: '计时有误',
        });
      },
    },
    {
      route: 'POST /api/tournaments/:id/rerows',
      ...write,
      request: async (f) => {
        const race = await raceOnStreet(f, { results: 'confirmed', reRow: true });
        return post(`/api/tournaments/${race.id}/rerows`, { teamIds: [race.teams[2], race.teams[1]] });
      },
    },
  ],
  publicRoutes: ['GET /api/public/tournaments/:token'],
};
