import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import {
  BlockList,
  BrowseList,
  BrowseQuery,
  Done,
  InterestResult,
  Match,
  MatchList,
  MatchRanking,
  MatchSettings,
  MatchSettingsBody,
  MatchStats,
  MyProfileAnswer,
  ProfileBody,
  ProfileRefBody,
  RankingQuery,
  StaffProfile,
  StaffViewBody,
  TaskBody,
  TaskResult,
  WithdrawResult,
} from '../../../common/matchmaking.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { requireMember } from '../../auth/member-session.js';
import * as cadre from './matchmaking.service.js';
import * as portal from './matchmaking.portal.service.js';
import { scheduleMatchmakingJobs } from './matchmaking.jobs.js';

/** Matchmaking (联谊): the member's phone pages under /api/portal/matchmaking, the cadres' console under an event. */
export function matchmakingRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, cipher } = deps;
  let jobs: { stop(): void } | undefined;
  app.addHook('onListen', async () => {
    jobs = scheduleMatchmakingJobs(db, app.log);
  });
  app.addHook('onClose', async () => jobs?.stop());
  const r = app.withTypeProvider<ZodTypeProvider>();

  const ptags = ['portal'];
  const base = '/api/portal/matchmaking/events/:id';
  r.get(`${base}/profile`, { schema: { tags: ptags, params: IdParam, response: { 200: MyProfileAnswer } } }, async (req) =>
    portal.getMyProfile(db, cipher, requireMember(req), req.params.id),
  );
  r.put(
    `${base}/profile`,
    { schema: { tags: ptags, params: IdParam, body: ProfileBody, response: { 200: MyProfileAnswer } } },
    async (req) => portal.saveMyProfile(db, cipher, requireMember(req), req.params.id, req.body),
  );
  r.post(`${base}/profile/withdraw`, { schema: { tags: ptags, params: IdParam, response: { 200: WithdrawResult } } }, async (req) =>
    portal.withdrawMe(db, requireMember(req), req.params.id),
  );
  r.get(
    `${base}/profiles`,
    { schema: { tags: ptags, params: IdParam, querystring: BrowseQuery, response: { 200: BrowseList } } },
    async (req) => portal.browseProfiles(db, cipher, requireMember(req), req.params.id, req.query),
  );
  r.post(
    `${base}/interests`,
    { schema: { tags: ptags, params: IdParam, body: ProfileRefBody, response: { 200: InterestResult } } },
    async (req) => portal.expressInterest(db, requireMember(req), req.params.id, req.body.profileRef),
  );
  r.post(
    `${base}/interests/withdraw`,
    { schema: { tags: ptags, params: IdParam, body: ProfileRefBody, response: { 200: Done } } },
    async (req) => portal.withdrawInterest(db, requireMember(req), req.params.id, req.body.profileRef),
  );
  r.post(`${base}/blocks`, { schema: { tags: ptags, params: IdParam, body: ProfileRefBody, response: { 200: Done } } }, async (req) =>
    portal.block(db, requireMember(req), req.params.id, req.body.profileRef),
  );
  r.get(`${base}/blocks`, { schema: { tags: ptags, params: IdParam, response: { 200: BlockList } } }, async (req) =>
    portal.myBlocks(db, requireMember(req), req.params.id),
  );
  r.post(`${base}/blocks/lift`, { schema: { tags: ptags, params: IdParam, body: ProfileRefBody, response: { 200: Done } } }, async (req) =>
    portal.unblock(db, requireMember(req), req.params.id, req.body.profileRef),
  );
  r.get(`${base}/matches`, { schema: { tags: ptags, params: IdParam, response: { 200: MatchList } } }, async (req) =>
    portal.myMatches(db, cipher, requireMember(req), req.params.id),
  );
  r.post(
    `${base}/matches/confirm`,
    { schema: { tags: ptags, params: IdParam, body: ProfileRefBody, response: { 200: Match } } },
    async (req) => portal.confirmContact(db, cipher, requireMember(req), req.params.id, req.body.profileRef),
  );
  r.post(`${base}/tasks`, { schema: { tags: ptags, params: IdParam, body: TaskBody, response: { 200: TaskResult } } }, async (req) =>
    portal.doTask(db, requireMember(req), req.params.id, req.body),
  );

  const tags = ['matchmaking'];
  const event = '/api/events/:id/matchmaking';
  r.get(`${event}/settings`, { schema: { tags, params: IdParam, response: { 200: MatchSettings } } }, async (req) =>
    cadre.getSettings(db, requireActor(req), req.params.id),
  );
  r.put(
    `${event}/settings`,
    { schema: { tags, params: IdParam, body: MatchSettingsBody, response: { 200: MatchSettings } } },
    async (req) => cadre.putSettings(db, requireActor(req), req.params.id, req.body),
  );
  r.get(`${event}/stats`, { schema: { tags, params: IdParam, response: { 200: MatchStats } } }, async (req) =>
    cadre.stats(db, requireActor(req), req.params.id),
  );
  r.get(
    `${event}/ranking`,
    { schema: { tags, params: IdParam, querystring: RankingQuery, response: { 200: MatchRanking } } },
    async (req) => cadre.ranking(db, requireActor(req), req.params.id, req.query.places ?? 0),
  );
  r.post(
    `${event}/profile-views`,
    { schema: { tags, params: IdParam, body: StaffViewBody, response: { 200: StaffProfile } } },
    async (req) => cadre.staffView(db, cipher, requireActor(req), req.params.id, req.body),
  );
}
