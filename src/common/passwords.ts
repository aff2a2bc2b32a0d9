import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnLanguageCommon from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from './auth.js';

/** Why a password is refused; each reason has its own error code and wording. */
export type PasswordProblem = 'PASSWORD_TOO_SHORT' | 'PASSWORD_COMMON' | 'PASSWORD_LIKE_USERNAME' | 'PASSWORD_WEAK';

/** zxcvbn scores 0–4; 3 means "safely unguessable: moderate protection from an offline slow-hash scenario". */
const MIN_SCORE = 3;

/** zxcvbn-ts as the rule rates with it: `passwordRater()` of the loaded packages. */
export type PasswordRater = Pick<ZxcvbnCore.ZxcvbnFactory, 'check'>;

/**
 * zxcvbn-ts with its common-password dictionary and keyboard graphs. The caller loads the two packages (their
 * dictionaries are ≈ 6 MB of heap, which the server only takes at the first password it checks, #16) and keeps
 * what this returns.
 */
export function passwordRater(core: typeof ZxcvbnCore, language: typeof ZxcvbnLanguageCommon): PasswordRater {
  return new core.ZxcvbnFactory({ dictionary: language.dictionary, graphs: language.adjacencyGraphs });
}

/**
 * The one password rule of the platform (server and console): at least PASSWORD_MIN_LENGTH characters,
 * not containing the username or display name, and rated strong enough by zxcvbn-ts (`rater`, see
 * passwordRater) with its common-password dictionary and the account's own names as user inputs. Undefined when acceptable.
 */
export function passwordProblem(
  password: string,
  account: { username: string; displayName?: string },
  rater: PasswordRater,
): PasswordProblem | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  const names = [account.username, account.displayName ?? ''].map((n) => n.trim().toLowerCase()).filter((n) => n.length >= 3);
  const lower = password.toLowerCase();
  if (names.some((n) => lower.includes(n))) return 'PASSWORD_LIKE_USERNAME';
  const result = rater.check(password, names);
  if (result.score >= MIN_SCORE) return undefined;
  const dictionaries = result.sequence.map((m) => (m.pattern === 'dictionary' ? String(m.dictionaryName) : ''));
  if (dictionaries.includes('userInputs')) return 'PASSWORD_LIKE_USERNAME';
  if (dictionaries.some((d) => d.startsWith('passwords'))) return 'PASSWORD_COMMON';
  return 'PASSWORD_WEAK';
}
