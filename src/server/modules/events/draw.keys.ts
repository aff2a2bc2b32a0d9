import { createHash, createHmac, randomBytes } from 'node:crypto';
import { DRAW_LIMITS, type DrawQuota, type DrawWaiting, type DrawWinner } from '../../../common/events.draw.js';

/**
 * The primitives every fair selection of issue #13 shares (lottery, allocation by preference, random grouping):
 * the canonical text that is hashed, the hash, the seeded key of an entry, and the order of keys. Pure; node:crypto only.
 */

/** Compares two strings by their UTF-8 bytes — the one order of every sort in the frozen form. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The canonical text of a frozen list: each line its fields joined by a tab, every line ending in "\n". */
export function canonicalText(lines: readonly (readonly (string | number)[])[]): string {
  return lines.map((fields) => `${fields.join('\t')}\n`).join('');
}

/** hex(SHA-256(UTF-8(text))). */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The key of one entry: hex(HMAC-SHA256(key = UTF-8(seed), message = UTF-8(frozenHash + entryId))). */
export function entryKey(seed: string, frozenHash: string, entryId: string): string {
  return createHmac('sha256', Buffer.from(seed, 'utf8'))
    .update(frozenHash + entryId, 'utf8')
    .digest('hex');
}

/** Ascending key (lowercase hex, so string order is byte order); a tie — never seen in practice — by entry id. */
export function byKey(a: { key: string; entryId: string }, b: { key: string; entryId: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : compareUtf8(a.entryId, b.entryId);
}

/**
 * The seed as it is used and published: Unicode NFKC (full-width digits become ASCII), runs of white space made one
 * space, trimmed. The draw uses only this form, so retyping the same numbers with other spacing cannot change a
 * result; the seed source named before the draw should state the order and separators of the numbers as well.
 */
export function normaliseSeed(seed: string): string {
  return seed.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** A seed for a tool that needs no public source (random grouping at a session): 32 random bytes, hex. */
export function randomSeed(): string {
  return randomBytes(32).toString('hex');
}

/** One finding of a verification, in both languages (zh-CN first). */
export type Mismatch = {
  code: MismatchCode;
  entryId?: string;
  zh: string;
  en: string;
};

export type MismatchCode =
  | 'format'
  | 'input'
  | 'entry_order'
  | 'seed_form'
  | 'seed_check'
  | 'hash'
  | 'key'
  | 'missing_key'
  | 'winners'
  | 'waitlist'
  | 'turns'
  | 'waitlists';

/** Compares a published list with the recomputed one position by position; one mismatch per differing position. */
export function compareLists<T>(
  code: MismatchCode,
  label: { zh: string; en: string },
  published: readonly T[],
  recomputed: readonly T[],
  show: (item: T | undefined) => string,
  same: (a: T, b: T) => boolean,
): Mismatch[] {
  const found: Mismatch[] = [];
  if (published.length !== recomputed.length) {
    found.push({
      code,
      zh: `${label.zh}人数不符：公布 ${published.length}，重算 ${recomputed.length}`,
      en: `${label.en}: ${published.length} published, ${recomputed.length} recomputed`,
    });
  }
  for (let i = 0; i < Math.max(published.length, recomputed.length); i++) {
    const p = published[i];
    const r = recomputed[i];
    if (p !== undefined && r !== undefined && same(p, r)) continue;
    found.push({
      code,
      zh: `${label.zh}第 ${i + 1} 位不符：公布 ${show(p)}，重算 ${show(r)}`,
      en: `${label.en}, position ${i + 1}: published ${show(p)}, recomputed ${show(r)}`,
    });
  }
  return found;
}

/** Why a selection's input was refused; the caller maps it to its error code. */
export type DrawInputProblem =
  | 'invalid'
  | 'duplicate_entry'
  | 'duplicate_quota'
  | 'quotas_exceed_places'
  | 'duplicate_session'
  | 'duplicate_choice'
  | 'unknown_session'
  | 'frozen_hash_changed';

/** Input a draw, an allocation or a grouping cannot be run on. */
export class DrawInputError extends Error {
  constructor(
    readonly problem: DrawInputProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'DrawInputError';
  }
}

/** The normal form of a seed a cadre entered, refused when empty or longer than DRAW_LIMITS.seed. */
export function usableSeed(seed: string): string {
  const normal = normaliseSeed(seed);
  if (normal === '' || normal.length > DRAW_LIMITS.seed) throw new DrawInputError('invalid', `seed: 1 to ${DRAW_LIMITS.seed} characters`);
  return normal;
}

/** Schema failures of a published export as mismatches (the first 20). */
export function formatMismatches(issues: readonly { path: PropertyKey[]; message: string }[]): Mismatch[] {
  return issues.slice(0, 20).map((issue) => {
    const where = issue.path.map(String).join('.') || '(root)';
    return { code: 'format', zh: `格式不符：${where}：${issue.message}`, en: `malformed: ${where}: ${issue.message}` };
  });
}

/** Every entry's recomputed key against the published one: missing or different keys. */
export function keyMismatches(published: ReadonlyMap<string, string>, recomputed: readonly { entryId: string; key: string }[]): Mismatch[] {
  const found: Mismatch[] = [];
  for (const { entryId, key } of recomputed) {
    const shown = published.get(entryId);
    if (shown === undefined)
      found.push({ code: 'missing_key', entryId, zh: `报名 ${entryId} 不在结果中`, en: `entry ${entryId} is missing from the result` });
    else if (shown !== key)
      found.push({
        code: 'key',
        entryId,
        zh: `报名 ${entryId} 的密钥不符：公布 ${shown}，重算 ${key}`,
        en: `key of entry ${entryId}: published ${shown}, recomputed ${key}`,
      });
  }
  return found;
}

/** The checks common to every export: its seed in normal form, its frozen hash and its seed check. */
export function seedAndHashMismatches(
  published: { seed: string; frozenHash: string; result: { seedCheck: string } },
  frozenHash: string,
): Mismatch[] {
  const found: Mismatch[] = [];
  const seedCheck = entryKey(published.seed, frozenHash, '');
  if (seedCheck !== published.result.seedCheck)
    found.push({
      code: 'seed_check',
      zh: `种子校验值不符：公布 ${published.result.seedCheck}，重算 ${seedCheck}`,
      en: `seed check: published ${published.result.seedCheck}, recomputed ${seedCheck}`,
    });
  if (published.seed !== normaliseSeed(published.seed))
    found.push({ code: 'seed_form', zh: '种子不是规范形式（空白未归一）', en: 'the seed is not in its normal form (white space)' });
  if (frozenHash !== published.frozenHash)
    found.push({
      code: 'hash',
      zh: `冻结名单哈希不符：公布 ${published.frozenHash}，重算 ${frozenHash}`,
      en: `frozen hash: published ${published.frozenHash}, recomputed ${frozenHash}`,
    });
  return found;
}

/** Inconsistencies a valid input could never have (duplicates, quotas over places) as mismatches. */
export function inputMismatches(problems: readonly { problem: DrawInputProblem; detail: string }[]): Mismatch[] {
  return problems.map(({ problem, detail }) => ({
    code: 'input',
    zh: `数据自相矛盾（${problem}）：${detail}`,
    en: `inconsistent data (${problem}): ${detail}`,
  }));
}

/** The chosen and the waiting of a selection, as a lottery and a points ranking both publish them. */
export type Selection = { winners: DrawWinner[]; waitlist: DrawWaiting[] };

/**
 * Fills the places from entries already in selection order: each quota (in the order given) takes the first entries
 * of its stratum, the open places the first of the rest, and the rest wait in that order.
 */
export function fillPlaces(
  ordered: readonly { entryId: string; key: string; stratum: string | null }[],
  places: number,
  quotas: readonly DrawQuota[],
): Selection {
  const byStratum = new Map<string, (typeof ordered)[number][]>();
  for (const entry of ordered) {
    if (entry.stratum === null) continue;
    const list = byStratum.get(entry.stratum);
    if (list) list.push(entry);
    else byStratum.set(entry.stratum, [entry]);
  }
  const chosen = new Set<string>();
  const winners: DrawWinner[] = [];
  for (const { stratum, quota } of quotas)
    for (const entry of (byStratum.get(stratum) ?? []).slice(0, quota)) {
      winners.push({ entryId: entry.entryId, key: entry.key, basis: 'quota' });
      chosen.add(entry.entryId);
    }
  const rest = ordered.filter((e) => !chosen.has(e.entryId));
  const open = Math.max(0, places - winners.length);
  for (const entry of rest.slice(0, open)) winners.push({ entryId: entry.entryId, key: entry.key, basis: 'open' });
  const waitlist = rest.slice(open).map((e) => ({ entryId: e.entryId, key: e.key }));
  return { winners, waitlist };
}

/**
 * Compares a published selection with the recomputed one, position by position: the winners (entry, key and basis,
 * named by `winners` — 中签名单 for a lottery, 入选名单 for a ranking), then the waitlist (entry and key).
 */
export function selectionMismatches(published: Selection, recomputed: Selection, winners: { zh: string; en: string }): Mismatch[] {
  const show = (row: { entryId: string; basis?: string } | undefined) => (row ? `${row.entryId}${row.basis ? `/${row.basis}` : ''}` : '—');
  return [
    ...compareLists(
      'winners',
      winners,
      published.winners,
      recomputed.winners,
      show,
      (a, b) => a.entryId === b.entryId && a.key === b.key && a.basis === b.basis,
    ),
    ...compareLists(
      'waitlist',
      { zh: '候补名单', en: 'waitlist' },
      published.waitlist,
      recomputed.waitlist,
      show,
      (a, b) => a.entryId === b.entryId && a.key === b.key,
    ),
  ];
}
