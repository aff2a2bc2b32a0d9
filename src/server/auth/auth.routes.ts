import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Config } from '../config.js';
import { ChangePasswordBody, LoginBody, Me } from '../../common/auth.js';
import { changeOwnPassword, describeMe, login, logout, resolveActor, SESSION_COOKIE } from './auth.service.js';
import { AppError } from '../../common/errors.js';
import { requireSession } from './auth.plugin.js';

/** The sign-in routes; `deps` is the platform's Deps (auth sits below it, so only what it uses is named). */
export function authRoutes(app: FastifyInstance, { db, config }: { db: Kysely<DB>; config: Config }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], body: LoginBody, response: { 200: Me } },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { sessionId } = await login(db, config, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousSessionId: request.cookies[SESSION_COOKIE],
      });
      reply.setCookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies || request.protocol === 'https',
        path: '/',
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      const actor = await resolveActor(db, config, sessionId, request.ip);
      if (!actor) throw new AppError('SESSION_EXPIRED');
      return describeMe(actor);
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId) await logout(db, sessionId, request.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  r.get('/api/auth/me', { schema: { tags: ['auth'], response: { 200: Me } } }, async (request) => {
    return describeMe(requireSession(request));
  });

  r.post(
    '/api/auth/password',
    {
      schema: { tags: ['auth'], body: ChangePasswordBody, response: { 200: Me } },
      config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request) => {
      const actor = requireSession(request);
      const sessionId = request.cookies[SESSION_COOKIE]!;
      await changeOwnPassword(db, config, actor, sessionId, request.body);
      return describeMe({ ...actor, mustChangePassword: false });
    },
  );
}
