import { errorMessage } from '../../../common/errors.js';
import type { Locale } from '../../../common/i18n.js';
import type { IdProblem, PhoneProblem } from '../../../common/identity.js';

/** The server's own message for an ID-number problem (same code, same words), in the selected language. */
export function idProblemText(problem: IdProblem, locale: Locale): string {
  switch (problem.kind) {
    case 'empty':
      return errorMessage('ID_EMPTY', locale);
    case 'scientific':
      return errorMessage('ID_SCIENTIFIC', locale, { shown: problem.shown });
    case 'legacy15':
      return errorMessage('ID_LEGACY15', locale);
    case 'length':
      return errorMessage('ID_LENGTH', locale, { length: problem.length });
    case 'char':
      return errorMessage('ID_CHAR', locale, { position: problem.position, char: problem.char });
    case 'region':
      return errorMessage('ID_REGION', locale, { prefix: problem.prefix });
    case 'birthdate':
      return errorMessage('ID_BIRTHDATE', locale, { date: problem.date });
    case 'check':
      return errorMessage('ID_CHECK', locale, { expected: problem.expected });
  }
}

export function phoneProblemText(problem: PhoneProblem, locale: Locale): string {
  switch (problem.kind) {
    case 'empty':
      return errorMessage('PHONE_EMPTY', locale);
    case 'length':
      return errorMessage('PHONE_LENGTH', locale, { digits: problem.digits });
    case 'prefix':
      return errorMessage('PHONE_PREFIX', locale);
    case 'char':
      return errorMessage('PHONE_CHAR', locale, { char: problem.char });
  }
}
