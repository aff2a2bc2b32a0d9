import { RANKING_FORMAT, RANKING_RULE, RankingExport, type DrawFreeze } from '../../../common/events.draw.js';
import {
  byKey,
  compareLists,
  compareUtf8,
  entryKey,
  fillPlaces,
  formatMismatches,
  seedAndHashMismatches,
  selectionMismatches,
  usableSeed,
  type Mismatch,
} from './draw.keys.js';
import { freezeEntries, verifyExportText } from './draw.js';

/**
 * Selection by points ranking (积分排行, issue #13), pure: entries ordered by points earned in the stated window
 * (descending), then earlier sign-up, then the draw key (HMAC of the seed, as in the lottery); quotas filled first in
 * that order, then the open places; the rest wait in that order. The earned points and sign-up times are published
 * in the export, so `verify-draw` recomputes the order, the winners and the waitlist from the file alone.
 */
export type RankedInput = { entryId: string; earned: number; signedUpAt: string };

function rank(freeze: DrawFreeze, frozenHash: string, seed: string, facts: ReadonlyMap<string, RankedInput>) {
  const ranked = freeze.entries
    .map((e) => ({
      ...e,
      key: entryKey(seed, frozenHash, e.entryId),
      earned: facts.get(e.entryId)?.earned ?? 0,
      signedUpAt: facts.get(e.entryId)?.signedUpAt ?? '',
    }))
    .sort((a, b) => b.earned - a.earned || compareUtf8(a.signedUpAt, b.signedUpAt) || byKey(a, b));
  return {
    ranked: ranked.map((r) => ({ entryId: r.entryId, key: r.key, earned: r.earned, signedUpAt: r.signedUpAt })),
    ...fillPlaces(ranked, freeze.places, freeze.quotas),
  };
}

/** Runs a ranking on a frozen draw with the earned points read at the run; answers the export to publish. */
export function runRanking(
  freeze: DrawFreeze,
  o: { frozenHash: string; seed: string; earnedFrom: string; earnedTo: string; facts: readonly RankedInput[] },
): RankingExport {
  const seed = usableSeed(o.seed);
  const frozen = freezeEntries(freeze);
  return {
    title: frozen.title,
    seedSource: frozen.seedSource,
    frozenAt: frozen.frozenAt,
    places: frozen.places,
    quotas: frozen.quotas,
    entries: frozen.entries,
    format: RANKING_FORMAT,
    rule: RANKING_RULE,
    frozenHash: o.frozenHash,
    seed,
    earnedFrom: o.earnedFrom,
    earnedTo: o.earnedTo,
    result: rank(frozen, o.frozenHash, seed, new Map(o.facts.map((f) => [f.entryId, f]))),
  };
}

/** Recomputes a published ranking from its own data (hash, keys, order, winners, waitlist); empty means verified. */
export function verifyRanking(data: unknown): Mismatch[] {
  const parsed = RankingExport.safeParse(data);
  if (!parsed.success) return formatMismatches(parsed.error.issues);
  const p = parsed.data;
  let frozen;
  try {
    frozen = freezeEntries({
      title: p.title,
      seedSource: p.seedSource,
      frozenAt: p.frozenAt,
      places: p.places,
      quotas: p.quotas,
      entries: p.entries,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ code: 'input', zh: `数据自相矛盾：${reason}`, en: `inconsistent data: ${reason}` }];
  }
  const found: Mismatch[] = [];
  // A ranking has no seed check of its own: the seed's form and the frozen hash are checked.
  found.push(...seedAndHashMismatches({ ...p, result: { seedCheck: entryKey(p.seed, frozen.frozenHash, '') } }, frozen.frozenHash));
  const result = rank(frozen, frozen.frozenHash, p.seed, new Map(p.result.ranked.map((r) => [r.entryId, r])));
  found.push(
    ...compareLists(
      'turns',
      { zh: '排名顺序', en: 'ranking' },
      p.result.ranked,
      result.ranked,
      (row) => row?.entryId ?? '—',
      (a, b) => a.entryId === b.entryId && a.key === b.key,
    ),
    ...selectionMismatches(p.result, result, { zh: '入选名单', en: 'winners' }),
  );
  return found;
}

/** Verifies the text of any published export: a ranking here, a lottery or an allocation by draw.ts (`verify-draw`). */
export function verifyAnyExportText(text: string): Mismatch[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return verifyExportText(text);
  }
  const format = typeof data === 'object' && data !== null && 'format' in data ? data.format : undefined;
  return format === RANKING_FORMAT ? verifyRanking(data) : verifyExportText(text);
}
