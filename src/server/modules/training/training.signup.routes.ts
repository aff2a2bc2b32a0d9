import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { IdParam } from '../../../common/paging.js';
import { Session } from '../../../common/training.js';
import { OpenSignUpBody } from '../../../common/training.signup.js';
import { requireActor } from '../../auth/auth.plugin.js';
import { attendFromEvent, openSignUp } from './training.signup.js';

/** Sign-up of a training session through the events machinery, and its check-ins counted as training attendance. */
export function trainingSignUpRoutes(app: FastifyInstance, deps: Deps): void {
  // Events sits below training and cannot call up: it tells of each check-in, training marks the attendance.
  const unsubscribe = deps.events.on('event.attended', attendFromEvent);
  app.addHook('onClose', async () => unsubscribe());
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/training/sessions/:id/sign-up',
    { schema: { tags: ['training'], params: IdParam, body: OpenSignUpBody, response: { 201: Session } } },
    async (req, reply) => reply.status(201).send(await openSignUp(deps.db, requireActor(req), req.params.id, req.body)),
  );
}
