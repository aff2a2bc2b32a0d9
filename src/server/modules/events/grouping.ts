import { DrawInputError, byKey, canonicalText, compareUtf8, entryKey, sha256Hex, usableSeed } from './draw.keys.js';
import { OpaqueId } from '../../../common/events.draw.js';

/**
 * Random grouping (分组, issue #13), a tool on any session: n people into k groups whose sizes differ by at most one
 * (48 → 6 groups of 8), reproducible from the seed. The people are keyed as in the lottery (draw.ts) — the list is
 * hashed, each person's key is HMAC-SHA256(seed, listHash + id) — and dealt in ascending key order round the groups
 * like cards: the i-th person in key order joins group i mod k, so the first n mod k groups hold one more.
 *
 * The hashed text (UTF-8, lines ending in "\n", fields separated by a tab): "gonghui.grouping/1", "groups\t<k>",
 * then "person\t<id>" per person sorted by id.
 */

export const GROUPING_FORMAT = 'gonghui.grouping/1';
export const GROUPING_LIMITS = { people: 100_000, groups: 1_000 } as const;

export type Grouping = {
  listHash: string;
  seed: string;
  /** Group 1 first; inside a group, ascending key. */
  groups: { entryId: string; key: string }[][];
};

/** Splits people into `groups` groups at random from `seed` (a public one, or `randomSeed()`). Throws DrawInputError. */
export function groupAtRandom(input: { personIds: readonly string[]; groups: number; seed: string }): Grouping {
  const { personIds, groups } = input;
  if (!Number.isSafeInteger(groups) || groups < 1 || groups > GROUPING_LIMITS.groups)
    throw new DrawInputError('invalid', `groups: 1 to ${GROUPING_LIMITS.groups}`);
  if (personIds.length > GROUPING_LIMITS.people) throw new DrawInputError('invalid', `at most ${GROUPING_LIMITS.people} people`);
  const bad = personIds.find((id) => !OpaqueId.safeParse(id).success);
  if (bad !== undefined) throw new DrawInputError('invalid', `person id: ${bad}`);
  const sorted = [...personIds].sort(compareUtf8);
  const duplicate = sorted.find((id, i) => i > 0 && sorted[i - 1] === id);
  if (duplicate !== undefined) throw new DrawInputError('duplicate_entry', duplicate);
  const seed = usableSeed(input.seed);
  const listHash = sha256Hex(canonicalText([[GROUPING_FORMAT], ['groups', groups], ...sorted.map((id) => ['person', id])]));
  const keyed = sorted.map((entryId) => ({ entryId, key: entryKey(seed, listHash, entryId) })).sort(byKey);
  const dealt: Grouping['groups'] = Array.from({ length: groups }, () => []);
  keyed.forEach((person, i) => dealt[i % groups]?.push(person));
  return { listHash, seed, groups: dealt };
}
