import { createHmac } from 'node:crypto';
import { TournamentInputError, assertDistinctIds } from './errors.js';

/**
 * Heats and a final (dragon boats, issue #14: 17 crews, heats, 6 to the final). The stated rules:
 * - Heats: as few heats of at most `lanes` crews as will hold everyone, sizes differing by at most one; crews are
 *   dealt to the heats in snake order of their seeding (1, 2, 3 | 3, 2, 1 …), so every heat gets a fair share of the
 *   strong crews.
 * - Lanes from the centre: the best-seeded crew of a heat rows in the centre lane, the next ones alternately just
 *   inside and outside of it (6 lanes: 3, 4, 2, 5, 1, 6). The final's lanes follow the heat times, fastest in the centre.
 * - Progression: the first `byPlace` of each heat by place (default ⌊finalists / heats⌋), then the fastest times among
 *   the rest until the final is full. A crew that did not start, did not finish or was disqualified (DNS/DNF/DSQ) has
 *   no time and never progresses; if too few crews finished, the final is short and the shortfall is stated.
 * - Equal times (to the timing resolution the times are given in) straddling a cut are decided by the stated tie rule:
 *   'reRow' — nothing is decided, the crews concerned are named for a re-row, whose order is then passed back in
 *   `decided` (a tie all of whose crews one re-row ranked keeps that re-row's order, the latest such); 'lots' — each crew's key is hex(HMAC-SHA256(key = UTF-8(seed), message = UTF-8("gonghui.heats/1\n" +
 *   crewId))), the smaller key goes through, and the keys are returned for the record.
 */

export const HEATS_FORMAT = 'gonghui.heats/1';
export const HEAT_LIMITS = { crews: 500, lanes: 12 } as const;

export type HeatStatus = 'finished' | 'DNS' | 'DNF' | 'DSQ';
export type LaneAssignment = { crewId: string; lane: number };
export type Heat = { heat: number; lanes: LaneAssignment[] };

/** Lanes 1..lanes in the order they are given out: the centre first, then alternately inside and outside. */
export function centreLaneOrder(lanes: number): number[] {
  const centre = (lanes + 1) / 2;
  return Array.from({ length: lanes }, (_, i) => i + 1).sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre) || a - b);
}

/** Lanes for crews listed best first (at most `lanes` of them). */
export function assignLanes(crewsBestFirst: readonly string[], lanes: number): LaneAssignment[] {
  checkLanes(lanes);
  if (crewsBestFirst.length > lanes)
    throw new TournamentInputError('invalid_input', `一组最多${lanes}条航道`, `a race has at most ${lanes} lanes`);
  const order = centreLaneOrder(lanes);
  return crewsBestFirst.map((crewId, i) => ({ crewId, lane: order[i]! })).sort((a, b) => a.lane - b.lane);
}

/** The heats of crews listed in seeding order (best first). Throws TournamentInputError. */
export function drawHeats(crewsBestFirst: readonly string[], lanes: number): Heat[] {
  assertDistinctIds(crewsBestFirst);
  checkLanes(lanes);
  if (crewsBestFirst.length < 1 || crewsBestFirst.length > HEAT_LIMITS.crews)
    throw new TournamentInputError('invalid_input', `参赛队须为1至${HEAT_LIMITS.crews}支`, `1 to ${HEAT_LIMITS.crews} crews`);
  const heats = Math.ceil(crewsBestFirst.length / lanes);
  const dealt: string[][] = Array.from({ length: heats }, () => []);
  crewsBestFirst.forEach((crew, i) => {
    const lap = Math.floor(i / heats);
    const at = i % heats;
    dealt[lap % 2 === 0 ? at : heats - 1 - at]!.push(crew);
  });
  return dealt.map((crews, h) => ({ heat: h + 1, lanes: assignLanes(crews, lanes) }));
}

function checkLanes(lanes: number): void {
  if (!Number.isSafeInteger(lanes) || lanes < 2 || lanes > HEAT_LIMITS.lanes)
    throw new TournamentInputError('invalid_input', `航道数须为2至${HEAT_LIMITS.lanes}`, `lanes: 2 to ${HEAT_LIMITS.lanes}`);
}

export type HeatResult = {
  crewId: string;
  heat: number;
  status: HeatStatus;
  /** Whole milliseconds (or the timing resolution). */ timeMs?: number;
};

export type ProgressionInput = {
  results: readonly HeatResult[];
  finalists: number;
  byPlace?: number;
  tieRule: { kind: 'reRow' } | { kind: 'lots'; seed: string };
  /** Orders already decided by re-rows: each a list of crews with equal times, best first. */
  decided?: readonly (readonly string[])[];
};

export type Finalist = { crewId: string; heat: number; place: number; timeMs: number; via: 'place' | 'time' };
export type Progression = {
  /** Empty while a re-row is pending: nothing is final until every cut is decided. */
  finalists: Finalist[];
  /** Equal times across a cut waiting for a re-row (tie rule 'reRow'); pass its order back in `decided`. */
  reRows: { crewIds: string[]; cut: 'place' | 'time'; heat: number | null }[];
  /** The keys drawn (tie rule 'lots'), for the record. */
  lots: { crewId: string; key: string }[];
  /** Places in the final left empty because too few crews finished. */
  shortfall: number;
};

/** The heat-lots key of a crew (see the header). */
export function heatLotsKey(seed: string, crewId: string): string {
  return createHmac('sha256', Buffer.from(seed, 'utf8')).update(`${HEATS_FORMAT}\n${crewId}`, 'utf8').digest('hex');
}

type Timed = { crewId: string; heat: number; timeMs: number; place: number };

/** Who goes through to the final, by the stated rules of the header. Throws TournamentInputError. */
export function progressToFinal(input: ProgressionInput): Progression {
  const { results, finalists } = input;
  assertDistinctIds(results.map((r) => r.crewId));
  for (const r of results)
    if (r.status === 'finished' && !(Number.isSafeInteger(r.timeMs) && (r.timeMs ?? 0) > 0))
      throw new TournamentInputError('invalid_input', `完赛队伍须有成绩：${r.crewId}`, `a finished crew needs a time: ${r.crewId}`);
  if (input.tieRule.kind === 'lots' && input.tieRule.seed.trim() === '')
    throw new TournamentInputError('invalid_input', '抽签须记录种子', 'the drawing of lots needs a recorded seed');
  const heatNumbers = [...new Set(results.map((r) => r.heat))].sort((a, b) => a - b);
  if (!Number.isSafeInteger(finalists) || finalists < 1)
    throw new TournamentInputError('invalid_input', '决赛名额须为正整数', 'the final needs at least one place');
  const byPlace = input.byPlace ?? Math.floor(finalists / Math.max(1, heatNumbers.length));
  if (!Number.isSafeInteger(byPlace) || byPlace < 0 || byPlace * heatNumbers.length > finalists)
    throw new TournamentInputError('invalid_input', '按名次晋级的名额超过决赛名额', 'more crews through by place than places in the final');

  // A re-row orders the crews tied at one cut; a later order of the same crews supersedes an earlier one. A tie is
  // decided by the latest re-row that ranked all its crews — the losers of a place re-row tied again at the time
  // cut keep that re-row's order, and a second re-row (with other crews) never reorders the first: ranks merged crew
  // by crew from different re-rows could change who had gone through by place.
  const decidedOrders = [...(input.decided ?? [])].reverse();
  const lots = new Map<string, string>();
  const reRows: Progression['reRows'] = [];

  /** Takes `count` of `pool` (fastest first); a tie across the cut is decided or sent to a re-row. */
  const take = (pool: readonly Timed[], count: number, cut: 'place' | 'time', heat: number | null): Timed[] => {
    const sorted = [...pool].sort((a, b) => a.timeMs - b.timeMs || (a.crewId < b.crewId ? -1 : 1));
    if (count <= 0) return [];
    if (sorted.length <= count) return sorted;
    const boundary = sorted[count - 1]!.timeMs;
    if (sorted[count]!.timeMs !== boundary) return sorted.slice(0, count);
    const above = sorted.filter((c) => c.timeMs < boundary);
    const level = sorted.filter((c) => c.timeMs === boundary);
    const ranked = decide(level);
    if (ranked === null) {
      reRows.push({ crewIds: level.map((c) => c.crewId), cut, heat });
      return above;
    }
    return [...above, ...ranked.slice(0, count - above.length)];
  };

  const decide = (level: readonly Timed[]): Timed[] | null => {
    const order = decidedOrders.find((group) => level.every((c) => group.includes(c.crewId)));
    if (order) return [...level].sort((a, b) => order.indexOf(a.crewId) - order.indexOf(b.crewId));
    if (input.tieRule.kind === 'reRow') return null;
    const seed = input.tieRule.seed;
    level.forEach((c) => lots.set(c.crewId, heatLotsKey(seed, c.crewId)));
    return [...level].sort((a, b) => (lots.get(a.crewId)! < lots.get(b.crewId)! ? -1 : 1));
  };

  const finishedByHeat = heatNumbers.map((heat) => {
    const finished = results
      .filter((r): r is HeatResult & { timeMs: number } => r.heat === heat && r.status === 'finished')
      .sort((a, b) => a.timeMs - b.timeMs);
    return finished.map((r): Timed => ({
      crewId: r.crewId,
      heat,
      timeMs: r.timeMs,
      place: 1 + finished.filter((o) => o.timeMs < r.timeMs).length,
    }));
  });
  const throughByPlace = heatNumbers.flatMap((heat, h) => take(finishedByHeat[h]!, byPlace, 'place', heat));
  const placeReRowCrews = new Set(reRows.flatMap((r) => r.crewIds));
  const taken = new Set(throughByPlace.map((c) => c.crewId));
  const pendingPlaceSlots = heatNumbers.length * byPlace - throughByPlace.length - shortByPlace(finishedByHeat, byPlace);
  const rest = finishedByHeat.flat().filter((c) => !taken.has(c.crewId) && !placeReRowCrews.has(c.crewId));
  const throughByTime = take(rest, finalists - throughByPlace.length - pendingPlaceSlots, 'time', null);
  const all = [
    ...throughByPlace.map((c): Finalist => ({ ...c, via: 'place' })),
    ...throughByTime.map((c): Finalist => ({ ...c, via: 'time' })),
  ];
  const finished = finishedByHeat.flat().length;
  return {
    finalists: reRows.length > 0 ? [] : all,
    reRows,
    lots: [...lots].map(([crewId, key]) => ({ crewId, key })),
    shortfall: reRows.length > 0 ? 0 : Math.max(0, finalists - Math.min(finalists, finished)),
  };
}

/** Places by place that no finisher can fill (a heat with fewer finishers than `byPlace`). */
function shortByPlace(finishedByHeat: readonly (readonly Timed[])[], byPlace: number): number {
  return finishedByHeat.reduce((sum, heat) => sum + Math.max(0, byPlace - heat.length), 0);
}

/** The final's lanes: finalists by heat time, fastest in the centre. */
export function finalLanes(finalists: readonly Finalist[], lanes: number): LaneAssignment[] {
  const ranked = [...finalists].sort((a, b) => a.timeMs - b.timeMs || (a.crewId < b.crewId ? -1 : 1)).map((f) => f.crewId);
  return assignLanes(ranked, lanes);
}

export type FinalAward = 'prize' | 'merit' | null;
export type FinalPlace = { crewId: string; place: number | null; timeMs: number | null; status: HeatStatus; award: FinalAward };

/**
 * The final's places and awards (东城: 3 prizes and 3 merit awards). Finishers are placed by time; crews with equal
 * times share the place (a dead heat) and so the award of that place; the next place skips accordingly (1, 2, 2, 4).
 * DNS/DNF/DSQ are unplaced and win nothing.
 */
export function finalPlaces(results: readonly Omit<HeatResult, 'heat'>[], awards: { prizes: number; merits: number }): FinalPlace[] {
  assertDistinctIds(results.map((r) => r.crewId));
  const finished = results
    .filter(
      (r): r is Omit<HeatResult, 'heat'> & { timeMs: number } =>
        r.status === 'finished' && Number.isSafeInteger(r.timeMs) && (r.timeMs ?? 0) > 0,
    )
    .sort((a, b) => a.timeMs - b.timeMs || (a.crewId < b.crewId ? -1 : 1));
  if (finished.length !== results.filter((r) => r.status === 'finished').length)
    throw new TournamentInputError('invalid_input', '完赛队伍须有成绩', 'a finished crew needs a time');
  const placed = finished.map((r): FinalPlace => {
    const place = 1 + finished.filter((o) => o.timeMs < r.timeMs).length;
    const award: FinalAward = place <= awards.prizes ? 'prize' : place <= awards.prizes + awards.merits ? 'merit' : null;
    return { crewId: r.crewId, place, timeMs: r.timeMs, status: r.status, award };
  });
  const unplaced = results
    .filter((r) => r.status !== 'finished')
    .map((r): FinalPlace => ({ crewId: r.crewId, place: null, timeMs: null, status: r.status, award: null }));
  return [...placed, ...unplaced];
}
