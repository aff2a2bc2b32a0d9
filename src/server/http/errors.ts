import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorMessage } from '../../common/errors.js';
import { maskPersonalNumbers } from '../../common/identity.js';
import { describeIssues, RequestValidationError } from './validation.js';
import { createRefusalRecorder } from '../audit/audit.refusals.js';
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
const deniedStatuses = new Set([401, 403, 404, 429]);

export type ErrorHandlerOptions = {
  spaIndex: boolean;
  /** Repeats of one refusal by one caller within this many seconds become one summary entry. */
  refusalWindowSeconds: number;
  /** Distinct refusals an anonymous IP may log per window before the rest are only counted. */
  anonymousRefusalsPerWindow: number;
};

/**
 * Installs the error handler and the one not-found handler: unknown /api paths answer the error shape; other
 * GETs get the single-page app's index.html when the console is built (client-side routes such as /orgs/12).
 * Every refused request (401/403/404/429, reads and writes) and every failed write is audited through an
 * aggregating recorder that `app.close()` flushes (`app.auditRefusals.flush()` in tests).
 */
export function installErrorHandler(app: FastifyInstance, db: Kysely<DB>, options: ErrorHandlerOptions): void {
  const recorder = createRefusalRecorder(db, {
    windowSeconds: options.refusalWindowSeconds,
    anonymousPerWindow: options.anonymousRefusalsPerWindow,
    onError: (error) => app.log.error({ err: error }, 'could not write audit entry'),
  });
  app.decorate('auditRefusals', recorder);
  app.addHook('onClose', async () => recorder.stop());

  const audit = async (request: FastifyRequest, code: AppError['code'], status: number, route: string): Promise<void> => {
    const denied = deniedStatuses.has(status);
    if (!(denied || (mutating.has(request.method) && status < 500))) return;
    // A refused sign-in is recorded by the login service, which knows whose account it was.
    if (code === 'LOGIN_FAILED') return;
    const actor = request.actor;
    await recorder.record({
      userId: actor?.userId ?? null,
      username: actor?.username ?? null,
      action: `${request.method} ${route}`,
      targetType: 'request',
      targetId: maskPersonalNumbers(request.url.split('?')[0] ?? '').slice(0, 200),
      // Placed at the caller's grant nodes, where the caller's auditors look; anonymous refusals go to the root.
      orgIds: actor?.grants.map((g) => g.orgId),
      result: denied ? 'denied' : 'failed',
      ip: request.ip,
      code,
    });
  };

  app.setErrorHandler(async (error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    await audit(request, appError.code, appError.status, request.routeOptions.url ?? request.url.split('?')[0] ?? '');
    return reply.status(appError.status).send(appError.toBody(request.locale));
  });

  app.setNotFoundHandler(async (request, reply) => {
    if (options.spaIndex && request.method === 'GET' && !request.url.startsWith('/api/'))
      return reply.type('text/html').sendFile('index.html');
    if (request.url.startsWith('/api/')) await audit(request, 'ROUTE_NOT_FOUND', 404, '(no such route)');
    return reply.status(404).send({ code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', request.locale) });
  });
}
