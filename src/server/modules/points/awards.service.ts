import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError, errorMessage } from '../../../common/errors.js';
import '../../../common/points.errors.js';
import '../../../common/points.programmes.errors.js';
import type { Locale } from '../../../common/i18n.js';
import { EarnRules, MAX_TRANSFER_POINTS, TransferKey } from '../../../common/points.js';
import {
  PROGRAMME_LIMITS,
  awardExpiresAt,
  capWindowStarts,
  type AwardBody,
  type AwardResult,
  type BulkAwardBody,
  type BulkAwardRow,
  type CapWindow,
  type ReversalBody,
  type ReversalResult,
} from '../../../common/points.programmes.js';
import { maskName, normaliseIdNumber, parsePhone } from '../../../common/identity.js';
import type { PiiCipher } from '../../crypto/pii.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite, type AuditActor } from '../../audit/audit.js';
import {
  accountFor,
  lockAccounts,
  memberAccountsFor,
  reverse,
  transfer,
  transferBatch,
  type BatchOutcome,
  type BatchRequest,
  type Book,
} from './points.ledger.js';
import * as repo from './programmes.repo.js';
import { findProgrammeFor, presentTransfers } from './programmes.service.js';
import type { AwardFileRow } from './awards.file.js';

type AwardInput = {
  memberId: number;
  amount: number;
  key: string;
  source: 'manual' | 'volunteer_hours' | 'event' | 'training';
  sourceRef: string | null;
  reason: string | null;
  actorUserId: number | null;
};

const capCodes = { day: 'PROGRAMME_CAP_DAY', month: 'PROGRAMME_CAP_MONTH', year: 'PROGRAMME_CAP_YEAR' } as const;

/**
 * One award in the caller's transaction: budget → member, kind 'award', expiring by the programme's rule. The budget
 * and member accounts are locked first (ledger order), then the member's awards in each Beijing window are summed
 * against the caps, then the transfer is booked: two awards at once cannot both slip under a cap. A key already
 * booked is handed to the ledger without the cap check: it answers the first result or refuses other fields (409).
 * The member must already have been checked to belong to the programme's subtree.
 */
export async function awardInTx(
  tx: Executor,
  p: repo.ProgrammeRow,
  input: AwardInput,
  now: Date,
): Promise<{ id: number; replayed: boolean; expiresAt: string | null }> {
  if (p.status !== 'active') throw new AppError('PROGRAMME_CLOSED');
  const book: Book = { region: p.region_id, programmeId: p.id };
  const budget = await accountFor(tx, book, { kind: 'budget' });
  const account = await accountFor(tx, book, { kind: 'member', memberId: input.memberId });
  await lockAccounts(tx, book, [budget, account]);
  const expiresAt = awardExpiresAt(p.expiry_rule, p.expiry_months, now);
  if (!(await repo.transferByKey(tx, book, input.key))) {
    const starts = capWindowStarts(now);
    const caps: [CapWindow, number | null][] = [
      ['day', p.cap_day],
      ['month', p.cap_month],
      ['year', p.cap_year],
    ];
    for (const [window, cap] of caps) {
      if (cap === null) continue;
      const earned = await repo.earnedSince(tx, book, input.memberId, starts[window]);
      if (earned + input.amount > cap) throw new AppError(capCodes[window], { cap, earned, left: Math.max(0, cap - earned) });
    }
  }
  const result = await transfer(
    tx,
    {
      key: input.key,
      book,
      kind: 'award',
      debitAccountId: budget,
      creditAccountId: account,
      amount: input.amount,
      expiresAt,
      source: input.source,
      sourceRef: input.sourceRef,
      reason: input.reason,
      memberId: input.memberId,
      actorUserId: input.actorUserId,
    },
    now,
  );
  return { id: result.id, replayed: result.replayed, expiresAt };
}

/**
 * Many awards of one programme in the caller's transaction, with the rules of `awardInTx` applied one row after
 * another in the list's order, in a handful of statements (points.ledger.ts `transferBatch`): the budget and the
 * members' accounts are locked in id order, then the members' earnings in each Beijing window are summed in one query
 * under those locks and every new row is checked against the caps (rows of the same member in the list count
 * against each other), then the transfers are booked. A key already booked skips the caps and answers its first
 * result (or POINTS_KEY_REUSED). The members must already have been checked to belong to the programme's subtree.
 */
export async function awardManyInTx(tx: Executor, p: repo.ProgrammeRow, inputs: readonly AwardInput[], now: Date): Promise<BatchOutcome[]> {
  if (inputs.length === 0) return [];
  if (p.status !== 'active') throw new AppError('PROGRAMME_CLOSED');
  const book: Book = { region: p.region_id, programmeId: p.id };
  const budget = await accountFor(tx, book, { kind: 'budget' });
  const accounts = await memberAccountsFor(
    tx,
    book,
    inputs.map((i) => i.memberId),
  );
  const expiresAt = awardExpiresAt(p.expiry_rule, p.expiry_months, now);
  const caps: [CapWindow, number | null][] = [
    ['day', p.cap_day],
    ['month', p.cap_month],
    ['year', p.cap_year],
  ];
  const admit = async (fresh: { index: number; req: BatchRequest }[]): Promise<Map<number, AppError>> => {
    const refusals = new Map<number, AppError>();
    if (caps.every(([, cap]) => cap === null)) return refusals;
    const starts = capWindowStarts(now);
    const earned = await repo.earnedInWindows(
      tx,
      book,
      fresh.map((f) => f.req.memberId!),
      starts,
    );
    for (const f of fresh) {
      const member = f.req.memberId!;
      const so = earned.get(member) ?? { day: 0, month: 0, year: 0 };
      const over = caps.find(([window, cap]) => cap !== null && so[window] + f.req.amount > cap);
      if (over) {
        const [window, cap] = over as [CapWindow, number];
        refusals.set(f.index, new AppError(capCodes[window], { cap, earned: so[window], left: Math.max(0, cap - so[window]) }));
        continue;
      }
      earned.set(member, { day: so.day + f.req.amount, month: so.month + f.req.amount, year: so.year + f.req.amount });
    }
    return refusals;
  };
  return transferBatch(
    tx,
    book,
    inputs.map((input) => ({
      key: input.key,
      kind: 'award' as const,
      debitAccountId: budget,
      creditAccountId: accounts.get(input.memberId)!,
      amount: input.amount,
      expiresAt,
      source: input.source,
      sourceRef: input.sourceRef,
      reason: input.reason,
      memberId: input.memberId,
      actorUserId: input.actorUserId,
    })),
    now,
    admit,
  );
}

async function memberOf(tx: Executor, p: repo.ProgrammeRow, memberId: number): Promise<void> {
  if (!(await repo.findMemberOfProgramme(tx, p, memberId))) throw new AppError('PROGRAMME_MEMBER_OUTSIDE');
}

/** A cadre's award: a manual award with its reason, or volunteer hours verified (hours × the programme's rule). */
export async function award(db: Kysely<DB>, actor: Actor, id: number, body: AwardBody, now = new Date()): Promise<AwardResult> {
  return db.transaction().execute(async (tx) => {
    const p = await findProgrammeFor(tx, actor, 'points.write', id);
    const rules = EarnRules.parse(p.earn_rules);
    let amount: number;
    if (body.source === 'manual') {
      if (!rules.manual) throw new AppError('PROGRAMME_RULE_OFF', { source: 'manual' });
      amount = body.points;
    } else {
      if (!rules.volunteerHour) throw new AppError('PROGRAMME_RULE_OFF', { source: 'volunteer_hours' });
      amount = body.hours * rules.volunteerHour;
    }
    await memberOf(tx, p, body.memberId);
    const result = await awardInTx(
      tx,
      p,
      {
        memberId: body.memberId,
        amount,
        key: body.key,
        source: body.source,
        sourceRef: body.source === 'volunteer_hours' ? `${body.hours}h` : null,
        reason: body.reason,
        actorUserId: actor.userId,
      },
      now,
    );
    if (!result.replayed)
      await recordWrite(
        tx,
        actor,
        'points.award',
        { type: 'points_programme', id, orgPath: p.org_path },
        { amount, memberId: body.memberId, key: body.key },
      );
    const [shown] = await presentTransfers(tx, repo.bookOf(p), [result.id]);
    return { transfer: shown!, replayed: result.replayed, expiresAt: result.expiresAt };
  });
}

/**
 * Awards points for attending an event or a training (the events module calls it in its own transaction, with its
 * own key, e.g. `event:<id>:<member>`): units × the programme's rule, caps and expiry as any award. The caller has
 * checked its own caller's rights; the member must belong to the programme's subtree. `actor`, when given, is audited.
 */
export async function awardForActivity(
  tx: Executor,
  input: {
    programmeId: number;
    memberId: number;
    source: 'event' | 'training';
    sourceRef: string;
    key: string;
    units: number;
    actor?: AuditActor;
  },
  now = new Date(),
): Promise<{ transferId: number; amount: number; replayed: boolean; expiresAt: string | null }> {
  const key = TransferKey.parse(input.key);
  const p = await repo.findProgrammeById(tx, input.programmeId);
  if (!p) throw new AppError('NOT_FOUND');
  const rules = EarnRules.parse(p.earn_rules);
  const perUnit = input.source === 'event' ? rules.eventAttendance : rules.training;
  if (!perUnit) throw new AppError('PROGRAMME_RULE_OFF', { source: input.source });
  const amount = Math.min(MAX_TRANSFER_POINTS, Math.max(1, Math.round(input.units)) * perUnit);
  await memberOf(tx, p, input.memberId);
  const result = await awardInTx(
    tx,
    p,
    {
      memberId: input.memberId,
      amount,
      key,
      source: input.source,
      sourceRef: input.sourceRef,
      reason: null,
      actorUserId: input.actor?.userId ?? null,
    },
    now,
  );
  if (input.actor && !result.replayed)
    await recordWrite(
      tx,
      input.actor,
      'points.award',
      { type: 'points_programme', id: p.id, orgPath: p.org_path },
      { amount, memberId: input.memberId, key },
    );
  return { transferId: result.id, amount, replayed: result.replayed, expiresAt: result.expiresAt };
}

/** A row to award in a bulk: resolved to a member, or already refused (no personal numbers: it is stored with its job). */
export type BulkItem = {
  row: number;
  /** As the file named the member, masked. */
  name: string | null;
  points: number | null;
  reason: string | null;
  memberId: number | null;
  refusal: { code: AppError['code']; params?: Record<string, string | number> } | null;
};

/**
 * Awards one batch of a bulk in the caller's transaction (awards.jobs.ts runs a job batch after batch). Row i gets the
 * key `award:<batchKey>:<i>`: sending the same list again awards nobody twice (each row answers 'replayed'). The
 * programme is the job's; its members are checked here, in SQL, against the programme's subtree. Answers per row.
 */
export async function awardBatchOfBulk(
  tx: Executor,
  p: repo.ProgrammeRow,
  batchKey: string,
  batch: readonly BulkItem[],
  actor: AuditActor,
  locale: Locale,
  now: Date,
): Promise<BulkAwardRow[]> {
  const members = await repo.membersOfProgramme(
    tx,
    p,
    batch.flatMap((b) => (b.memberId === null ? [] : [b.memberId])),
  );
  const results: BulkAwardRow[] = [];
  let awarded = 0;
  const base = (item: BulkItem) => ({ row: item.row, memberId: item.memberId, name: item.name, points: item.points });
  const refused = (item: BulkItem, error: AppError): BulkAwardRow => ({
    ...base(item),
    outcome: 'refused',
    transferId: null,
    code: error.code,
    reason: errorMessage(error.code, locale, error.params),
  });
  const eligible = batch.filter((item) => !item.refusal && item.memberId !== null && members.has(item.memberId));
  const outcomes = await awardManyInTx(
    tx,
    p,
    eligible.map((item) => ({
      memberId: item.memberId!,
      amount: item.points!,
      key: `award:${batchKey}:${item.row}`,
      source: 'manual' as const,
      sourceRef: `bulk:${batchKey}`,
      reason: item.reason,
      actorUserId: actor.userId,
    })),
    now,
  );
  const byRow = new Map(eligible.map((item, i) => [item.row, outcomes[i]!]));
  for (const item of batch) {
    if (item.refusal) {
      results.push(refused(item, new AppError(item.refusal.code, item.refusal.params)));
      continue;
    }
    const o = byRow.get(item.row);
    if (!o) {
      results.push(refused(item, new AppError('PROGRAMME_MEMBER_OUTSIDE')));
      continue;
    }
    if ('refused' in o) {
      results.push(refused(item, o.refused));
      continue;
    }
    if (!o.ok.replayed) awarded++;
    results.push({
      ...base(item),
      name: item.name ?? maskName(members.get(item.memberId!) ?? ''),
      outcome: o.ok.replayed ? 'replayed' : 'awarded',
      transferId: o.ok.id,
      code: null,
      reason: null,
    });
  }
  if (awarded > 0)
    await recordWrite(
      tx,
      actor,
      'points.award.bulk',
      { type: 'points_programme', id: p.id, orgPath: p.org_path },
      { batchKey, awarded, firstRow: batch[0]!.row },
    );
  return results;
}

/** A bulk award from a JSON list of member ids. */
export function itemsOfList(body: BulkAwardBody): BulkItem[] {
  return body.rows.map((r, i) => ({
    row: i + 1,
    name: null,
    points: r.points,
    reason: r.reason,
    memberId: r.memberId,
    refusal: null,
  }));
}

/**
 * A bulk award from an uploaded file (awards.file.ts): each row's member found in the programme's subtree by the blind
 * index of its ID number (else its phone) and checked against its name; personal numbers never leave the request.
 */
export async function itemsOfFile(db: Kysely<DB>, cipher: PiiCipher, actor: Actor, id: number, rows: AwardFileRow[]): Promise<BulkItem[]> {
  const p = await findProgrammeFor(db, actor, 'points.write', id);
  const wanted = rows.map((r) => {
    const idNumber = r.idNumber ? normaliseIdNumber(r.idNumber) : '';
    const phone = !idNumber && r.phone ? parsePhone(r.phone) : null;
    return {
      r,
      kind: idNumber ? ('id_number' as const) : ('phone' as const),
      bidx: idNumber ? cipher.blindIndex('id_number', idNumber) : phone?.ok ? cipher.blindIndex('phone', phone.phone) : '',
    };
  });
  const found = new Map<string, { id: number; name: string }[]>();
  for (const kind of ['id_number', 'phone'] as const) {
    const bidxs = [...new Set(wanted.filter((w) => w.kind === kind && w.bidx).map((w) => w.bidx))];
    for (let i = 0; i < bidxs.length; i += 1000)
      for (const m of await repo.membersByIndex(db, p, kind, bidxs.slice(i, i + 1000)))
        found.set(`${kind}:${m.bidx}`, [...(found.get(`${kind}:${m.bidx}`) ?? []), m]);
  }
  const items: BulkItem[] = wanted.map(({ r, kind, bidx }) => {
    const points = /^[1-9][0-9]{0,6}$/.test(r.points) ? Number(r.points) : null;
    const base = { row: r.row, name: r.name ? maskName(r.name) : null, points, reason: r.reason || null };
    if (points === null || points > MAX_TRANSFER_POINTS)
      return { ...base, memberId: null, refusal: { code: 'PROGRAMME_ROW_INVALID', params: { detail: `积分 / points: ${r.points}` } } };
    if (!r.reason || r.reason.length > PROGRAMME_LIMITS.reasonMax)
      return { ...base, memberId: null, refusal: { code: 'PROGRAMME_ROW_INVALID', params: { detail: '事由 / reason' } } };
    const member = (found.get(`${kind}:${bidx}`) ?? []).find((m) => m.name === r.name);
    if (!bidx || !member) return { ...base, memberId: null, refusal: { code: 'PROGRAMME_ROW_MEMBER_UNKNOWN' } };
    return { ...base, memberId: member.id, refusal: null };
  });
  return items;
}

/**
 * Reverses a wrong award, at most once (the ledger's unique reversal). 'refuse': refused when part was already spent
 * or expired (POINTS_ALREADY_SPENT names how much); 'clawback': what is left goes back, the rest is booked to the
 * claw-back account as owed by the member. The answer says which happened.
 */
export async function reverseAward(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  body: ReversalBody,
  now = new Date(),
): Promise<ReversalResult> {
  return db.transaction().execute(async (tx) => {
    const p = await findProgrammeFor(tx, actor, 'points.write', id);
    const book = repo.bookOf(p);
    const original = await repo.findTransfer(tx, book, body.transferId);
    if (!original || original.kind !== 'award') throw new AppError('PROGRAMME_NOT_AN_AWARD');
    const result = await reverse(
      tx,
      { key: `reverse:${original.id}`, book, originalId: original.id, mode: body.mode, actorUserId: actor.userId, reason: body.reason },
      now,
    );
    const ids = [result.reversal.id, ...(result.clawback ? [result.clawback.id] : [])];
    const [reversal, clawback] = await presentTransfers(tx, book, ids);
    const clawed = result.clawback?.amount ?? 0;
    if (!result.reversal.replayed)
      await recordWrite(
        tx,
        actor,
        'points.reverse',
        { type: 'points_programme', id, orgPath: p.org_path },
        { transferId: original.id, mode: body.mode, clawed },
      );
    return {
      outcome: result.clawback ? 'clawedBack' : 'reversed',
      reversal: reversal!,
      clawback: clawback ?? null,
      alreadySpent: clawed,
      replayed: result.reversal.replayed,
    };
  });
}
