import {
  ALLOCATION_FORMAT,
  DRAW_FORMAT,
  DRAW_METHOD,
  DrawExport,
  DrawFreeze,
  type DrawEntry,
  type DrawQuota,
} from '../../../common/events.draw.js';
import { verifyAllocation } from './allocate.js';
import {
  byKey,
  canonicalText,
  compareUtf8,
  DrawInputError,
  entryKey,
  fillPlaces,
  formatMismatches,
  inputMismatches,
  keyMismatches,
  seedAndHashMismatches,
  selectionMismatches,
  sha256Hex,
  usableSeed,
  type DrawInputProblem,
  type Mismatch,
  type Selection,
} from './draw.keys.js';

export { DrawInputError, normaliseSeed, randomSeed, type DrawInputProblem, type Mismatch } from './draw.keys.js';

/**
 * A lottery anyone can verify (抽签, issue #13). When the sign-up window closes the draw is frozen: title, the named
 * public seed source, the time, the places, the quotas and the entries are written in one canonical text and hashed
 * (`freezeEntries`), and the hash is published before anyone can know the seed. When the source has spoken the cadre
 * enters the seed; each entry's key is an HMAC of the seed and (frozen hash + entry id); quotas are filled first, then
 * the open places, by lowest key; the rest wait in key order (`runDraw`). The export holds all of it, and
 * `verifyDraw` recomputes everything from the export alone (`npm run cli -- verify-draw <file.json>`).
 *
 * The frozen text, byte for byte (UTF-8, each line ending in "\n", fields separated by one tab — drawn here as spaces):
 *
 *     gonghui.draw/1
 *     title        <title>
 *     seedSource   <seedSource>
 *     frozenAt     <frozenAt, e.g. 2026-11-30T16:00:00.000Z>
 *     places       <places>
 *     quota        <stratum>  <quota>                       one line per quota, sorted by stratum's UTF-8 bytes
 *     entry        <entryId>  <stratum or empty> <maskedName>   one line per entry, sorted by entryId
 *
 * No field may hold a control character (the schemas refuse them), so the text reads back unambiguously. The places,
 * quotas and seed source are in it on purpose: none of them can be changed once the seed is known. The export's
 * `result.seedCheck` = HMAC-SHA256(seed, frozenHash) binds the published seed even when there are no entries.
 */

/** The draw as frozen: entries sorted by id, quotas by stratum, the canonical text and its SHA-256. */
export type FrozenDraw = DrawFreeze & { canonical: string; frozenHash: string };

/** The draw's input minus its canonical order (quotas may be omitted). */
export type DrawInput = Omit<DrawFreeze, 'quotas'> & { quotas?: DrawQuota[] };

function problemsOf(freeze: DrawFreeze): { problem: DrawInputProblem; detail: string }[] {
  const found: { problem: DrawInputProblem; detail: string }[] = [];
  const ids = new Set<string>();
  for (const entry of freeze.entries) {
    if (ids.has(entry.entryId)) found.push({ problem: 'duplicate_entry', detail: entry.entryId });
    ids.add(entry.entryId);
  }
  const strata = new Set<string>();
  for (const quota of freeze.quotas) {
    if (strata.has(quota.stratum)) found.push({ problem: 'duplicate_quota', detail: quota.stratum });
    strata.add(quota.stratum);
  }
  const reserved = freeze.quotas.reduce((sum, quota) => sum + quota.quota, 0);
  if (reserved > freeze.places) found.push({ problem: 'quotas_exceed_places', detail: `${reserved} > ${freeze.places}` });
  return found;
}

function sortedFreeze(freeze: DrawFreeze): DrawFreeze {
  return {
    title: freeze.title,
    seedSource: freeze.seedSource,
    frozenAt: freeze.frozenAt,
    places: freeze.places,
    quotas: [...freeze.quotas].sort((a, b) => compareUtf8(a.stratum, b.stratum)),
    entries: [...freeze.entries].sort((a, b) => compareUtf8(a.entryId, b.entryId)),
  };
}

/** The canonical text of a draw already in canonical order (see the file's comment). */
export function drawCanonicalText(freeze: DrawFreeze): string {
  return canonicalText([
    [DRAW_FORMAT],
    ['title', freeze.title],
    ['seedSource', freeze.seedSource],
    ['frozenAt', freeze.frozenAt],
    ['places', freeze.places],
    ...freeze.quotas.map((q) => ['quota', q.stratum, q.quota]),
    ...freeze.entries.map((e) => ['entry', e.entryId, e.stratum ?? '', e.maskedName]),
  ]);
}

/**
 * Freezes a draw when its window closes: validates, puts entries and quotas in canonical order and hashes the
 * canonical text. Store and publish `frozenHash` (with seedSource and frozenAt) before the seed is known.
 * Throws DrawInputError.
 */
export function freezeEntries(input: DrawInput): FrozenDraw {
  const parsed = DrawFreeze.safeParse({ ...input, quotas: input.quotas ?? [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DrawInputError('invalid', `${issue?.path.join('.')}: ${issue?.message}`);
  }
  const problem = problemsOf(parsed.data)[0];
  if (problem) throw new DrawInputError(problem.problem, problem.detail);
  const freeze = sortedFreeze(parsed.data);
  const canonical = drawCanonicalText(freeze);
  return { ...freeze, canonical, frozenHash: sha256Hex(canonical) };
}

/** The selection itself: quotas first (strata in canonical order), then the open places, the rest waiting; all by key. */
function select(entries: readonly (DrawEntry & { key: string })[], places: number, quotas: readonly DrawQuota[]): Selection {
  return fillPlaces([...entries].sort(byKey), places, quotas);
}

/**
 * Runs a draw with the seed from its named source and returns the export to publish. Pure and deterministic. Pass
 * the `frozenHash` stored at freezing: a draw whose entries, places or quotas changed since then is refused.
 * Throws DrawInputError.
 */
export function runDraw(input: DrawInput & { seed: string; frozenHash?: string }): DrawExport {
  const frozen = freezeEntries(input);
  if (input.frozenHash !== undefined && input.frozenHash !== frozen.frozenHash)
    throw new DrawInputError('frozen_hash_changed', `${input.frozenHash} ≠ ${frozen.frozenHash}`);
  const seed = usableSeed(input.seed);
  const keyed = frozen.entries.map((e) => ({ ...e, key: entryKey(seed, frozen.frozenHash, e.entryId) }));
  return {
    format: DRAW_FORMAT,
    method: DRAW_METHOD,
    title: frozen.title,
    seedSource: frozen.seedSource,
    frozenAt: frozen.frozenAt,
    places: frozen.places,
    quotas: frozen.quotas,
    entries: frozen.entries,
    frozenHash: frozen.frozenHash,
    seed,
    result: { seedCheck: entryKey(seed, frozen.frozenHash, ''), ...select(keyed, frozen.places, frozen.quotas) },
  };
}

/**
 * Recomputes a published draw from its own data — the hash of the frozen text, every key, the winners and the
 * waitlist — and lists what differs. An empty list means verified.
 */
export function verifyDraw(data: unknown): Mismatch[] {
  const parsed = DrawExport.safeParse(data);
  if (!parsed.success) return formatMismatches(parsed.error.issues);
  const published = parsed.data;
  const found: Mismatch[] = inputMismatches(problemsOf(published));
  const sorted = sortedFreeze(published);
  if (sorted.entries.some((e, i) => e !== published.entries[i]) || sorted.quotas.some((q, i) => q !== published.quotas[i]))
    found.push({
      code: 'entry_order',
      zh: '报名名单或名额分配未按规范顺序排列',
      en: 'entries or quotas are not in canonical order',
    });
  const frozenHash = sha256Hex(drawCanonicalText(sorted));
  found.push(...seedAndHashMismatches(published, frozenHash));
  const publishedKeys = new Map<string, string>();
  for (const row of [...published.result.winners, ...published.result.waitlist]) publishedKeys.set(row.entryId, row.key);
  const keyed = sorted.entries.map((e) => ({ ...e, key: entryKey(published.seed, frozenHash, e.entryId) }));
  found.push(...keyMismatches(publishedKeys, keyed));
  const result = select(keyed, sorted.places, sorted.quotas);
  found.push(...selectionMismatches(published.result, result, { zh: '中签名单', en: 'winners' }));
  return found;
}

/** Verifies the text of a published export (a draw or an allocation, told apart by its `format`). */
export function verifyExportText(text: string): Mismatch[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ code: 'format', zh: `不是 JSON：${reason}`, en: `not JSON: ${reason}` }];
  }
  const format = typeof data === 'object' && data !== null && 'format' in data ? data.format : undefined;
  return format === ALLOCATION_FORMAT ? verifyAllocation(data) : verifyDraw(data);
}

/** What `verify-draw` prints: 已验证, or each mismatch in Chinese with the English after (at most `limit`). */
export function verificationReport(mismatches: readonly Mismatch[], limit = 50): string {
  if (mismatches.length === 0) return '已验证 / verified: every key, the hash and the result recompute from the published data\n';
  const lines = [`验证失败 / verification failed: ${mismatches.length} 处不符 / mismatches`];
  for (const m of mismatches.slice(0, limit)) lines.push(`- ${m.zh} / ${m.en}`);
  if (mismatches.length > limit) lines.push(`…另有 ${mismatches.length - limit} 处 / …and ${mismatches.length - limit} more`);
  return `${lines.join('\n')}\n`;
}

/** One line of the public result page: masked name, key, and outcome — winners first, then the waitlist in order. */
export type DrawResultRow = {
  entryId: string;
  maskedName: string;
  stratum: string | null;
  key: string;
  outcome: 'won' | 'waiting';
  /** 1-based: the place in the winners' list, or on the waitlist. */
  position: number;
  basis: 'quota' | 'open' | null;
};

/** The rows of the public result page of a published draw (with its seed, source and hash shown above them). */
export function drawResultRows(published: DrawExport): DrawResultRow[] {
  const entries = new Map(published.entries.map((e) => [e.entryId, e]));
  const row = (entryId: string, key: string, outcome: DrawResultRow['outcome'], position: number, basis: DrawResultRow['basis']) => ({
    entryId,
    maskedName: entries.get(entryId)?.maskedName ?? '',
    stratum: entries.get(entryId)?.stratum ?? null,
    key,
    outcome,
    position,
    basis,
  });
  return [
    ...published.result.winners.map((w, i) => row(w.entryId, w.key, 'won', i + 1, w.basis)),
    ...published.result.waitlist.map((w, i) => row(w.entryId, w.key, 'waiting', i + 1, null)),
  ];
}
