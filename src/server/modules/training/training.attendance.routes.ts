import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import { Attendee, AttendeeListQuery } from '../../../common/training.attendance.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { listAttendees } from './training.attendance.service.js';

/** The attendance list of a training session (who was marked or checked in). */
export function trainingAttendanceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/training/sessions/:id/attendance',
    { schema: { tags: ['training'], params: IdParam, querystring: AttendeeListQuery, response: { 200: pageOf(Attendee) } } },
    async (req) => listAttendees(deps.db, requireActor(req), req.params.id, req.query),
  );
}
