import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import {
  AddTeamsBody,
  Bracket,
  ConfirmHeatBody,
  CorrectionBody,
  CreatedReferee,
  CreateRefereeBody,
  CreateTournamentBody,
  DrawGroupsBody,
  HeatResultsBody,
  HeatsView,
  HeatCorrectionBody,
  Match,
  MatchPage,
  MatchSlotBody,
  PublicLink,
  PublicTournament,
  RefereeAssignments,
  ReRowBody,
  ResultBody,
  ResultListQuery,
  Schedule,
  Standings,
  TournamentDetail,
  TournamentList,
  TournamentListQuery,
} from '../../../common/tournaments.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as service from './tournaments.service.js';
import * as results from './tournaments.results.js';
import * as heats from './tournaments.heats.js';
import * as links from './tournaments.public.js';
import * as slots from './tournaments.schedule.js';

/** Tournaments (赛事): the organiser's console, the referee's result entry and the public read-only link. */
export function tournamentRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tournaments'];
  const one = { tags, params: IdParam };
  r.post('/api/tournaments', { schema: { tags, body: CreateTournamentBody, response: { 201: TournamentDetail } } }, async (req, reply) =>
    reply.status(201).send(await service.createTournament(db, requireActor(req), req.body)),
  );
  r.get('/api/tournaments', { schema: { tags, querystring: TournamentListQuery, response: { 200: TournamentList } } }, async (req) =>
    service.listTournaments(db, requireActor(req), req.query.orgId),
  );
  r.get('/api/tournaments/referee/assignments', { schema: { tags, response: { 200: RefereeAssignments } } }, async (req) =>
    service.refereeAssignments(db, requireActor(req)),
  );
  r.get('/api/tournaments/:id', { schema: { ...one, response: { 200: TournamentDetail } } }, async (req) =>
    service.getTournament(db, requireActor(req), req.params.id),
  );
  r.post('/api/tournaments/:id/teams', { schema: { ...one, body: AddTeamsBody, response: { 200: TournamentDetail } } }, async (req) =>
    service.addTeams(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/tournaments/:id/groups', { schema: { ...one, body: DrawGroupsBody, response: { 200: Schedule } } }, async (req) =>
    service.drawGroups(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/tournaments/:id/knockout', { schema: { ...one, response: { 200: Bracket } } }, async (req) =>
    service.drawKnockout(db, requireActor(req), req.params.id),
  );
  r.get('/api/tournaments/:id/schedule', { schema: { ...one, response: { 200: Schedule } } }, async (req) =>
    service.getSchedule(db, requireActor(req), req.params.id),
  );
  r.get('/api/tournaments/:id/standings', { schema: { ...one, response: { 200: Standings } } }, async (req) =>
    service.getStandings(db, requireActor(req), req.params.id),
  );
  r.get('/api/tournaments/:id/bracket', { schema: { ...one, response: { 200: Bracket } } }, async (req) =>
    service.getBracket(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/tournaments/:id/referees',
    { schema: { ...one, body: CreateRefereeBody, response: { 201: CreatedReferee } } },
    async (req, reply) => reply.status(201).send(await service.createReferee(db, requireActor(req), req.params.id, req.body)),
  );
  r.post('/api/tournaments/:id/public-link', { schema: { ...one, response: { 200: PublicLink } } }, async (req) =>
    links.publicLink(deps, requireActor(req), req.params.id),
  );
  r.post('/api/tournaments/:id/public-link/revoke', { schema: { ...one, response: { 204: z.null() } } }, async (req, reply) => {
    await links.revokePublicLink(deps, requireActor(req), req.params.id);
    return reply.status(204).send(null);
  });
  r.get('/api/tournaments/:id/results', { schema: { ...one, querystring: ResultListQuery, response: { 200: MatchPage } } }, async (req) =>
    slots.listResults(db, requireActor(req), req.params.id, req.query),
  );
  r.post('/api/tournaments/matches/:id/slot', { schema: { ...one, body: MatchSlotBody, response: { 200: Match } } }, async (req) =>
    slots.setMatchSlot(db, requireActor(req), req.params.id, req.body),
  );

  // Match results: entered by a referee, confirmed or corrected by the organiser.
  r.post('/api/tournaments/matches/:id/result', { schema: { ...one, body: ResultBody, response: { 200: Match } } }, async (req) =>
    results.enterResult(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/tournaments/matches/:id/confirm', { schema: { ...one, response: { 200: Match } } }, async (req) =>
    results.confirmResult(db, requireActor(req), req.params.id),
  );
  r.post('/api/tournaments/matches/:id/correction', { schema: { ...one, body: CorrectionBody, response: { 200: Match } } }, async (req) =>
    results.correctResult(db, requireActor(req), req.params.id, req.body),
  );

  // Heats and the final.
  r.get('/api/tournaments/:id/heats', { schema: { ...one, response: { 200: HeatsView } } }, async (req) =>
    heats.getHeats(db, requireActor(req), req.params.id),
  );
  r.post('/api/tournaments/:id/heats', { schema: { ...one, response: { 200: HeatsView } } }, async (req) =>
    heats.drawHeats(db, requireActor(req), req.params.id),
  );
  r.post('/api/tournaments/:id/heats/results', { schema: { ...one, body: HeatResultsBody, response: { 200: HeatsView } } }, async (req) =>
    heats.enterHeatResults(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/tournaments/:id/heats/confirm', { schema: { ...one, body: ConfirmHeatBody, response: { 200: HeatsView } } }, async (req) =>
    heats.confirmHeat(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/tournaments/:id/final', { schema: { ...one, response: { 200: HeatsView } } }, async (req) =>
    heats.drawFinal(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/tournaments/:id/heats/correction',
    { schema: { ...one, body: HeatCorrectionBody, response: { 200: HeatsView } } },
    async (req) => heats.correctHeat(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/tournaments/:id/rerows', { schema: { ...one, body: ReRowBody, response: { 200: HeatsView } } }, async (req) =>
    heats.recordReRow(db, requireActor(req), req.params.id, req.body),
  );

  r.get(
    '/api/public/tournaments/:token',
    { schema: { tags, params: z.object({ token: z.string().min(1).max(400) }), response: { 200: PublicTournament } } },
    async (req) => links.publicTournament(deps, req.params.token),
  );
}
