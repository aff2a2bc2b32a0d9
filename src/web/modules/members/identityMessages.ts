import { idProblemError, phoneProblemError } from '../../../common/identity-errors.js';
import type { Locale } from '../../../common/i18n.js';
import type { IdProblem, PhoneProblem } from '../../../common/identity.js';

/** The server's own message for an ID-number problem (one mapping, in src/common), in the selected language. */
export function idProblemText(problem: IdProblem, locale: Locale): string {
  return idProblemError(problem).toBody(locale).message;
}

export function phoneProblemText(problem: PhoneProblem, locale: Locale): string {
  return phoneProblemError(problem).toBody(locale).message;
}
