import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Config } from '../config.js';
import { pickLocale } from '../../common/i18n.js';
import { AppError } from '../../common/errors.js';
import '../../common/auth.errors.js';
import { resolveActor, SESSION_COOKIE } from './auth.service.js';
import type { Actor } from './scope.js';
import { MEMBER_SESSION_COOKIE, resolveMember } from './member-session.js';

/** Resolves the caller's language and session on every request; routes then call requireActor(). */
export function installAuth(app: FastifyInstance, db: Kysely<DB>, config: Config): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('member', undefined);
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.cookies['gh_lang'] ?? request.headers['accept-language']);
    const sessionId = request.cookies[SESSION_COOKIE];
    if (sessionId && sessionId.length <= 100 && request.url.startsWith('/api/')) {
      request.actor = await resolveActor(db, config, sessionId, request.ip);
    }
    const memberCookie = request.cookies[MEMBER_SESSION_COOKIE];
    if (memberCookie && memberCookie.length <= 100 && request.url.startsWith('/api/portal/')) {
      request.member = await resolveMember(db, config, memberCookie, request.ip);
    }
  });
}

/** The signed-in caller, or a 401; a 403 while a generated first password has not been changed. */
export function requireActor(request: FastifyRequest): Actor {
  const actor = requireSession(request);
  if (actor.mustChangePassword) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  return actor;
}

/** The signed-in caller even before a forced password change: only for me and the password change itself. */
export function requireSession(request: FastifyRequest): Actor {
  if (!request.actor) {
    throw new AppError(request.cookies[SESSION_COOKIE] ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
  }
  return request.actor;
}
