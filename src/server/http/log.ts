import { createRequire } from 'node:module';
import { maskPersonalNumbers } from '../../common/identity.js';

/**
 * Fields of a thrown error that are safe to log. Database errors also carry the statement (`query`), its
 * `params`/`parameters`, and a `detail` such as `Key (id_number_bidx)=(…)` or `Failing row contains (…)`:
 * those hold personal data and never reach a log line.
 */
const SAFE_ERROR_FIELDS = ['code', 'severity', 'routine', 'constraint', 'table', 'column', 'schema', 'dataType', 'statusCode'] as const;

type LoggedError = { type: string; message: string; stack: string; [field: string]: unknown };

/** An error as a log line shows it: type, masked message and stack, the safe fields, the cause likewise. */
export function errorForLog(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: maskPersonalNumbers(String(error)), stack: '' };
  const shown: LoggedError = {
    type: error.name,
    message: maskPersonalNumbers(error.message),
    stack: maskPersonalNumbers(error.stack ?? ''),
  };
  const fields = error as unknown as Record<string, unknown>;
  for (const name of SAFE_ERROR_FIELDS) {
    const value = fields[name];
    if (typeof value === 'string' || typeof value === 'number') shown[name] = value;
  }
  if (error.cause !== undefined && depth < 3) shown.cause = errorForLog(error.cause, depth + 1);
  return shown;
}

/** The logger's serializers: search URLs may carry an ID number or phone (?q=…), errors their SQL parameters. */
export const logSerializers = {
  req: (req: { method: string; url: string; ip?: string }) => ({
    method: req.method,
    url: maskPersonalNumbers(req.url),
    remoteAddress: req.ip,
  }),
  err: (error: unknown) => errorForLog(error),
};

/**
 * Readable log lines for a person at a terminal: pino-pretty as pino's transport (its own worker thread) when stdout
 * is a TTY and the module resolves; JSON lines otherwise (a service manager, a pipe, a log collector).
 */
export function prettyTransport(isTTY = process.stdout.isTTY === true): { target: string; options: Record<string, unknown> } | undefined {
  if (!isTTY) return undefined;
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return { target: 'pino-pretty', options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname' } };
}
