import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import {
  CreateMeetingBody,
  Meeting,
  MeetingDetail,
  MeetingListQuery,
  PublicMeeting,
  OutreachStats,
  OutreachStatsQuery,
  UnionisationBody,
  unionisationStages,
} from '../../../common/outreach.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as outreach from './outreach.service.js';

export function outreachRoutes(app: FastifyInstance, { db, config, events }: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['outreach'];
  r.post('/api/meetings', { schema: { tags, body: CreateMeetingBody, response: { 201: Meeting } } }, async (req, reply) =>
    reply.status(201).send(await outreach.createMeeting(db, events, requireActor(req), req.body)),
  );
  r.get('/api/meetings', { schema: { tags, querystring: MeetingListQuery, response: { 200: pageOf(Meeting) } } }, async (req) =>
    outreach.listMeetings(db, requireActor(req), req.query),
  );
  r.get('/api/meetings/:id', { schema: { tags, params: IdParam, response: { 200: MeetingDetail } } }, async (req) =>
    outreach.getMeeting(db, requireActor(req), req.params.id),
  );
  // The venue's QR code opens the join page with the meeting: public, rate limited per IP, nothing personal.
  r.get(
    '/api/public/meetings/:id',
    {
      schema: { tags: ['public'], params: IdParam, response: { 200: PublicMeeting } },
      config: { rateLimit: { max: config.publicRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (req) => outreach.publicMeeting(db, req.params.id),
  );
  r.get('/api/outreach/stats', { schema: { tags, querystring: OutreachStatsQuery, response: { 200: OutreachStats } } }, async (req) =>
    outreach.outreachStats(db, requireActor(req), req.query),
  );
  r.post(
    '/api/employers/:id/unionisation',
    {
      schema: {
        tags,
        params: IdParam,
        body: UnionisationBody,
        response: { 200: z.object({ stage: z.enum(unionisationStages), version: z.number() }) },
      },
    },
    async (req) => outreach.setUnionisationStage(db, requireActor(req), req.params.id, req.body),
  );
}
