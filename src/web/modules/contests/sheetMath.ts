import type { Criterion } from '../../../common/contests.js';

export type Draft = Record<string, number | null>;

/** What is wrong with one score: above the criterion's maximum, negative, or with more decimals than it allows. */
export function scoreProblem(c: Criterion, value: number | null): 'range' | 'decimals' | null {
  if (value === null) return null;
  if (value < 0 || value > c.maxScore) return 'range';
  const scaled = value * 10 ** c.decimals;
  return Math.abs(scaled - Math.round(scaled)) > 1e-9 ? 'decimals' : null;
}

/** 加权总分: the sum of score × weight over the criteria scored so far (the server's rule for a judge's total). */
export function weightedTotal(criteria: readonly Criterion[], draft: Draft): number {
  return criteria.reduce((sum, c) => sum + (draft[String(c.id)] ?? 0) * c.weight, 0);
}

/** The scores worth sending: the filled ones without a problem. */
export function filledScores(criteria: readonly Criterion[], draft: Draft): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of criteria) {
    const v = draft[String(c.id)] ?? null;
    if (v !== null && scoreProblem(c, v) === null) out[String(c.id)] = v;
  }
  return out;
}

export const isComplete = (criteria: readonly Criterion[], draft: Draft): boolean =>
  criteria.every((c) => {
    const v = draft[String(c.id)] ?? null;
    return v !== null && scoreProblem(c, v) === null;
  });
