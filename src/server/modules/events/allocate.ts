import {
  ALLOCATION_FORMAT,
  ALLOCATION_METHOD,
  AllocationExport,
  AllocationFreeze,
  type AllocationEntry,
  type AllocationSession,
  type AllocationTurn,
} from '../../../common/events.draw.js';
import {
  byKey,
  canonicalText,
  compareLists,
  compareUtf8,
  DrawInputError,
  entryKey,
  formatMismatches,
  inputMismatches,
  keyMismatches,
  seedAndHashMismatches,
  sha256Hex,
  usableSeed,
  type DrawInputProblem,
  type Mismatch,
} from './draw.keys.js';

/**
 * Preferences across sessions (issue #13): each person ranks the sessions they can take; one random order, keyed
 * from a public seed exactly as the lottery is (draw.ts), decides. In that order everyone gets the best-ranked of
 * their sessions that still has room, else nothing — and then waits on their first choice's waitlist, in order
 * (random serial dictatorship: nobody can gain by misstating their ranking).
 *
 * The frozen text, byte for byte (UTF-8, each line ending in "\n", fields separated by one tab):
 *
 *     gonghui.allocation/1
 *     title        <title>
 *     seedSource   <seedSource>
 *     frozenAt     <frozenAt>
 *     session      <sessionId>  <capacity>                      one line per session, sorted by sessionId
 *     entry        <entryId>    <choice,choice,…> <maskedName>    one line per entry, sorted by entryId; choices best first
 */

/** The allocation as frozen: sessions and entries in canonical order, the canonical text and its SHA-256. */
export type FrozenAllocation = AllocationFreeze & { canonical: string; frozenHash: string };

function problemsOf(freeze: AllocationFreeze): { problem: DrawInputProblem; detail: string }[] {
  const found: { problem: DrawInputProblem; detail: string }[] = [];
  const sessions = new Set<string>();
  for (const { sessionId } of freeze.sessions) {
    if (sessions.has(sessionId)) found.push({ problem: 'duplicate_session', detail: sessionId });
    sessions.add(sessionId);
  }
  const ids = new Set<string>();
  for (const entry of freeze.entries) {
    if (ids.has(entry.entryId)) found.push({ problem: 'duplicate_entry', detail: entry.entryId });
    ids.add(entry.entryId);
    if (new Set(entry.choices).size !== entry.choices.length) found.push({ problem: 'duplicate_choice', detail: entry.entryId });
    const unknown = entry.choices.find((c) => !sessions.has(c));
    if (unknown !== undefined) found.push({ problem: 'unknown_session', detail: `${entry.entryId} → ${unknown}` });
  }
  return found;
}

function sortedFreeze(freeze: AllocationFreeze): AllocationFreeze {
  return {
    title: freeze.title,
    seedSource: freeze.seedSource,
    frozenAt: freeze.frozenAt,
    sessions: [...freeze.sessions].sort((a, b) => compareUtf8(a.sessionId, b.sessionId)),
    entries: [...freeze.entries].sort((a, b) => compareUtf8(a.entryId, b.entryId)),
  };
}

/** The canonical text of an allocation already in canonical order (see the file's comment). */
export function allocationCanonicalText(freeze: AllocationFreeze): string {
  return canonicalText([
    [ALLOCATION_FORMAT],
    ['title', freeze.title],
    ['seedSource', freeze.seedSource],
    ['frozenAt', freeze.frozenAt],
    ...freeze.sessions.map((s) => ['session', s.sessionId, s.capacity]),
    ...freeze.entries.map((e) => ['entry', e.entryId, e.choices.join(','), e.maskedName]),
  ]);
}

/**
 * Freezes everyone's ranked choices when the window closes; store and publish `frozenHash` before the seed is known.
 * Throws DrawInputError.
 */
export function freezePreferences(input: AllocationFreeze): FrozenAllocation {
  const parsed = AllocationFreeze.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DrawInputError('invalid', `${issue?.path.join('.')}: ${issue?.message}`);
  }
  const problem = problemsOf(parsed.data)[0];
  if (problem) throw new DrawInputError(problem.problem, problem.detail);
  const freeze = sortedFreeze(parsed.data);
  const canonical = allocationCanonicalText(freeze);
  return { ...freeze, canonical, frozenHash: sha256Hex(canonical) };
}

type Keyed = AllocationEntry & { key: string };

function allocate(entries: readonly Keyed[], sessions: readonly AllocationSession[]): Omit<AllocationExport['result'], 'seedCheck'> {
  const room = new Map(sessions.map((s) => [s.sessionId, s.capacity]));
  const waiting = new Map<string, string[]>(sessions.map((s) => [s.sessionId, []]));
  const turns: AllocationTurn[] = [];
  for (const entry of [...entries].sort(byKey)) {
    const sessionId = entry.choices.find((c) => (room.get(c) ?? 0) > 0) ?? null;
    if (sessionId !== null) room.set(sessionId, (room.get(sessionId) ?? 0) - 1);
    else waiting.get(entry.choices[0] ?? '')?.push(entry.entryId);
    turns.push({ entryId: entry.entryId, key: entry.key, sessionId });
  }
  return { turns, waitlists: sessions.map((s) => ({ sessionId: s.sessionId, entryIds: waiting.get(s.sessionId) ?? [] })) };
}

/**
 * Allocates everyone with the seed from the named source and returns the export to publish. Pure and deterministic.
 * Pass the `frozenHash` stored at freezing: changed choices or capacities since then are refused. Throws DrawInputError.
 */
export function runAllocation(input: AllocationFreeze & { seed: string; frozenHash?: string }): AllocationExport {
  const frozen = freezePreferences(input);
  if (input.frozenHash !== undefined && input.frozenHash !== frozen.frozenHash)
    throw new DrawInputError('frozen_hash_changed', `${input.frozenHash} ≠ ${frozen.frozenHash}`);
  const seed = usableSeed(input.seed);
  const keyed = frozen.entries.map((e) => ({ ...e, key: entryKey(seed, frozen.frozenHash, e.entryId) }));
  return {
    format: ALLOCATION_FORMAT,
    method: ALLOCATION_METHOD,
    title: frozen.title,
    seedSource: frozen.seedSource,
    frozenAt: frozen.frozenAt,
    sessions: frozen.sessions,
    entries: frozen.entries,
    frozenHash: frozen.frozenHash,
    seed,
    result: { seedCheck: entryKey(seed, frozen.frozenHash, ''), ...allocate(keyed, frozen.sessions) },
  };
}

/** Recomputes a published allocation from its own data and lists what differs; empty means verified. */
export function verifyAllocation(data: unknown): Mismatch[] {
  const parsed = AllocationExport.safeParse(data);
  if (!parsed.success) return formatMismatches(parsed.error.issues);

  const published = parsed.data;
  const found: Mismatch[] = inputMismatches(problemsOf(published));
  const sorted = sortedFreeze(published);
  if (sorted.entries.some((e, i) => e !== published.entries[i]) || sorted.sessions.some((s, i) => s !== published.sessions[i]))
    found.push({ code: 'entry_order', zh: '报名名单或班次未按规范顺序排列', en: 'entries or sessions are not in canonical order' });
  const frozenHash = sha256Hex(allocationCanonicalText(sorted));
  found.push(...seedAndHashMismatches(published, frozenHash));
  const publishedKeys = new Map(published.result.turns.map((t) => [t.entryId, t.key]));
  const keyed = sorted.entries.map((e) => ({ ...e, key: entryKey(published.seed, frozenHash, e.entryId) }));
  found.push(...keyMismatches(publishedKeys, keyed));
  const result = allocate(keyed, sorted.sessions);
  found.push(
    ...compareLists(
      'turns',
      { zh: '分配顺序', en: 'turns' },
      published.result.turns,
      result.turns,
      (t) => (t ? `${t.entryId}→${t.sessionId ?? '—'}` : '—'),
      (a, b) => a.entryId === b.entryId && a.key === b.key && a.sessionId === b.sessionId,
    ),
    ...compareLists(
      'waitlists',
      { zh: '各班次候补', en: 'waitlists' },
      published.result.waitlists,
      result.waitlists,
      (w) => (w ? `${w.sessionId}: ${w.entryIds.join(',')}` : '—'),
      (a, b) => a.sessionId === b.sessionId && a.entryIds.join(',') === b.entryIds.join(','),
    ),
  );
  return found;
}
