/**
 * Errors of the contest judging rules (issue #14). These functions are pure domain: they throw this small error type,
 * never `AppError`; the wiring to come maps each code to an HTTP answer and a catalogue message.
 */
export type ContestErrorCode =
  | 'CONTEST_INVALID_CRITERIA'
  | 'CONTEST_SCORE_OUT_OF_RANGE'
  | 'CONTEST_UNKNOWN_REFERENCE'
  | 'CONTEST_DUPLICATE_SCORE'
  | 'CONTEST_NORMALISATION_UNBALANCED'
  | 'CONTEST_NORMALISATION_DEGENERATE'
  | 'CONTEST_INVALID_TIERS'
  | 'CONTEST_INVALID_ASSIGNMENT';

/** A broken rule of a contest, with a stable code and the detail that names what was wrong. */
export class ContestError extends Error {
  readonly code: ContestErrorCode;
  readonly detail: string;

  constructor(code: ContestErrorCode, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'ContestError';
    this.code = code;
    this.detail = detail;
  }
}
