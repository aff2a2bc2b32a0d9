import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { pageOf, queryCount } from '../../../common/paging.js';
import { orgKinds } from '../../../common/orgs.js';
import {
  Application,
  ApplicationListQuery,
  ApplicationReceipt,
  ApplicationStatusView,
  DecideApplicationsBody,
  DecisionResult,
  IntakeApplicationBody,
  PublicApplicationBody,
} from '../../../common/applications.js';
import { requireActor } from '../../auth/auth.plugin.js';
import * as applications from './applications.service.js';
import { pendingApplications } from './applications.todos.js';

export function applicationRoutes(app: FastifyInstance, deps: Deps): void {
  // What waits for cadres here (工作台, menu badges).
  const unregisterPendingApplications = deps.todos.register(pendingApplications);
  app.addHook('onClose', async () => unregisterPendingApplications());
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Public routes take no session; they are rate limited per IP.
  const publicLimit = { rateLimit: { max: deps.config.publicRateLimitPerMinute, timeWindow: '1 minute' } };
  const tags = ['applications'];
  // A transfer born of an application closes the application when it is decided (transfers sits below and cannot call up).
  const unsubscribe = deps.events.on('transfer.decided', applications.settleTransferredApplication);
  app.addHook('onClose', async () => unsubscribe());

  r.get(
    '/api/public/unions',
    {
      schema: {
        tags: ['public'],
        querystring: z.object({ q: z.string().trim().min(1).max(50), limit: queryCount(1, 30).default(20) }),
        response: {
          200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(orgKinds), parentName: z.string() })) }),
        },
      },
      config: publicLimit,
    },
    async (req) => applications.searchReceivingUnions(deps.db, req.query.q, req.query.limit),
  );
  r.post(
    '/api/public/applications',
    { schema: { tags: ['public'], body: PublicApplicationBody, response: { 201: ApplicationReceipt } }, config: publicLimit },
    async (req, reply) => reply.status(201).send(await applications.submitPublicApplication(deps, req.body, req.ip)),
  );
  r.get(
    '/api/public/applications/:trackingCode',
    {
      schema: { tags: ['public'], params: z.object({ trackingCode: z.string().min(1).max(40) }), response: { 200: ApplicationStatusView } },
      config: publicLimit,
    },
    async (req) => applications.applicationStatus(deps.db, req.params.trackingCode),
  );

  r.post(
    '/api/applications',
    { schema: { tags, body: IntakeApplicationBody, response: { 201: ApplicationReceipt } } },
    async (req, reply) => reply.status(201).send(await applications.intakeApplication(deps, requireActor(req), req.body)),
  );
  r.get('/api/applications', { schema: { tags, querystring: ApplicationListQuery, response: { 200: pageOf(Application) } } }, async (req) =>
    applications.listApplications(deps.db, requireActor(req), req.query),
  );
  r.post(
    '/api/applications/decisions',
    { schema: { tags, body: DecideApplicationsBody, response: { 200: DecisionResult } } },
    async (req) => applications.decideApplications(deps, requireActor(req), req.body),
  );
}
