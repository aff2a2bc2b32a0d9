/**
 * Conflicts of interest and the assignment of judges (issue #14). A judge never scores an entry of their own unit,
 * of a unit above theirs or of a unit below it in the tree (org paths, ltree-like dotted ids: `1.12.305`), nor one they
 * declared a conflict with. The assignment gives every entry a panel of k judges free of conflicts, balances the
 * judges' loads (counts differ by at most one wherever the conflicts allow), is deterministic (the same judges and
 * entries in any order give the same panels) and reports the entries that cannot get k judges.
 */
import { ContestError } from '../../../common/contests.errors.js';

export type Judge = { readonly judgeId: string; readonly orgPath: string };
export type Entry = { readonly entryId: string; readonly orgPath: string };
/** A conflict the judge declared (e.g. a relative performing), whatever the units. */
export type DeclaredConflict = { readonly judgeId: string; readonly entryId: string };

/** Why a judge may not score an entry: from the judge's side, the entry's unit is theirs, above or below. */
export type ConflictReason = 'same-unit' | 'unit-above' | 'unit-below' | 'declared';

const LABELS = /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

function checkPath(path: string, what: string): void {
  if (!LABELS.test(path)) throw new ContestError('CONTEST_INVALID_ASSIGNMENT', `${what} has no valid org path: "${path}"`);
}

/** The conflict between a judge and an entry, or null when the judge may score it. */
export function conflictOf(judge: Judge, entry: Entry, declared: readonly DeclaredConflict[] = []): ConflictReason | null {
  checkPath(judge.orgPath, `judge ${judge.judgeId}`);
  checkPath(entry.orgPath, `entry ${entry.entryId}`);
  if (judge.orgPath === entry.orgPath) return 'same-unit';
  if (judge.orgPath.startsWith(`${entry.orgPath}.`)) return 'unit-above';
  if (entry.orgPath.startsWith(`${judge.orgPath}.`)) return 'unit-below';
  if (declared.some((d) => d.judgeId === judge.judgeId && d.entryId === entry.entryId)) return 'declared';
  return null;
}

export type AssignedPair = { readonly judgeId: string; readonly entryId: string };
export type ConflictedPair = AssignedPair & { readonly reason: ConflictReason };

/** The pairs of an assignment (however it was made) that break a conflict rule — empty when it is clean. */
export function conflictsIn(
  judges: readonly Judge[],
  entries: readonly Entry[],
  pairs: readonly AssignedPair[],
  declared: readonly DeclaredConflict[] = [],
): ConflictedPair[] {
  const judgeById = new Map(judges.map((j) => [j.judgeId, j]));
  const entryById = new Map(entries.map((e) => [e.entryId, e]));
  return pairs.flatMap((p) => {
    const judge = judgeById.get(p.judgeId);
    const entry = entryById.get(p.entryId);
    if (judge === undefined || entry === undefined) {
      throw new ContestError('CONTEST_UNKNOWN_REFERENCE', `pair names judge ${p.judgeId} / entry ${p.entryId}`);
    }
    const reason = conflictOf(judge, entry, declared);
    return reason === null ? [] : [{ judgeId: p.judgeId, entryId: p.entryId, reason }];
  });
}

export type Shortfall = { readonly entryId: string; readonly assigned: number; readonly needed: number };

export type Assignment = {
  /** Sorted by entry id, then judge id. */
  readonly pairs: readonly AssignedPair[];
  readonly loads: Readonly<Record<string, number>>;
  /** Entries with fewer than k judges free of conflicts. */
  readonly shortfalls: readonly Shortfall[];
};

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Panels of `panelSize` judges per entry with no conflicted pair. Greedy first (most constrained entry first, least
 * loaded judge first), then loads evened by moving single scores along alternating chains until no judge carries two
 * more than another that a chain could relieve.
 */
export function assignJudges(
  judges: readonly Judge[],
  entries: readonly Entry[],
  panelSize: number,
  declared: readonly DeclaredConflict[] = [],
): Assignment {
  if (!Number.isInteger(panelSize) || panelSize < 1) throw new ContestError('CONTEST_INVALID_ASSIGNMENT', 'panel size must be ≥ 1');
  const js = [...judges].sort((a, b) => byId(a.judgeId, b.judgeId));
  const es = [...entries].sort((a, b) => byId(a.entryId, b.entryId));
  if (new Set(js.map((j) => j.judgeId)).size !== js.length || new Set(es.map((e) => e.entryId)).size !== es.length) {
    throw new ContestError('CONTEST_UNKNOWN_REFERENCE', 'a judge or an entry is listed twice');
  }
  // eligible[e][j]: judge j (index in js) may score entry e (index in es).
  const eligible = es.map((e) => js.map((j) => conflictOf(j, e, declared) === null));
  const assigned = es.map(() => js.map(() => false));
  const load = js.map(() => 0);

  const order = es.map((_, i) => i).sort((a, b) => eligible[a]!.filter(Boolean).length - eligible[b]!.filter(Boolean).length || a - b);
  for (const e of order) {
    const candidates = js.map((_, j) => j).filter((j) => eligible[e]![j]);
    candidates.sort((a, b) => load[a]! - load[b]! || a - b);
    for (const j of candidates.slice(0, panelSize)) {
      assigned[e]![j] = true;
      load[j]!++;
    }
  }

  // Even the loads: from an underloaded judge `low`, search a chain low → e1 (eligible, not assigned) → judge x1
  // (assigned e1) → e2 → … → a judge carrying at least two more; shift each entry one step along the chain.
  const chainFrom = (low: number): { path: [number, number][]; end: number } | null => {
    const seen = new Set<number>([low]);
    const queue: { judge: number; path: [number, number][] }[] = [{ judge: low, path: [] }];
    while (queue.length > 0) {
      const { judge, path } = queue.shift()!;
      for (let e = 0; e < es.length; e++) {
        if (!eligible[e]![judge] || assigned[e]![judge]) continue;
        for (let x = 0; x < js.length; x++) {
          if (!assigned[e]![x] || seen.has(x)) continue;
          const next: [number, number][] = [...path, [e, x]];
          if (load[x]! >= load[low]! + 2) return { path: next, end: x };
          seen.add(x);
          queue.push({ judge: x, path: next });
        }
      }
    }
    return null;
  };
  for (let moved = true; moved;) {
    moved = false;
    const byLoad = js.map((_, j) => j).sort((a, b) => load[a]! - load[b]! || a - b);
    for (const low of byLoad) {
      const chain = chainFrom(low);
      if (chain === null) continue;
      let receiver = low;
      for (const [e, giver] of chain.path) {
        assigned[e]![receiver] = true;
        assigned[e]![giver] = false;
        receiver = giver;
      }
      load[low]!++;
      load[chain.end]!--;
      moved = true;
      break;
    }
  }

  const pairs: AssignedPair[] = [];
  const shortfalls: Shortfall[] = [];
  es.forEach((e, i) => {
    const panel = js.filter((_, j) => assigned[i]![j]);
    for (const j of panel) pairs.push({ judgeId: j.judgeId, entryId: e.entryId });
    if (panel.length < panelSize) shortfalls.push({ entryId: e.entryId, assigned: panel.length, needed: panelSize });
  });
  return { pairs, loads: Object.fromEntries(js.map((j, i) => [j.judgeId, load[i]!])), shortfalls };
}
