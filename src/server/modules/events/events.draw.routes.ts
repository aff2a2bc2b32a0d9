import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { MemberRegistration } from '../../../common/events.js';
import {
  AnyDrawExport,
  DrawParams,
  DrawPlanBody,
  DrawSeedBody,
  EventDraws,
  PreferencesBody,
  PublicEventDraws,
} from '../../../common/events.draw.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { requireMember } from '../../auth/member-session.js';
import { scheduleDrawFreeze } from './events.draw.jobs.js';
import * as draws from './events.draw.service.js';
import { exportDraw, publicDraws } from './events.draw.public.js';
import { enterPreferences } from './events.draw.portal.js';

/**
 * Fair selection (issue #13): the plan, freeze and seed of lotteries, points rankings and preferences; the public
 * result page and the export `npm run cli -- verify-draw` checks; the member's ranked preferences.
 */
export function eventDrawRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  let job: { stop(): void } | undefined;
  app.addHook('onListen', async () => {
    job = scheduleDrawFreeze(db, app.log);
  });
  app.addHook('onClose', async () => job?.stop());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.post(
    '/api/events/:id/draw/plan',
    { schema: { tags, params: IdParam, body: DrawPlanBody, response: { 200: EventDraws } } },
    async (req) => draws.declarePlan(db, requireActor(req), req.params.id, req.body),
  );
  r.post('/api/events/:id/draw/freeze', { schema: { tags, params: IdParam, response: { 200: EventDraws } } }, async (req) =>
    draws.freezeDraws(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/events/:id/draw/seed',
    { schema: { tags, params: IdParam, body: DrawSeedBody, response: { 200: EventDraws } } },
    async (req) => draws.enterSeed(db, requireActor(req), req.params.id, req.body),
  );
  r.get('/api/events/:id/draws', { schema: { tags, params: IdParam, response: { 200: EventDraws } } }, async (req) =>
    draws.getDraws(db, requireActor(req), req.params.id),
  );
  r.get('/api/public/events/:id/draws', { schema: { tags, params: IdParam, response: { 200: PublicEventDraws } } }, async (req) =>
    publicDraws(db, req.params.id),
  );
  r.get(
    '/api/public/events/:id/draws/:drawId/export',
    { schema: { tags, params: DrawParams, response: { 200: AnyDrawExport } } },
    async (req) => exportDraw(db, req.params.id, req.params.drawId),
  );
  r.post(
    '/api/portal/events/preferences',
    { schema: { tags: ['portal'], body: PreferencesBody, response: { 201: MemberRegistration } } },
    async (req, reply) => reply.status(201).send(await enterPreferences(db, requireMember(req), req.body)),
  );
}
