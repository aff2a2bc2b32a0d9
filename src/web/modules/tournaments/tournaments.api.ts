import {
  Bracket,
  CreatedReferee,
  HeatsView,
  Match,
  MatchPage,
  PublicLink,
  PublicTournament,
  RefereeAssignments,
  Schedule,
  Standings,
  TournamentDetail,
  TournamentList,
  type AddTeamsBody,
  type ConfirmHeatBody,
  type CorrectionBody,
  type CreateRefereeBody,
  type CreateTournamentBody,
  type DrawGroupsBody,
  type HeatCorrectionBody,
  type HeatResultsBody,
  type MatchSlotBody,
  type ReRowBody,
  type ResultBody,
} from '../../../common/tournaments.js';
import { api, NoAnswer } from '../../app/api.js';

const base = '/api/tournaments';

/** A correction names the version of the confirmed result it corrects (refused when it changed meanwhile). */
export type CorrectionRequest = Omit<CorrectionBody, 'version'> & { version: number };

/** 赛事: the organiser's console, the referee's entry and the public read-only page. */
export const tournamentsApi = {
  /** The tournaments of an org's subtree (a short list: no pages). */
  list: (orgId: number) => api.get(base, TournamentList, { orgId }).then((r) => ({ items: r.items, nextCursor: null })),
  get: (id: number) => api.get(`${base}/${id}`, TournamentDetail),
  create: (body: CreateTournamentBody) => api.post(base, TournamentDetail, body),
  addTeams: (id: number, body: AddTeamsBody) => api.post(`${base}/${id}/teams`, TournamentDetail, body),
  drawGroups: (id: number, body: DrawGroupsBody) => api.post(`${base}/${id}/groups`, Schedule, body),
  drawKnockout: (id: number) => api.post(`${base}/${id}/knockout`, Bracket),
  schedule: (id: number) => api.get(`${base}/${id}/schedule`, Schedule),
  standings: (id: number) => api.get(`${base}/${id}/standings`, Standings),
  bracket: (id: number) => api.get(`${base}/${id}/bracket`, Bracket),
  createReferee: (id: number, body: CreateRefereeBody) => api.post(`${base}/${id}/referees`, CreatedReferee, body),
  publicLink: (id: number) => api.post(`${base}/${id}/public-link`, PublicLink),
  revokePublicLink: (id: number) => api.post(`${base}/${id}/public-link/revoke`, NoAnswer),
  /** The matches whose latest result is `status`, a page at a time (the first page with the total). */
  results: (id: number, status: 'entered' | 'confirmed', cursor: string | undefined) =>
    api.get(`${base}/${id}/results`, MatchPage, { status, ...(cursor ? { cursor } : {}) }),
  setSlot: (matchId: number, body: MatchSlotBody) => api.post(`${base}/matches/${matchId}/slot`, Match, body),
  enterResult: (matchId: number, body: ResultBody) => api.post(`${base}/matches/${matchId}/result`, Match, body),
  confirmResult: (matchId: number) => api.post(`${base}/matches/${matchId}/confirm`, Match),
  correctResult: (matchId: number, body: CorrectionRequest) => api.post(`${base}/matches/${matchId}/correction`, Match, body),
  heats: (id: number) => api.get(`${base}/${id}/heats`, HeatsView),
  drawHeats: (id: number) => api.post(`${base}/${id}/heats`, HeatsView),
  enterHeat: (id: number, body: HeatResultsBody) => api.post(`${base}/${id}/heats/results`, HeatsView, body),
  confirmHeat: (id: number, body: ConfirmHeatBody) => api.post(`${base}/${id}/heats/confirm`, HeatsView, body),
  drawFinal: (id: number) => api.post(`${base}/${id}/final`, HeatsView),
  correctHeat: (id: number, body: HeatCorrectionBody) => api.post(`${base}/${id}/heats/correction`, HeatsView, body),
  recordReRow: (id: number, body: ReRowBody) => api.post(`${base}/${id}/rerows`, HeatsView, body),
  assignments: () => api.get(`${base}/referee/assignments`, RefereeAssignments),
  publicPage: (token: string) => api.get(`/api/public/tournaments/${encodeURIComponent(token)}`, PublicTournament),
};
