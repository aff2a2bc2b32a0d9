import { parseIdNumber, parsePhone } from '../../../common/identity.js';
import { currentLocale } from '../../i18n/index.js';
import { idProblemText, phoneProblemText } from './identityMessages.js';

/** The problem with a typed ID number, or null when it is a valid 18-character number. */
export function idNumberError(value: string | undefined): string | null {
  const parsed = parseIdNumber(value ?? '');
  return parsed.ok ? null : idProblemText(parsed.problem, currentLocale());
}

export function phoneError(value: string | undefined): string | null {
  const parsed = parsePhone(value ?? '');
  return parsed.ok ? null : phoneProblemText(parsed.problem, currentLocale());
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
