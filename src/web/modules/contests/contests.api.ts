import { z } from 'zod';
import { pageOf } from '../../../common/paging.js';
import {
  Amendment,
  Appeal,
  Assignments,
  Contest,
  ContestDetail,
  Conflicts,
  CreatedJudge,
  Entry,
  Judge,
  MyContests,
  ResultPreview,
  ResultSnapshot,
  Rollup,
  Sheet,
  type AmendBody,
  type ChiefDecisionBody,
  ChiefTies,
  type CreateContestBody,
  type CreateEntryBody,
  type CreateJudgeBody,
  type DeclareConflictBody,
  type DeclareDesignBody,
  type SaveSheetBody,
  type UpdateContestBody,
} from '../../../common/contests.js';
import { EnteredEntry } from '../../../common/contests.entered.js';
import { api, itemsOf } from '../../app/api.js';

const base = '/api/contests';

/** 竞赛评比: the organiser's console — rules, entries, judges and panels, results, notice, appeals, roll-up. */
export const contestsApi = {
  list: (orgId: number, cursor: string | undefined, limit: number) => api.get(base, pageOf(Contest), { orgId, cursor, limit }),
  get: (id: number) => api.get(`${base}/${id}`, ContestDetail),
  create: (body: CreateContestBody) => api.post(base, ContestDetail, body),
  update: (id: number, body: UpdateContestBody) => api.put(`${base}/${id}`, ContestDetail, body),
  open: (id: number) => api.post(`${base}/${id}/open`, ContestDetail),
  startJudging: (id: number) => api.post(`${base}/${id}/judging`, ContestDetail),
  entries: (id: number) => api.get(`${base}/${id}/entries`, itemsOf(Entry)),
  addEntry: (id: number, body: CreateEntryBody) => api.post(`${base}/${id}/entries`, Entry, body),
  removeEntry: (id: number, entryId: number) => api.del(`${base}/${id}/entries/${entryId}`),
  judges: (id: number) => api.get(`${base}/${id}/judges`, itemsOf(Judge)),
  createJudge: (id: number, body: CreateJudgeBody) => api.post(`${base}/${id}/judges`, CreatedJudge, body),
  declareConflict: (id: number, body: DeclareConflictBody) =>
    api.post(`${base}/${id}/conflicts`, z.object({ judgeId: z.number(), entryId: z.number() }), body),
  conflicts: (id: number) => api.get(`${base}/${id}/conflicts`, Conflicts),
  declareDesign: (id: number, body: DeclareDesignBody) => api.put(`${base}/${id}/design`, ContestDetail, body),
  assign: (id: number) => api.post(`${base}/${id}/assignments`, Assignments),
  assignments: (id: number) => api.get(`${base}/${id}/assignments`, Assignments),
  amendments: (id: number) => api.get(`${base}/${id}/amendments`, itemsOf(Amendment)),
  preview: (id: number) => api.get(`${base}/${id}/results/preview`, ResultPreview),
  closeJudging: (id: number) => api.post(`${base}/${id}/scored`, ResultPreview),
  publish: (id: number) => api.post(`${base}/${id}/results`, ResultSnapshot),
  result: (id: number) => api.get(`${base}/${id}/results`, ResultSnapshot),
  appeals: (id: number) => api.get(`${base}/${id}/appeals`, itemsOf(Appeal)),
  fileAppeal: (entryId: number, text: string) => api.post(`/api/contest-entries/${entryId}/appeals`, Appeal, { text }),
  answerAppeal: (id: number, appealId: number, answer: string) => api.post(`${base}/${id}/appeals/${appealId}/answer`, Appeal, { answer }),
  finalise: (id: number) => api.post(`${base}/${id}/final`, ResultSnapshot),
  /** The final result's certificates (荣誉证书), one PDF. */
  certificates: (id: number) => api.download(`/api/contests/${id}/certificates`, {}, `contest-${id}-certificates.pdf`),
  rollup: (orgId: number) => api.get('/api/contest-awards/rollup', Rollup, { orgId }),
  /** 本单位参赛: the entries of the units below `orgId`, in contests organised anywhere, with results and appeals. */
  entered: (orgId: number, cursor: string | undefined, limit: number) =>
    api.get(`${base}/entered`, pageOf(EnteredEntry), { orgId, cursor, limit }),
};

/** 评委: the judge's own contests, assignments and score sheets (never another judge's scores). */
export const judgingApi = {
  mine: () => api.get('/api/judging/contests', MyContests),
  sheet: (assignmentId: number) => api.get(`/api/judging/sheets/${assignmentId}`, Sheet),
  save: (assignmentId: number, body: SaveSheetBody) => api.put(`/api/judging/sheets/${assignmentId}`, Sheet, body),
  submit: (assignmentId: number) => api.post(`/api/judging/sheets/${assignmentId}/submit`, Sheet),
  amend: (assignmentId: number, body: AmendBody) => api.post(`/api/judging/sheets/${assignmentId}/amendments`, Sheet, body),
  ties: (contestId: number) => api.get(`/api/judging/contests/${contestId}/ties`, ChiefTies),
  chiefDecision: (contestId: number, body: ChiefDecisionBody) =>
    api.post(`/api/judging/contests/${contestId}/chief-decisions`, z.object({ context: z.string(), order: z.array(z.string()) }), body),
};
