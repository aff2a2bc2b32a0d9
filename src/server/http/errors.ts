import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorMessage } from '../../common/errors.js';
import { maskPersonalNumbers } from '../../common/identity.js';
import { describeIssues, RequestValidationError } from './validation.js';
import { recordRefusal } from '../modules/audit/audit.service.js';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

const pgCodes: Record<string, AppError['code']> = {
  '23505': 'CONFLICT', // unique_violation the service did not foresee
  '23503': 'REFERENCE_MISSING', // foreign_key_violation: services check references first, this is the last line of defence
  '40001': 'CONFLICT', // serialization_failure
  '40P01': 'CONFLICT', // deadlock_detected
  '22P02': 'INVALID_TEXT', // invalid_text_representation
  '22021': 'INVALID_TEXT', // character_not_in_repertoire (e.g. a lone surrogate)
};

/** Maps anything thrown to the one error shape; unknown errors are logged with a reference and answered without detail. */
export function toAppError(error: unknown, request: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    const details = describeIssues(error.issues, request.locale);
    const detail = details
      .slice(0, 3)
      .map((d) => (d.path ? `${d.path}: ${d.message}` : d.message))
      .join('；');
    return new AppError('VALIDATION', { detail }, details);
  }
  const fastifyError = error as Partial<FastifyError> & { code?: string };
  const status = fastifyError.statusCode;
  if (fastifyError.code && fastifyError.code in pgCodes) {
    return new AppError(pgCodes[fastifyError.code]!);
  }
  if (status === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status === 404) return new AppError('ROUTE_NOT_FOUND');
  if (status !== undefined && status >= 400 && status < 500) return new AppError('BAD_REQUEST');
  const ref = randomUUID().slice(0, 8);
  request.log.error({ err: error, ref }, 'unhandled error');
  return new AppError('INTERNAL', { ref });
}

const mutating = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Installs the error handler and the one not-found handler: unknown /api paths answer the error shape; other
 * GETs get the single-page app's index.html when the console is built (client-side routes such as /orgs/12).
 */
export function installErrorHandler(app: FastifyInstance, db: Kysely<DB>, options: { spaIndex: boolean }): void {
  app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    // Every refused or failed write is audited (successful writes are audited inside their transaction).
    if (mutating.has(request.method) && appError.status < 500 && request.url !== '/api/auth/login') {
      const denied = appError.status === 401 || appError.status === 403 || appError.status === 404;
      try {
        await recordRefusal(db, {
          userId: request.actor?.userId ?? null,
          username: request.actor?.username ?? null,
          action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
          targetType: 'request',
          targetId: maskPersonalNumbers(request.url.split('?')[0] ?? '').slice(0, 200),
          result: denied ? 'denied' : 'failed',
          ip: request.ip,
          detail: { code: appError.code },
        });
      } catch (auditError) {
        request.log.error({ err: auditError }, 'could not write audit entry');
      }
    }
    return reply.status(appError.status).send(appError.toBody(request.locale));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (options.spaIndex && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', request.locale) });
  });
}
