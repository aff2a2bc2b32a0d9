import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { Registration, RegistrationParams, SessionParams } from '../../../common/events.js';
import { CheckinPack, SyncBody, SyncResult, Ticket } from '../../../common/events.checkin.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { requireMember } from '../../auth/member-session.js';
import * as checkin from './events.checkin.service.js';
import { ticketSignerOf } from './events.tickets.js';

/** Check-in (签到): the member's signed ticket, the scanner's offline pack and sync, manual check-in. */
export function eventCheckinRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, config } = deps;
  const signer = ticketSignerOf(config);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.get(
    '/api/events/:id/sessions/:sessionId/check-in/pack',
    { schema: { tags, params: SessionParams, response: { 200: CheckinPack } } },
    async (req) => checkin.checkinPack(db, signer, requireActor(req), req.params.id, req.params.sessionId),
  );
  r.post(
    '/api/events/:id/sessions/:sessionId/check-in/sync',
    { schema: { tags, params: SessionParams, body: SyncBody, response: { 200: SyncResult } } },
    async (req) => checkin.syncScans(db, deps.events, signer, requireActor(req), req.params.id, req.params.sessionId, req.body),
  );
  r.post(
    '/api/events/:id/registrations/:registrationId/check-in',
    { schema: { tags, params: RegistrationParams, response: { 200: Registration } } },
    async (req) => checkin.checkInByHand(db, deps.events, requireActor(req), req.params.id, req.params.registrationId),
  );
  r.get(
    '/api/portal/events/registrations/:id/ticket',
    { schema: { tags: ['portal'], params: IdParam, response: { 200: Ticket } } },
    async (req) => checkin.myTicket(db, signer, requireMember(req), req.params.id),
  );
}
