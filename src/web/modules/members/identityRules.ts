import { errorMessage } from '../../../common/errors.js';
import { parseIdNumber, parsePhone, type IdProblem, type PhoneProblem } from '../../../common/identity.js';
import { currentLocale } from '../../i18n/index.js';

/** The server's own message for an ID-number problem (same code, same words), in the selected language. */
export function idProblemText(problem: IdProblem): string {
  const locale = currentLocale();
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

export function phoneProblemText(problem: PhoneProblem): string {
  const locale = currentLocale();
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

/** The problem with a typed ID number, or null when it is a valid 18-character number. */
export function idNumberError(value: string | undefined): string | null {
  const parsed = parseIdNumber(value ?? '');
  return parsed.ok ? null : idProblemText(parsed.problem);
}

export function phoneError(value: string | undefined): string | null {
  const parsed = parsePhone(value ?? '');
  return parsed.ok ? null : phoneProblemText(parsed.problem);
}

/** antd Form rules that show exactly what the server would answer. */
export const idNumberRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    const problem = idNumberError(value);
    if (problem) throw new Error(problem);
  },
};
export const phoneRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    const problem = phoneError(value);
    if (problem) throw new Error(problem);
  },
};

/** Which form field a server error code belongs to, so it can be shown under that field. */
export function fieldOfErrorCode(code: string): 'idNumber' | 'phone' | null {
  if (code.startsWith('ID_') || code === 'ALREADY_MEMBER' || code === 'APPLICATION_PENDING') return 'idNumber';
  if (code.startsWith('PHONE_')) return 'phone';
  return null;
}
