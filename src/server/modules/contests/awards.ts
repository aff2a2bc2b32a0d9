/**
 * Awards of a contest (issue #14): a ladder of tiers filled in rank order (seed 004: 3 最佳表演奖, 6 最佳风采奖,
 * 9 优秀表演奖 — each entry at most one tier), separate prizes ranked on one criterion (3 最佳创作奖 on the writing),
 * awards for units (4 优秀组织奖) and the showcase (the top 18 by rank).
 *
 * Ranking is by score, then by the declared chain: higher mean on the named criteria in order. Entries still equal
 * where a quota ends are put in order only by the chief judge's recorded decision; without one the result is BLOCKED
 * and the tied entries are named. A quota is never expanded; a tier short of entries states its shortfall.
 */
import { ContestError } from '../../../common/contests.errors.js';
import { compare, rational, toFixed, type Rational } from './rational.js';

/** An entry with its aggregated score (see aggregate.ts) and the unit that sent it. */
export type ScoredEntry = {
  readonly entryId: string;
  readonly unitId: string;
  readonly score: Rational;
  readonly criterionMeans: Readonly<Record<string, Rational>>;
};

export type Tier = { readonly id: string; readonly name: string; readonly quota: number };
/** A separate prize ranked on one criterion (最佳创作奖 on 题材内容). */
export type CriterionPrize = Tier & { readonly criterionId: string };
/**
 * How units are ranked for a unit award, declared in advance:
 * - 'best-entry-rank': by their best entry's rank (lower is better), then by how many of their entries won a tier of
 *   the ladder (more is better);
 * - 'award-rate': by the share of their entries that won a tier of the ladder (higher is better), then by their best
 *   entry's rank.
 * Units still equal at the quota are ordered by the chief judge's decision, or the result is blocked.
 */
export type UnitRule = 'best-entry-rank' | 'award-rate';

/** An award for units (优秀组织奖). */
export type UnitAward = Tier & { readonly rule?: UnitRule };

/** The chief judge's recorded order of tied entries (or units), best first, for one ranking context. */
export type ChiefDecision = {
  /** 'overall' for the main ranking (ladder and showcase), a criterion prize's id, or the unit award's id. */
  readonly context: string;
  readonly order: readonly string[];
};

export type AwardsInput = {
  readonly entries: readonly ScoredEntry[];
  /** Criteria whose higher mean breaks a tie on score, in order. */
  readonly tieBreakCriteria: readonly string[];
  readonly ladder: readonly Tier[];
  readonly criterionPrizes?: readonly CriterionPrize[];
  readonly unitAward?: UnitAward;
  readonly showcaseSize?: number;
  readonly chiefDecisions?: readonly ChiefDecision[];
};

export type RankedEntry = { readonly entryId: string; readonly rank: number; readonly score: string; readonly decidedByChief: boolean };

export type Filled = {
  readonly id: string;
  readonly name: string;
  readonly quota: number;
  /** Entry ids (unit ids for the unit award), best first. */
  readonly winners: readonly string[];
  /** How many places stayed empty because there were not enough entries (0 when filled). */
  readonly shortfall: number;
};

/** Entries tied across a quota boundary with no recorded decision of the chief judge. */
export type UnresolvedTie = {
  readonly context: string;
  /** The number of places above the boundary (e.g. 3 after 最佳表演奖). */
  readonly boundary: number;
  readonly ids: readonly string[];
};

export type AwardsResult =
  | { readonly status: 'blocked'; readonly ties: readonly UnresolvedTie[] }
  | {
      readonly status: 'complete';
      readonly ranking: readonly RankedEntry[];
      readonly ladder: readonly Filled[];
      readonly criterionPrizes: readonly Filled[];
      readonly unitAward: Filled | null;
      readonly showcase: Filled | null;
    };

export const OVERALL = 'overall';

type Keyed = { readonly id: string; readonly keys: readonly Rational[] };
type Ranked = { readonly id: string; readonly rank: number; readonly decidedByChief: boolean };

function compareKeys(a: Keyed, b: Keyed): number {
  for (let i = 0; i < a.keys.length; i++) {
    const c = compare(b.keys[i]!, a.keys[i]!); // higher first
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Ranks items by their keys (higher first, lexicographically). A group still equal gets one shared rank, unless the
 * chief judge's order covers it; a shared group that straddles a boundary is reported unresolved.
 */
export function rankByChain(
  context: string,
  items: readonly Keyed[],
  boundaries: readonly number[],
  decision: readonly string[] | undefined,
): { ranked: Ranked[]; unresolved: UnresolvedTie[] } {
  const sorted = [...items].sort((a, b) => compareKeys(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ranked: Ranked[] = [];
  const unresolved: UnresolvedTie[] = [];
  for (let start = 0; start < sorted.length;) {
    let end = start + 1;
    while (end < sorted.length && compareKeys(sorted[start]!, sorted[end]!) === 0) end++;
    const group = sorted.slice(start, end);
    const covered = group.length > 1 && decision !== undefined && group.every((g) => decision.includes(g.id));
    if (covered) {
      group.sort((a, b) => decision.indexOf(a.id) - decision.indexOf(b.id));
      group.forEach((g, i) => ranked.push({ id: g.id, rank: start + i + 1, decidedByChief: true }));
    } else {
      group.forEach((g) => ranked.push({ id: g.id, rank: start + 1, decidedByChief: false }));
      for (const b of boundaries) {
        if (start < b && b < end) unresolved.push({ context, boundary: b, ids: group.map((g) => g.id) });
      }
    }
    start = end;
  }
  return { ranked, unresolved };
}

function checkTier(t: Tier, seen: Set<string>): void {
  if (!Number.isInteger(t.quota) || t.quota < 0)
    throw new ContestError('CONTEST_INVALID_TIERS', `quota of ${t.id} must be a whole number ≥ 0`);
  if (seen.has(t.id) || t.id === OVERALL) throw new ContestError('CONTEST_INVALID_TIERS', `award id ${t.id} used twice`);
  seen.add(t.id);
}

/** Quotas filled one after another along `ranked`: each item in at most one of them. */
function fillInOrder(tiers: readonly Tier[], ranked: readonly Ranked[]): Filled[] {
  let next = 0;
  return tiers.map((t) => {
    const winners = ranked.slice(next, next + t.quota).map((r) => r.id);
    next += winners.length;
    return { id: t.id, name: t.name, quota: t.quota, winners, shortfall: t.quota - winners.length };
  });
}

function cumulative(quotas: readonly number[]): number[] {
  let total = 0;
  return quotas.map((q) => (total += q));
}

/** Fills the ladder, the criterion prizes, the unit award and the showcase, or names the ties that block them. */
export function awardPrizes(input: AwardsInput): AwardsResult {
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const e of input.entries) {
    if (ids.has(e.entryId)) throw new ContestError('CONTEST_INVALID_TIERS', `entry ${e.entryId} listed twice`);
    ids.add(e.entryId);
    for (const c of input.tieBreakCriteria) {
      if (e.criterionMeans[c] === undefined) throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `entry ${e.entryId} has no mean for ${c}`);
    }
  }
  input.ladder.forEach((t) => checkTier(t, seen));
  const prizes = input.criterionPrizes ?? [];
  prizes.forEach((t) => checkTier(t, seen));
  if (input.unitAward !== undefined) checkTier(input.unitAward, seen);
  const showcaseSize = input.showcaseSize;
  if (showcaseSize !== undefined && (!Number.isInteger(showcaseSize) || showcaseSize < 0)) {
    throw new ContestError('CONTEST_INVALID_TIERS', 'the showcase size must be a whole number ≥ 0');
  }
  const unitIds = new Set(input.entries.map((e) => e.unitId));
  for (const d of input.chiefDecisions ?? []) {
    const known =
      d.context === input.unitAward?.id ? unitIds : d.context === OVERALL || prizes.some((p) => p.id === d.context) ? ids : null;
    if (known === null) throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `a chief judge decision for an unknown award ${d.context}`);
    const stranger = d.order.find((id) => !known.has(id));
    if (stranger !== undefined) throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `the chief judge decision names ${stranger}`);
  }
  const decisionFor = (context: string): readonly string[] | undefined => {
    const found = (input.chiefDecisions ?? []).filter((d) => d.context === context);
    if (found.length > 1) throw new ContestError('CONTEST_INVALID_TIERS', `two chief judge decisions for ${context}`);
    return found[0]?.order;
  };
  const chain = (e: ScoredEntry): Rational[] => input.tieBreakCriteria.map((c) => e.criterionMeans[c]!);

  const overallBoundaries = [...cumulative(input.ladder.map((t) => t.quota)), ...(showcaseSize === undefined ? [] : [showcaseSize])];
  const overall = rankByChain(
    OVERALL,
    input.entries.map((e) => ({ id: e.entryId, keys: [e.score, ...chain(e)] })),
    overallBoundaries,
    decisionFor(OVERALL),
  );
  const ties = [...overall.unresolved];

  const prizeRankings = prizes.map((p) => {
    const keyed = input.entries.map((e) => {
      const own = e.criterionMeans[p.criterionId];
      if (own === undefined) throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `entry ${e.entryId} has no mean for ${p.criterionId}`);
      return { id: e.entryId, keys: [own, e.score, ...chain(e)] };
    });
    const r = rankByChain(p.id, keyed, [p.quota], decisionFor(p.id));
    ties.push(...r.unresolved);
    return r.ranked;
  });

  const ladder = fillInOrder(input.ladder, overall.ranked);
  let unitAward: Filled | null = null;
  if (input.unitAward !== undefined) {
    const award = input.unitAward;
    const rankOf = new Map(overall.ranked.map((r) => [r.id, r.rank]));
    const laddered = new Set(ladder.flatMap((t) => t.winners));
    const units = new Map<string, { best: number; awarded: number; sent: number }>();
    for (const e of input.entries) {
      const u = units.get(e.unitId) ?? { best: Number.POSITIVE_INFINITY, awarded: 0, sent: 0 };
      units.set(e.unitId, {
        best: Math.min(u.best, rankOf.get(e.entryId)!),
        awarded: u.awarded + (laddered.has(e.entryId) ? 1 : 0),
        sent: u.sent + 1,
      });
    }
    const keyed = [...units].map(([id, u]) => ({
      id,
      keys:
        (award.rule ?? 'best-entry-rank') === 'best-entry-rank'
          ? [rational(-u.best), rational(u.awarded)]
          : [rational(u.awarded, u.sent), rational(-u.best)],
    }));
    const r = rankByChain(award.id, keyed, [award.quota], decisionFor(award.id));
    ties.push(...r.unresolved);
    unitAward = fillInOrder([award], r.ranked)[0]!;
  }
  if (ties.length > 0) return { status: 'blocked', ties };

  const scoreOf = new Map(input.entries.map((e) => [e.entryId, e.score]));
  return {
    status: 'complete',
    ranking: overall.ranked.map((r) => ({
      entryId: r.id,
      rank: r.rank,
      score: toFixed(scoreOf.get(r.id)!, 2),
      decidedByChief: r.decidedByChief,
    })),
    ladder,
    criterionPrizes: prizes.map((p, i) => fillInOrder([p], prizeRankings[i]!)[0]!),
    unitAward,
    showcase: showcaseSize === undefined ? null : fillInOrder([{ id: 'showcase', name: '展演', quota: showcaseSize }], overall.ranked)[0]!,
  };
}
