import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { AddGuestBody, Guest, GuestList, GuestParams, GuestSignUpBody, GuestSignUpResult } from '../../../common/events.guests.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as guests from './events.guests.service.js';

/** Named non-members of an event (非会员): list, add, remove, sign up for a first-come session. */
export function eventGuestRoutes(app: FastifyInstance, deps: Deps): void {
  const { db, cipher } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];
  r.get('/api/events/:id/guests', { schema: { tags, params: IdParam, response: { 200: GuestList } } }, async (req) =>
    guests.listGuests(db, requireActor(req), req.params.id),
  );
  r.post(
    '/api/events/:id/guests',
    { schema: { tags, params: IdParam, body: AddGuestBody, response: { 201: Guest } } },
    async (req, reply) => reply.status(201).send(await guests.addGuest(db, cipher, requireActor(req), req.params.id, req.body)),
  );
  r.delete('/api/events/:id/guests/:guestId', { schema: { tags, params: GuestParams } }, async (req, reply) => {
    await guests.removeGuest(db, requireActor(req), req.params.id, req.params.guestId);
    return reply.status(204).send();
  });
  r.post(
    '/api/events/:id/guests/:guestId/sign-up',
    { schema: { tags, params: GuestParams, body: GuestSignUpBody, response: { 200: GuestSignUpResult } } },
    async (req) => guests.signUpGuest(db, requireActor(req), req.params.id, req.params.guestId, req.body),
  );
}
