import { AppError } from './errors.js';
import './identity.errors.js';
import type { IdProblem, PhoneProblem } from './identity.js';

/**
 * The one mapping from what is wrong with an ID number or phone to the catalogue's error: the API answers
 * with it, the browser shows `.toBody(locale).message` before sending, the roster error file uses the same codes.
 */
export function idProblemError(problem: IdProblem): AppError {
  switch (problem.kind) {
    case 'empty':
      return new AppError('ID_EMPTY');
    case 'scientific':
      return new AppError('ID_SCIENTIFIC', { shown: problem.shown });
    case 'legacy15':
      return new AppError('ID_LEGACY15');
    case 'length':
      return new AppError('ID_LENGTH', { length: problem.length });
    case 'char':
      return new AppError('ID_CHAR', { position: problem.position, char: problem.char });
    case 'region':
      return new AppError('ID_REGION', { prefix: problem.prefix });
    case 'birthdate':
      return new AppError('ID_BIRTHDATE', { date: problem.date });
    case 'check':
      return new AppError('ID_CHECK', { expected: problem.expected });
  }
}

export function phoneProblemError(problem: PhoneProblem): AppError {
  switch (problem.kind) {
    case 'empty':
      return new AppError('PHONE_EMPTY');
    case 'length':
      return new AppError('PHONE_LENGTH', { digits: problem.digits });
    case 'prefix':
      return new AppError('PHONE_PREFIX');
    case 'char':
      return new AppError('PHONE_CHAR', { char: problem.char });
  }
}
