import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { projectRoot, type Config } from './config.js';
import type { Database } from './db/client.js';
import { AppError } from '../common/errors.js';
import { validatorCompiler } from './http/validation.js';
import { installErrorHandler } from './http/errors.js';
import { logSerializers, prettyTransport } from './http/log.js';
import './http/types.js';
import { installAuth, requireActor } from './auth/auth.plugin.js';
import multipart from '@fastify/multipart';
import { ROSTER_LIMITS } from './modules/rosters/roster.columns.js';
import { checkPiiKey, createDeps, type Deps, type RouteModule } from './deps.js';

/**
 * Every route module, one line each, in registration order: adding a module adds one line here. (Loaded on start;
 * each file exports its `(app, deps)` function.)
 */
const routeModules: readonly (() => Promise<RouteModule>)[] = [
  () => import('./modules/health/health.routes.js').then((m) => m.healthRoutes),
  () => import('./auth/auth.routes.js').then((m) => m.authRoutes),
  () => import('./modules/orgs/orgs.routes.js').then((m) => m.orgRoutes),
  () => import('./modules/employers/employers.routes.js').then((m) => m.employerRoutes),
  () => import('./modules/coverage/coverage.routes.js').then((m) => m.coverageRoutes),
  () => import('./modules/users/users.routes.js').then((m) => m.userRoutes),
  () => import('./modules/audit/audit.routes.js').then((m) => m.auditRoutes),
  () => import('./modules/members/members.routes.js').then((m) => m.memberRoutes),
  () => import('./modules/applications/applications.routes.js').then((m) => m.applicationRoutes),
  () => import('./modules/transfers/transfers.routes.js').then((m) => m.transferRoutes),
  () => import('./modules/cards/cards.routes.js').then((m) => m.cardRoutes),
  () => import('./modules/portal/portal.routes.js').then((m) => m.portalRoutes),
  () => import('./modules/messages/messages.routes.js').then((m) => m.messageRoutes),
  () => import('./modules/outreach/outreach.routes.js').then((m) => m.outreachRoutes),
  () => import('./modules/imports/imports.routes.js').then((m) => m.importRoutes),
  () => import('./modules/workbench/workbench.routes.js').then((m) => m.workbenchRoutes),
  () => import('./modules/welfare/welfare.routes.js').then((m) => m.welfareRoutes),
  () => import('./modules/points/programmes.routes.js').then((m) => m.programmeRoutes),
  () => import('./modules/points/merchants.routes.js').then((m) => m.merchantRoutes),
  () => import('./modules/points/points.portal.routes.js').then((m) => m.pointsPortalRoutes),
  () => import('./modules/events/events.routes.js').then((m) => m.eventRoutes),
  () => import('./modules/training/training.routes.js').then((m) => m.trainingRoutes),
  () => import('./modules/matchmaking/matchmaking.routes.js').then((m) => m.matchmakingRoutes),
  () => import('./modules/contests/contests.routes.js').then((m) => m.contestRoutes),
  () => import('./modules/tournaments/tournaments.routes.js').then((m) => m.tournamentRoutes),
  () => import('./modules/ledger/ledger.routes.js').then((m) => m.ledgerRoutes),
];

function prettyTransportOption(): { transport?: { target: string; options: Record<string, unknown> } } {
  const transport = prettyTransport();
  return transport ? { transport } : {};
}

const webDir = path.join(projectRoot, 'dist/web');

/**
 * Builds the Fastify app on an open, migrated database. Tests call app.inject(); main.ts listens. Log lines go
 * to stdout, or to `logStream` (tests read what a real server would log).
 */
export async function buildApp(
  database: Database,
  config: Config,
  options: { logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: config.logLevel,
          redact: ['req.headers.cookie', 'req.headers.authorization'],
          serializers: logSerializers,
          ...(options.logStream ? { stream: options.logStream } : prettyTransportOption()),
        }
      : false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  });
  // Requests being answered, for the background demo loader to wait for (a batch holds PGlite's one connection).
  let inFlight = 0;
  let lastRequestAt = Number.NEGATIVE_INFINITY;
  app.addHook('onRequest', async () => {
    inFlight += 1;
    lastRequestAt = performance.now();
  });
  app.addHook('onResponse', async () => {
    inFlight -= 1;
  });
  // The route table, for the authorization matrix and fuzzing to enumerate every route.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.decorate('deps', undefined as unknown as Deps);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const { db } = database;

  await app.register(cookie);
  // The console passes this policy: no inline script anywhere; Ant Design injects inline styles; QR codes and
  // charts are data:/blob: images. Nobody may frame the platform (click-jacking). Swagger UI needs nothing more.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
      },
    },
  });
  // Answers of the API may carry personal data: no browser or proxy keeps a copy — unless the route says itself how its
  // answer may be kept (an event's photo, which never changes under its id, is kept privately by the browser).
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
  await app.register(multipart, { limits: { fileSize: ROSTER_LIMITS.maxFileBytes, files: 1, fields: 5 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'gonghui 工会工作平台 API',
        version: '0.1.0',
        description: 'Errors: {code, message} with the message in the Accept-Language of the caller (zh-CN default).',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gh_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // In production the API description is for signed-in users only.
  const docsGuard = async (request: FastifyRequest) => {
    if (config.isProduction) requireActor(request);
  };
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiHooks: { onRequest: docsGuard } });
  app.get('/api/openapi.json', { schema: { hide: true }, onRequest: docsGuard }, async () => app.swagger());

  installAuth(app, db, config);
  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  installErrorHandler(app, db, {
    spaIndex: hasWeb,
    refusalWindowSeconds: config.auditRefusalWindowSeconds,
    anonymousRefusalsPerWindow: config.auditAnonymousRefusalsPerWindow,
  });

  const deps = createDeps(database, config, (level, text) => app.log[level](text), {
    inFlight: () => inFlight,
    lastRequestAt: () => lastRequestAt,
  });
  await checkPiiKey(db, deps.cipher);
  app.deps = deps;
  for (const load of routeModules) await (await load())(app, deps);
  return app;
}
