/**
 * Aggregation of judges' scores (竞赛评比, issue #14), published before the contest:
 * - a judge's weighted total per entry is Σ score × weight over the criteria (every score 0 ≤ score ≤ max);
 * - an entry's score is the trimmed mean of its judges' totals: with 5 or more judges one highest and one lowest
 *   total are dropped, below 5 the plain mean is taken;
 * - optional per-judge normalisation (median/MAD robust z, rescaled to the panel's own median and MAD) runs only when
 *   the assignment is balanced — every judge scored every entry, or a declared design where every judge has the same
 *   load and every entry the same panel size — and is refused otherwise;
 * - a missing score blocks the result: the answer lists what is missing and nothing is treated as zero.
 * All arithmetic is exact (scores in hundredths, weights up to 4 decimals, rationals after), so equal totals are equal.
 */
import { ContestError } from '../../../common/contests.errors.js';
import { abs, add, compare, div, median, mul, rational, sub, sum, toFixed, ZERO, type Rational } from './rational.js';

/** A criterion (评分项): its weight multiplies the score; scores run from 0 to maxScore. */
export type Criterion = { readonly id: string; readonly name: string; readonly weight: number; readonly maxScore: number };

/** One judge's sheet for one entry: a score per criterion id (at most two decimals). */
export type ScoreSheet = {
  readonly judgeId: string;
  readonly entryId: string;
  readonly scores: Readonly<Record<string, number | undefined>>;
};

export type JudgeEntryPair = { readonly judgeId: string; readonly entryId: string };

export type Normalisation = 'none' | 'robust-z';

export type AggregateInput = {
  readonly criteria: readonly Criterion[];
  readonly judges: readonly string[];
  readonly entries: readonly string[];
  /** Who is due to score what; absent means every judge scores every entry. */
  readonly assignment?: readonly JudgeEntryPair[];
  readonly sheets: readonly ScoreSheet[];
  readonly normalisation?: Normalisation;
  /** A partial assignment stated in advance as a balanced design (its wording goes on the results page). */
  readonly declaredBalancedDesign?: string;
};

/** A score not (fully) given: the judge, the entry and the criteria still empty; judgeId null: no judge assigned at all. */
export type MissingScore = { readonly judgeId: string | null; readonly entryId: string; readonly criterionIds: readonly string[] };

export type EntryRule = 'trimmed-mean' | 'mean';

export type JudgeTotal = {
  readonly judgeId: string;
  /** The weighted total as the judge gave it. */
  readonly raw: Rational;
  /** The value that entered the mean: the raw total, or its rescaled robust z under normalisation. */
  readonly used: Rational;
  readonly dropped: 'highest' | 'lowest' | null;
};

export type EntryResult = {
  readonly entryId: string;
  readonly rule: EntryRule;
  readonly judgeTotals: readonly JudgeTotal[];
  readonly score: Rational;
  /** The score rounded to two decimals, for display only. */
  readonly display: string;
  /** Per criterion, the mean score of the judges kept for the total (used by tie-break chains). */
  readonly criterionMeans: Readonly<Record<string, Rational>>;
};

/** Which rules ran, for the results page. */
export type RulesApplied = {
  readonly normalisation: Normalisation;
  readonly balance: 'complete' | 'declared' | 'unbalanced';
  readonly balancedDesign: string | null;
  readonly trimmedEntries: number;
  readonly plainMeanEntries: number;
  readonly summary: { readonly 'zh-CN': string; readonly en: string };
};

export type AggregateResult =
  | { readonly status: 'blocked'; readonly missing: readonly MissingScore[] }
  | { readonly status: 'complete'; readonly rules: RulesApplied; readonly entries: readonly EntryResult[] };

/** The number of judges from which one highest and one lowest total are dropped. */
export const TRIM_FROM_JUDGES = 5;

/** An exact rational from a decimal with at most `places` digits after the point; refuses anything finer. */
export function decimal(value: number, places: number, what: string): Rational {
  const scale = 10 ** places;
  const scaled = Math.round(value * scale);
  if (!Number.isFinite(value) || Math.abs(value * scale - scaled) > 1e-6) {
    throw new ContestError('CONTEST_SCORE_OUT_OF_RANGE', `${what}: ${value} has more than ${places} decimals`);
  }
  return rational(scaled, scale);
}

function checkCriteria(criteria: readonly Criterion[]): Map<string, { weight: Rational; max: Rational }> {
  if (criteria.length === 0) throw new ContestError('CONTEST_INVALID_CRITERIA', 'no criteria');
  const out = new Map<string, { weight: Rational; max: Rational }>();
  for (const c of criteria) {
    if (out.has(c.id)) throw new ContestError('CONTEST_INVALID_CRITERIA', `criterion ${c.id} twice`);
    const weight = decimal(c.weight, 4, `weight of ${c.id}`);
    const max = decimal(c.maxScore, 2, `maximum of ${c.id}`);
    if (weight.num <= 0n || max.num <= 0n) {
      throw new ContestError('CONTEST_INVALID_CRITERIA', `criterion ${c.id} needs a positive weight and maximum`);
    }
    out.set(c.id, { weight, max });
  }
  return out;
}

/** The maximum weighted total a judge can give: Σ maxScore × weight. */
export function maximumTotal(criteria: readonly Criterion[]): Rational {
  return sum([...checkCriteria(criteria).values()].map((c) => mul(c.max, c.weight)));
}

/** A judge's weighted total on one sheet; every score validated (0 ≤ score ≤ max, two decimals). */
export function weightedTotal(criteria: readonly Criterion[], scores: ScoreSheet['scores']): Rational {
  const checked = checkCriteria(criteria);
  return sum(criteria.map((c) => mul(checkedScore(c, scores[c.id], checked), checked.get(c.id)!.weight)));
}

function checkedScore(c: Criterion, value: number | undefined, checked: Map<string, { max: Rational }>): Rational {
  if (value === undefined) throw new ContestError('CONTEST_SCORE_OUT_OF_RANGE', `no score for ${c.id}`);
  const score = decimal(value, 2, `score for ${c.id}`);
  if (score.num < 0n || compare(score, checked.get(c.id)!.max) > 0) {
    throw new ContestError('CONTEST_SCORE_OUT_OF_RANGE', `score ${value} for ${c.id} is outside 0–${c.maxScore}`);
  }
  return score;
}

const pairKey = (judgeId: string, entryId: string): string => JSON.stringify([judgeId, entryId]);

/**
 * The trimmed mean of totals: with at least {@link TRIM_FROM_JUDGES} values one highest and one lowest are dropped.
 * Returns the mean and the indexes (into `values`) dropped — ties broken by the order given, so callers sort first.
 */
export function trimmedMean(values: readonly Rational[]): { mean: Rational; highest: number | null; lowest: number | null } {
  if (values.length === 0) throw new RangeError('mean of nothing');
  if (values.length < TRIM_FROM_JUDGES) return { mean: div(sum(values), rational(values.length)), highest: null, lowest: null };
  let highest = 0;
  let lowest = 0;
  values.forEach((v, i) => {
    if (compare(v, values[highest]!) > 0) highest = i;
    if (compare(v, values[lowest]!) < 0) lowest = i;
  });
  if (highest === lowest) lowest = highest === 0 ? 1 : 0; // all equal: any two of them
  const kept = values.filter((_, i) => i !== highest && i !== lowest);
  return { mean: div(sum(kept), rational(kept.length)), highest, lowest };
}

export type Balance = 'complete' | 'declared' | 'unbalanced';

/** How balanced an assignment is, with the range of judges' loads and of entries' panel sizes (for the message). */
export type BalanceCheck = {
  readonly balance: Balance;
  readonly loads: readonly [number, number];
  readonly panels: readonly [number, number];
};

/**
 * The balance of an assignment: 'complete' when every judge scores every entry; 'declared' when a balanced design
 * was declared and holds — every judge has the same load and every entry the same panel size; else 'unbalanced'.
 */
export function assignmentBalance(
  judges: readonly string[],
  entries: readonly string[],
  pairs: readonly JudgeEntryPair[],
  isDesignDeclared: boolean,
): BalanceCheck {
  const loads = new Map(judges.map((j) => [j, 0]));
  const panels = new Map(entries.map((e) => [e, 0]));
  for (const p of pairs) {
    loads.set(p.judgeId, (loads.get(p.judgeId) ?? 0) + 1);
    panels.set(p.entryId, (panels.get(p.entryId) ?? 0) + 1);
  }
  const range = (m: Map<string, number>): [number, number] => (m.size === 0 ? [0, 0] : [Math.min(...m.values()), Math.max(...m.values())]);
  const [l, p] = [range(loads), range(panels)];
  const isComplete = judges.length > 0 && entries.length > 0 && l[0] === entries.length && p[0] === judges.length;
  const balance = isComplete ? 'complete' : isDesignDeclared && l[0] === l[1] && p[0] === p[1] ? 'declared' : 'unbalanced';
  return { balance, loads: l, panels: p };
}

/** Rescales each judge's totals to a robust z — (x − judge's median) / judge's MAD — then onto the panel's scale. */
function normalise(totals: Map<string, Rational>, pairs: readonly JudgeEntryPair[]): Map<string, Rational> {
  const all = [...totals.values()];
  const centre = median(all);
  const spread = median(all.map((v) => abs(sub(v, centre))));
  if (spread.num === 0n) throw new ContestError('CONTEST_NORMALISATION_DEGENERATE', 'all totals have the same median distance');
  const byJudge = new Map<string, string[]>();
  for (const p of pairs) byJudge.set(p.judgeId, [...(byJudge.get(p.judgeId) ?? []), pairKey(p.judgeId, p.entryId)]);
  const out = new Map<string, Rational>();
  for (const [judgeId, keys] of byJudge) {
    const own = keys.map((k) => totals.get(k)!);
    const m = median(own);
    const mad = median(own.map((v) => abs(sub(v, m))));
    if (mad.num === 0n) {
      throw new ContestError('CONTEST_NORMALISATION_DEGENERATE', `judge ${judgeId} gave totals without spread (MAD 0)`);
    }
    // The usual 1.4826 consistency factor cancels: both MADs would carry it.
    for (const k of keys) out.set(k, add(centre, div(mul(sub(totals.get(k)!, m), spread), mad)));
  }
  return out;
}

function summaryOf(normalisation: Normalisation, trimmed: number, plain: number, design: string | null): RulesApplied['summary'] {
  const zh = [
    trimmed > 0 ? `${trimmed} 个作品评委不少于 ${TRIM_FROM_JUDGES} 人，去掉一个最高分和一个最低分后取平均` : '',
    plain > 0 ? `${plain} 个作品评委少于 ${TRIM_FROM_JUDGES} 人，取全部评委总分的平均` : '',
    normalisation === 'robust-z'
      ? `各评委总分先按中位数/绝对中位差标准化${design === null ? '（全部评委评全部作品）' : `（平衡设计：${design}）`}`
      : '未做评委标准化',
  ].filter((s) => s !== '');
  const en = [
    trimmed > 0 ? `${trimmed} entries with ${TRIM_FROM_JUDGES} or more judges: highest and lowest total dropped, mean of the rest` : '',
    plain > 0 ? `${plain} entries with fewer than ${TRIM_FROM_JUDGES} judges: mean of all totals` : '',
    normalisation === 'robust-z'
      ? `each judge's totals normalised by median/MAD${design === null ? ' (every judge scored every entry)' : ` (balanced design: ${design})`}`
      : 'no per-judge normalisation',
  ].filter((s) => s !== '');
  return { 'zh-CN': zh.join('；'), en: en.join('; ') };
}

/** Aggregates the sheets of a round into entry scores, or lists the missing scores that block the result. */
export function aggregate(input: AggregateInput): AggregateResult {
  const checked = checkCriteria(input.criteria);
  const judges = new Set(input.judges);
  const entries = new Set(input.entries);
  if (judges.size !== input.judges.length || entries.size !== input.entries.length) {
    throw new ContestError('CONTEST_UNKNOWN_REFERENCE', 'a judge or an entry is listed twice');
  }
  const pairs = input.assignment ?? input.judges.flatMap((judgeId) => input.entries.map((entryId) => ({ judgeId, entryId })));
  const due = new Set<string>();
  for (const p of pairs) {
    if (!judges.has(p.judgeId) || !entries.has(p.entryId)) {
      throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `assignment names judge ${p.judgeId} / entry ${p.entryId}`);
    }
    if (due.has(pairKey(p.judgeId, p.entryId))) {
      throw new ContestError('CONTEST_INVALID_ASSIGNMENT', `judge ${p.judgeId} assigned entry ${p.entryId} twice`);
    }
    due.add(pairKey(p.judgeId, p.entryId));
  }
  const sheets = new Map<string, ScoreSheet>();
  for (const s of input.sheets) {
    const key = pairKey(s.judgeId, s.entryId);
    if (!due.has(key)) throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `judge ${s.judgeId} is not assigned entry ${s.entryId}`);
    if (sheets.has(key)) throw new ContestError('CONTEST_DUPLICATE_SCORE', `two sheets of judge ${s.judgeId} for ${s.entryId}`);
    sheets.set(key, s);
  }
  const missing: MissingScore[] = [];
  for (const p of pairs) {
    const scores = sheets.get(pairKey(p.judgeId, p.entryId))?.scores ?? {};
    const empty = input.criteria.filter((c) => scores[c.id] === undefined).map((c) => c.id);
    if (empty.length > 0) missing.push({ judgeId: p.judgeId, entryId: p.entryId, criterionIds: empty });
  }
  if (missing.length > 0) return { status: 'blocked', missing };
  const noEntryJudged = input.entries.filter((e) => !pairs.some((p) => p.entryId === e));
  if (noEntryJudged.length > 0) {
    return { status: 'blocked', missing: noEntryJudged.map((entryId) => ({ judgeId: null, entryId, criterionIds: [] })) };
  }

  const criterionScores = new Map<string, Map<string, Rational>>();
  const totals = new Map<string, Rational>();
  for (const p of pairs) {
    const key = pairKey(p.judgeId, p.entryId);
    const scores = sheets.get(key)!.scores;
    const perCriterion = new Map(input.criteria.map((c) => [c.id, checkedScore(c, scores[c.id], checked)]));
    criterionScores.set(key, perCriterion);
    totals.set(key, sum(input.criteria.map((c) => mul(perCriterion.get(c.id)!, checked.get(c.id)!.weight))));
  }

  const normalisation = input.normalisation ?? 'none';
  const { balance } = assignmentBalance(input.judges, input.entries, pairs, input.declaredBalancedDesign !== undefined);
  let used = totals;
  if (normalisation === 'robust-z') {
    if (balance === 'unbalanced') {
      throw new ContestError(
        'CONTEST_NORMALISATION_UNBALANCED',
        'per-judge normalisation needs every judge to score every entry, or a declared balanced design with equal loads and panels',
      );
    }
    used = normalise(totals, pairs);
  }

  const results = input.entries.map((entryId): EntryResult => {
    // Sorted by value then judge id, so the dropped judges do not depend on the order sheets arrived in.
    const panel = pairs
      .filter((p) => p.entryId === entryId)
      .map((p) => ({ judgeId: p.judgeId, key: pairKey(p.judgeId, entryId) }))
      .sort((a, b) => compare(used.get(a.key)!, used.get(b.key)!) || (a.judgeId < b.judgeId ? -1 : a.judgeId > b.judgeId ? 1 : 0));
    const { mean, highest, lowest } = trimmedMean(panel.map((j) => used.get(j.key)!));
    const kept = panel.filter((_, i) => i !== highest && i !== lowest);
    const criterionMeans = Object.fromEntries(
      input.criteria.map((c) => [
        c.id,
        div(
          kept.reduce((acc, j) => add(acc, criterionScores.get(j.key)!.get(c.id)!), ZERO),
          rational(kept.length),
        ),
      ]),
    );
    return {
      entryId,
      rule: highest === null ? 'mean' : 'trimmed-mean',
      judgeTotals: panel.map((j, i) => ({
        judgeId: j.judgeId,
        raw: totals.get(j.key)!,
        used: used.get(j.key)!,
        dropped: i === highest ? 'highest' : i === lowest ? 'lowest' : null,
      })),
      score: mean,
      display: toFixed(mean, 2),
      criterionMeans,
    };
  });
  const trimmedEntries = results.filter((r) => r.rule === 'trimmed-mean').length;
  const design = balance === 'declared' ? (input.declaredBalancedDesign ?? null) : null;
  return {
    status: 'complete',
    rules: {
      normalisation,
      balance,
      balancedDesign: design,
      trimmedEntries,
      plainMeanEntries: results.length - trimmedEntries,
      summary: summaryOf(normalisation, trimmedEntries, results.length - trimmedEntries, design),
    },
    entries: results,
  };
}
