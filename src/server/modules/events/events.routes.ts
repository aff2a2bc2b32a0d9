import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { IdParam, pageOf } from '../../../common/paging.js';
import {
  BulkSignUpBody,
  BulkSignUpResult,
  CapacityBody,
  CreateEventBody,
  EventDetail,
  EventListItem,
  EventListQuery,
  MemberEventList,
  MemberRegistration,
  Registration,
  RegistrationListQuery,
  RegistrationParams,
  SessionParams,
  SignUpBody,
} from '../../../common/events.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { requireMember } from '../../auth/member-session.js';
import * as events from './events.service.js';
import * as portal from './events.portal.service.js';
import { scheduleEventJobs } from './events.jobs.js';
import { scheduleEventNotifications } from './events.notify.jobs.js';
import { eventCheckinRoutes } from './events.checkin.routes.js';
import { eventDrawRoutes } from './events.draw.routes.js';
import { eventReachRoutes } from './events.reach.routes.js';
import { eventAdminRoutes } from './events.admin.routes.js';
import { eventPhotoRoutes } from './events.photos.routes.js';
import { eventQuotaRoutes } from './events.quota.routes.js';
import { eventGuestRoutes } from './events.guests.routes.js';
import { ticketSignerOf } from './events.tickets.js';
import { eventGroupingRoutes } from './events.grouping.routes.js';

/** Events (活动): events with sessions, first-come sign-ups, waitlists; the cadres' console and the member pages. */
export function eventRoutes(app: FastifyInstance, deps: Deps): void {
  const { db } = deps;
  let jobs: { stop(): void } | undefined;
  let notify: { stop(): void } | undefined;
  app.addHook('onListen', async () => {
    jobs = scheduleEventJobs(db, app.log);
    notify = scheduleEventNotifications(
      db,
      { cipher: deps.cipher, messages: deps.messages, tickets: ticketSignerOf(deps.config) },
      app.log,
    );
  });
  app.addHook('onClose', async () => {
    jobs?.stop();
    notify?.stop();
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.post('/api/events', { schema: { tags, body: CreateEventBody, response: { 201: EventDetail } } }, async (req, reply) =>
    reply.status(201).send(await events.createEvent(db, requireActor(req), req.body)),
  );
  r.get('/api/events', { schema: { tags, querystring: EventListQuery, response: { 200: pageOf(EventListItem) } } }, async (req) =>
    events.listEvents(db, requireActor(req), req.query),
  );
  r.get('/api/events/:id', { schema: { tags, params: IdParam, response: { 200: EventDetail } } }, async (req) =>
    events.getEvent(db, requireActor(req), req.params.id),
  );
  r.patch(
    '/api/events/:id/sessions/:sessionId',
    { schema: { tags, params: SessionParams, body: CapacityBody, response: { 200: EventDetail } } },
    async (req) => events.changeCapacity(db, requireActor(req), req.params.id, req.params.sessionId, req.body),
  );
  r.post(
    '/api/events/:id/registrations/bulk',
    { schema: { tags, params: IdParam, body: BulkSignUpBody, response: { 200: BulkSignUpResult } } },
    async (req) => events.bulkSignUp(db, requireActor(req), req.params.id, req.body),
  );
  r.get(
    '/api/events/:id/registrations',
    { schema: { tags, params: IdParam, querystring: RegistrationListQuery, response: { 200: pageOf(Registration) } } },
    async (req) => events.listRegistrations(db, requireActor(req), req.params.id, req.query),
  );
  r.post(
    '/api/events/:id/registrations/:registrationId/cancel',
    { schema: { tags, params: RegistrationParams, response: { 200: Registration } } },
    async (req) => events.cancelRegistration(db, requireActor(req), req.params.id, req.params.registrationId),
  );
  r.post(
    '/api/events/:id/registrations/:registrationId/no-show',
    { schema: { tags, params: RegistrationParams, response: { 200: Registration } } },
    async (req) => events.releaseNoShow(db, requireActor(req), req.params.id, req.params.registrationId),
  );

  const ptags = ['portal'];
  r.get('/api/portal/events', { schema: { tags: ptags, response: { 200: MemberEventList } } }, async (req) =>
    portal.eventsOpenToMe(db, requireMember(req)),
  );
  r.post(
    '/api/portal/events/registrations',
    { schema: { tags: ptags, body: SignUpBody, response: { 201: MemberRegistration } } },
    async (req, reply) => reply.status(201).send(await portal.signUp(db, requireMember(req), req.body)),
  );
  r.get(
    '/api/portal/events/registrations',
    { schema: { tags: ptags, response: { 200: z.object({ items: z.array(MemberRegistration) }) } } },
    async (req) => portal.myRegistrations(db, requireMember(req)),
  );
  r.post(
    '/api/portal/events/registrations/:id/cancel',
    { schema: { tags: ptags, params: IdParam, response: { 200: MemberRegistration } } },
    async (req) => portal.cancelMine(db, requireMember(req), req.params.id),
  );
  r.post(
    '/api/portal/events/registrations/:id/accept',
    { schema: { tags: ptags, params: IdParam, response: { 200: MemberRegistration } } },
    async (req) => portal.acceptOffer(db, requireMember(req), req.params.id),
  );
  eventCheckinRoutes(app, deps);
  eventQuotaRoutes(app, deps);
  eventDrawRoutes(app, deps);
  eventReachRoutes(app, deps);
  eventAdminRoutes(app, deps);
  eventPhotoRoutes(app, deps);
  eventGuestRoutes(app, deps);
  eventGroupingRoutes(app, deps);
}
