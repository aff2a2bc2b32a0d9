import { AppError } from '../../../common/errors.js';
import { ContestError } from '../../../common/contests.errors.js';

/**
 * Turns what the contest rules and the database refuse into the catalogue's answers: a ContestError of the pure
 * domain keeps its code and detail; the conflict trigger of 0051_contests.sql (its message starts with
 * `contest_conflict_of_interest`) and the submitted-sheet trigger become their codes. Anything else passes through.
 */
export function mapContestError(error: unknown): unknown {
  if (error instanceof ContestError) return new AppError(error.code, { detail: error.detail });
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('contest_conflict_of_interest')) return new AppError('CONTEST_CONFLICT_OF_INTEREST');
  if (message.startsWith('contest_sheet_submitted')) return new AppError('CONTEST_SHEET_SUBMITTED');
  return error;
}
