import type { ErrorCode } from '../../../common/errors.js';
import { errorMessage } from '../../../common/errors.js';
import '../../../common/uscc.errors.js';
import { checkUscc, normaliseUscc, type UsccProblem } from '../../../common/uscc.js';
import { currentLocale } from '../../i18n/index.js';

function problemCode(problem: UsccProblem): { code: ErrorCode; params: Record<string, string | number> } {
  switch (problem.kind) {
    case 'length':
      return { code: 'USCC_INVALID_LENGTH', params: { length: problem.length } };
    case 'char':
      return { code: 'USCC_INVALID_CHAR', params: { position: problem.position, char: problem.char } };
    case 'check':
      return { code: 'USCC_INVALID_CHECK', params: { expected: problem.expected } };
  }
}

/** The same message the server would answer for a bad 统一社会信用代码, or null when it is valid or empty. */
export function usccProblemMessage(input: string | undefined): string | null {
  const code = normaliseUscc(input ?? '');
  if (!code) return null;
  const problem = checkUscc(code);
  if (!problem) return null;
  const { code: errorCode, params } = problemCode(problem);
  return errorMessage(errorCode, currentLocale(), params);
}
