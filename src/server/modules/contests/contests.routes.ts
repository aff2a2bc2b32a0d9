import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { Id, IdParam, pageOf } from '../../../common/paging.js';
import {
  AmendBody,
  Amendment,
  AnswerAppealBody,
  Appeal,
  AppealParams,
  Assignments,
  ChiefDecisionBody,
  ChiefTies,
  Contest,
  ContestDetail,
  Conflicts,
  ContestListQuery,
  CreateContestBody,
  CreatedJudge,
  CreateEntryBody,
  CreateJudgeBody,
  DeclareConflictBody,
  DeclareDesignBody,
  Entry,
  FileAppealBody,
  Judge,
  MyContests,
  ResultPreview,
  ResultSnapshot,
  Rollup,
  RollupQuery,
  SaveSheetBody,
  Sheet,
  UpdateContestBody,
} from '../../../common/contests.js';
import { EnteredEntry, EnteredQuery } from '../../../common/contests.entered.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as contests from './contests.service.js';
import * as judging from './contests.judging.service.js';
import * as results from './contests.results.service.js';
import * as entered from './contests.entered.service.js';
import { contestCertificates } from './contests.certificates.js';
import { attachmentDisposition } from '../../http/attachment.js';

const EntryParams = z.object({ id: Id, entryId: Id });
const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export function contestRoutes(app: FastifyInstance, { db, config }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['contests'];
  // The organiser's console (contest.read / contest.write on the organising node).
  r.post('/api/contests', { schema: { tags, body: CreateContestBody, response: { 201: ContestDetail } } }, async (req, reply) =>
    reply.status(201).send(await contests.createContest(db, requireActor(req), req.body)),
  );
  r.get('/api/contests', { schema: { tags, querystring: ContestListQuery, response: { 200: pageOf(Contest) } } }, async (req) =>
    contests.listContests(db, requireActor(req), req.query),
  );
  // 本单位参赛: the entries of the caller's units in contests organised anywhere (the unit's side of the notice).
  r.get('/api/contests/entered', { schema: { tags, querystring: EnteredQuery, response: { 200: pageOf(EnteredEntry) } } }, async (req) =>
    entered.listEntered(db, requireActor(req), req.query),
  );
  r.get('/api/contests/:id', { schema: { tags, params: IdParam, response: { 200: ContestDetail } } }, async (req) =>
    contests.getContest(db, requireActor(req), req.params.id),
  );
  r.put(
    '/api/contests/:id',
    { schema: { tags, params: IdParam, body: UpdateContestBody, response: { 200: ContestDetail } } },
    async (req) => contests.updateContest(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/contests/:id/open', { schema: { tags, params: IdParam, response: { 200: ContestDetail } } }, async (req) =>
    contests.openContest(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/contests/:id/entries',
    { schema: { tags, params: IdParam, body: CreateEntryBody, response: { 201: Entry } } },
    async (req, reply) => reply.status(201).send(await contests.addEntry(db, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/contests/:id/entries', { schema: { tags, params: IdParam, response: { 200: itemsOf(Entry) } } }, async (req) =>
    contests.listEntries(db, requireActor(req), req.params.id),
  );
  r.delete('/api/contests/:id/entries/:entryId', { schema: { tags, params: EntryParams } }, async (req, reply) => {
    await contests.removeEntry(db, requireActor(req), req.params.id, req.params.entryId);
    return reply.status(204).send();
  });
  r.post(
    '/api/contests/:id/judges',
    { schema: { tags, params: IdParam, body: CreateJudgeBody, response: { 201: CreatedJudge } } },
    async (req, reply) => reply.status(201).send(await contests.createJudge(db, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/contests/:id/judges', { schema: { tags, params: IdParam, response: { 200: itemsOf(Judge) } } }, async (req) =>
    contests.listJudges(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/contests/:id/conflicts',
    {
      schema: {
        tags,
        params: IdParam,
        body: DeclareConflictBody,
        response: { 201: z.object({ judgeId: z.number(), entryId: z.number() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await contests.declareConflict(db, requireActor(req), req.params.id, req.body)),
  );
  r.get('/api/contests/:id/conflicts', { schema: { tags, params: IdParam, response: { 200: Conflicts } } }, async (req) =>
    contests.listConflicts(db, requireActor(req), req.params.id),
  );
  r.put(
    '/api/contests/:id/design',
    { schema: { tags, params: IdParam, body: DeclareDesignBody, response: { 200: ContestDetail } } },
    async (req) => contests.declareDesign(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/contests/:id/assignments', { schema: { tags, params: IdParam, response: { 200: Assignments } } }, async (req) =>
    contests.assignPanels(db, requireActor(req), req.params.id),
  );
  r.get('/api/contests/:id/assignments', { schema: { tags, params: IdParam, response: { 200: Assignments } } }, async (req) =>
    contests.listAssignments(db, requireActor(req), req.params.id),
  );
  r.post('/api/contests/:id/judging', { schema: { tags, params: IdParam, response: { 200: ContestDetail } } }, async (req) =>
    contests.startJudging(db, requireActor(req), req.params.id),
  );
  r.get('/api/contests/:id/amendments', { schema: { tags, params: IdParam, response: { 200: itemsOf(Amendment) } } }, async (req) =>
    results.listAmendments(db, requireActor(req), req.params.id),
  );
  // Results: preview, close the judging, freeze and put on notice, appeals, final, roll-up.
  r.get('/api/contests/:id/results/preview', { schema: { tags, params: IdParam, response: { 200: ResultPreview } } }, async (req) =>
    results.previewResult(db, requireActor(req), req.params.id),
  );
  r.post('/api/contests/:id/scored', { schema: { tags, params: IdParam, response: { 200: ResultPreview } } }, async (req) =>
    results.closeJudging(db, requireActor(req), req.params.id),
  );
  r.post('/api/contests/:id/results', { schema: { tags, params: IdParam, response: { 201: ResultSnapshot } } }, async (req, reply) =>
    reply.status(201).send(await results.publishResult(db, requireActor(req), req.params.id)),
  );
  r.get('/api/contests/:id/results', { schema: { tags, params: IdParam, response: { 200: ResultSnapshot } } }, async (req) =>
    results.getResult(db, requireActor(req), req.params.id),
  );
  // The certificates of a final result: one PDF, a page per award (contests.certificates.ts).
  r.get('/api/contests/:id/certificates', { schema: { tags, params: IdParam } }, async (req, reply) => {
    const { fileName, pdf } = await contestCertificates(db, requireActor(req), req.params.id, {
      font: config.certificateFont,
      locale: req.locale,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(fileName, `contest-${req.params.id}-certificates.pdf`))
      .send(pdf);
  });
  r.post(
    '/api/contest-entries/:id/appeals',
    { schema: { tags, params: IdParam, body: FileAppealBody, response: { 201: Appeal } } },
    async (req, reply) => reply.status(201).send(await results.fileAppeal(db, requireActor(req), req.params.id, req.body.text)),
  );
  r.get('/api/contests/:id/appeals', { schema: { tags, params: IdParam, response: { 200: itemsOf(Appeal) } } }, async (req) =>
    results.listAppeals(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/contests/:id/appeals/:appealId/answer',
    { schema: { tags, params: AppealParams, body: AnswerAppealBody, response: { 200: Appeal } } },
    async (req) => results.answerAppeal(db, requireActor(req), req.params.id, req.params.appealId, req.body.answer),
  );
  r.post('/api/contests/:id/final', { schema: { tags, params: IdParam, response: { 200: ResultSnapshot } } }, async (req) =>
    results.finalise(db, requireActor(req), req.params.id),
  );
  r.get('/api/contest-awards/rollup', { schema: { tags, querystring: RollupQuery, response: { 200: Rollup } } }, async (req) =>
    results.rollup(db, requireActor(req), req.query.orgId),
  );
  // The judge's side (the narrow 'judge' role): only the caller's own assignments and sheets.
  r.get('/api/judging/contests', { schema: { tags, response: { 200: MyContests } } }, async (req) =>
    judging.myContests(db, requireActor(req)),
  );
  r.get('/api/judging/sheets/:id', { schema: { tags, params: IdParam, response: { 200: Sheet } } }, async (req) =>
    judging.mySheet(db, requireActor(req), req.params.id),
  );
  r.put('/api/judging/sheets/:id', { schema: { tags, params: IdParam, body: SaveSheetBody, response: { 200: Sheet } } }, async (req) =>
    judging.saveSheet(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/judging/sheets/:id/submit', { schema: { tags, params: IdParam, response: { 200: Sheet } } }, async (req) =>
    judging.submitSheet(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/judging/sheets/:id/amendments',
    { schema: { tags, params: IdParam, body: AmendBody, response: { 200: Sheet } } },
    async (req) => judging.amendSheet(db, requireActor(req), req.params.id, req.body),
  );
  r.get('/api/judging/contests/:id/ties', { schema: { tags, params: IdParam, response: { 200: ChiefTies } } }, async (req) =>
    results.chiefTies(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/judging/contests/:id/chief-decisions',
    {
      schema: {
        tags,
        params: IdParam,
        body: ChiefDecisionBody,
        response: { 200: z.object({ context: z.string(), order: z.array(z.string()) }) },
      },
    },
    async (req) => judging.recordChiefDecision(db, requireActor(req), req.params.id, req.body),
  );
}
