import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.programmes.errors.js';
import type { Action } from '../../../common/auth.js';
import type { Page } from '../../../common/paging.js';
import { EarnRules, accountKinds } from '../../../common/points.js';
import {
  beijingDayStart,
  type CreateProgrammeBody,
  type FundBody,
  type Programme,
  type ProgrammeDetail,
  type ProgrammeFigures,
  type ProgrammeListQuery,
  type PointsTransfer,
  type RankingQuery,
  type RankingRow,
  type TransferListQuery,
  type UpdateProgrammeBody,
} from '../../../common/points.programmes.js';
import { scopeFor, type Actor, type InScope, type OrgScope } from '../../auth/scope.js';
import { regionOfPath } from '../../auth/tree.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { accountFor, transfer, type Book } from './points.ledger.js';
import * as repo from './programmes.repo.js';

export function toProgramme(row: repo.ProgrammeRow): Programme {
  const rules = EarnRules.safeParse(row.earn_rules);
  return {
    id: row.id,
    orgId: row.org_id,
    orgName: row.org_name,
    name: row.name,
    description: row.description,
    earnRules: rules.success ? rules.data : {},
    capDay: row.cap_day,
    capMonth: row.cap_month,
    capYear: row.cap_year,
    expiryRule: row.expiry_rule,
    expiryMonths: row.expiry_months,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toTransfer(row: repo.TransferRow, names: Map<number, string>): PointsTransfer {
  return {
    id: row.id,
    key: row.transfer_key,
    kind: row.kind,
    op: row.op,
    amount: Number(row.amount),
    memberId: row.member_id,
    memberName: row.member_id === null ? null : (names.get(row.member_id) ?? null),
    merchantId: row.merchant_id,
    source: row.source,
    sourceRef: row.source_ref,
    reason: row.reason,
    reversalOf: row.reversal_of,
    reversedBy: row.reversed_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Transfers of a book by id, presented with their members' names, in the order of `ids`. */
export async function presentTransfers(db: Executor, book: Book, ids: readonly number[]): Promise<PointsTransfer[]> {
  const rows = await repo.findTransfersByIds(db, book, ids);
  const names = await repo.memberNames(
    db,
    rows.flatMap((r) => (r.member_id === null ? [] : [r.member_id])),
  );
  const byId = new Map(rows.map((r) => [r.id, toTransfer(r, names)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The programme in the action's scope; FORBIDDEN when only readable, else NOT_FOUND. */
export async function findProgrammeFor(
  db: Executor,
  actor: Actor,
  action: Action,
  id: number,
  forUpdate = false,
): Promise<InScope<repo.ProgrammeRow>> {
  const row = await repo.findProgrammeInScope(db, scopeFor(actor, action), id, forUpdate);
  if (row) return row;
  if (action !== 'points.read' && (await repo.findProgrammeInScope(db, scopeFor(actor, 'points.read'), id)))
    throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

const valuesOf = (body: CreateProgrammeBody | UpdateProgrammeBody): repo.ProgrammeValues => ({
  name: body.name,
  description: body.description,
  earnRules: JSON.stringify(body.earnRules),
  capDay: body.capDay,
  capMonth: body.capMonth,
  capYear: body.capYear,
  expiryRule: body.expiryRule,
  expiryMonths: body.expiryRule === 'months' ? body.expiryMonths : null,
});

/** Creates a programme owned by a node, with its system accounts (budget, expiry, issuance, claw-back, settled). */
export async function createProgramme(db: Kysely<DB>, actor: Actor, body: CreateProgrammeBody): Promise<ProgrammeDetail> {
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'points.write', body.orgId);
    const id = await repo.insertProgramme(tx, { ...valuesOf(body), orgId: org.id, orgPath: org.path, regionId: regionOfPath(org.path) });
    const book: Book = { region: regionOfPath(org.path), programmeId: id };
    for (const kind of accountKinds) if (kind !== 'member' && kind !== 'merchant') await accountFor(tx, book, { kind });
    await recordWrite(tx, actor, 'points.programme.create', { type: 'points_programme', id, orgPath: org.path }, { name: body.name });
    return id;
  });
  return getProgramme(db, actor, id);
}

export async function updateProgramme(db: Kysely<DB>, actor: Actor, id: number, body: UpdateProgrammeBody): Promise<ProgrammeDetail> {
  await db.transaction().execute(async (tx) => {
    const p = await findProgrammeFor(tx, actor, 'points.write', id, true);
    await repo.updateProgramme(tx, p, { ...valuesOf(body), status: body.status });
    await recordWrite(tx, actor, 'points.programme.update', { type: 'points_programme', id, orgPath: p.org_path }, { status: body.status });
  });
  return getProgramme(db, actor, id);
}

export async function listProgrammes(db: Kysely<DB>, actor: Actor, query: ProgrammeListQuery): Promise<Page<Programme>> {
  const org = await findOrgFor(db, actor, 'points.read', query.orgId);
  const scope = scopeFor(actor, 'points.read');
  const filter = { underPath: org.path, status: query.status };
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listProgrammes(db, scope, { ...filter, after, limit: query.limit }),
    present: (rows) => rows.map(toProgramme),
    sortKey: (last) => last.id,
    total: () => repo.countProgrammes(db, scope, filter),
  });
}

/** Figures of some books, from their accounts (see ProgrammeFigures). */
async function figuresOf(db: Executor, books: readonly Book[]): Promise<ProgrammeFigures> {
  const byKind = new Map((await repo.balancesByKind(db, books)).map((r) => [r.kind, r]));
  const balance = (kind: string) => byKind.get(kind)?.balance ?? 0;
  const funded = -balance('issuance');
  const budgetLeft = balance('budget') - (byKind.get('budget')?.pending ?? 0);
  return {
    funded,
    // What left the budget for members, net of reversals (a reversal, claw-back included, returns to the budget).
    issued: funded - balance('budget'),
    spent: balance('merchant') + balance('settled'),
    expired: balance('expiry'),
    liability: balance('member'),
    owed: -balance('clawback'),
    budgetLeft,
    membersHolding: byKind.get('member')?.holders ?? 0,
    programmes: books.length,
  };
}

export async function getProgramme(db: Kysely<DB>, actor: Actor, id: number): Promise<ProgrammeDetail> {
  const p = await findProgrammeFor(db, actor, 'points.read', id);
  const canWrite = (await repo.findProgrammeInScope(db, scopeFor(actor, 'points.write'), id)) !== undefined;
  return { ...toProgramme(p), figures: await figuresOf(db, [repo.bookOf(p)]), canWrite };
}

/** The figures of every programme owned in a node's subtree. */
export async function subtreeFigures(db: Kysely<DB>, actor: Actor, orgId: number): Promise<ProgrammeFigures> {
  const org = await findOrgFor(db, actor, 'points.read', orgId);
  const rows = await repo.programmesUnder(db, scopeFor(actor, 'points.read'), org.path);
  return figuresOf(
    db,
    rows.map((r) => ({ region: r.region_id, programmeId: r.id })),
  );
}

/** Funds a programme's budget: a 'fund' transfer issuance → budget under the caller's key (a retry books it once). */
export async function fundProgramme(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  body: FundBody,
): Promise<{ transfer: PointsTransfer; replayed: boolean }> {
  return db.transaction().execute(async (tx) => {
    const p = await findProgrammeFor(tx, actor, 'points.write', id);
    if (p.status !== 'active') throw new AppError('PROGRAMME_CLOSED');
    const book = repo.bookOf(p);
    const issuance = await accountFor(tx, book, { kind: 'issuance' });
    const budget = await accountFor(tx, book, { kind: 'budget' });
    const result = await transfer(tx, {
      key: body.key,
      book,
      kind: 'fund',
      debitAccountId: issuance,
      creditAccountId: budget,
      amount: body.amount,
      reason: body.reason ?? null,
      actorUserId: actor.userId,
    });
    if (!result.replayed)
      await recordWrite(
        tx,
        actor,
        'points.programme.fund',
        { type: 'points_programme', id, orgPath: p.org_path },
        { amount: body.amount, key: body.key },
      );
    return { transfer: (await presentTransfers(tx, book, [result.id]))[0]!, replayed: result.replayed };
  });
}

export async function listTransfers(db: Kysely<DB>, actor: Actor, id: number, query: TransferListQuery): Promise<Page<PointsTransfer>> {
  const p = await findProgrammeFor(db, actor, 'points.read', id);
  const book = repo.bookOf(p);
  const filter = { kind: query.kind, memberId: query.memberId, from: query.from, to: query.to };
  return listPage(query, {
    cursor: 'number',
    read: (after) => repo.listTransfers(db, book, { ...filter, after, limit: query.limit }),
    present: async (rows) => {
      const names = await repo.memberNames(
        db,
        rows.flatMap((r) => (r.member_id === null ? [] : [r.member_id])),
      );
      return rows.map((r) => toTransfer(r, names));
    },
    sortKey: (last) => last.id,
    total: () => repo.countTransfers(db, book, filter),
  });
}

/**
 * Members of a programme ranked by the points they EARNED in [from, to) (awards not reversed), not by balance: what
 * the events module shows as 积分排行. The programme must lie in `scope`.
 */
export async function rankingByEarned(
  db: Executor,
  scope: OrgScope,
  programmeId: number,
  from: Date,
  to: Date,
  limit: number,
): Promise<RankingRow[]> {
  const p = await repo.findProgrammeInScope(db, scope, programmeId);
  if (!p) throw new AppError('NOT_FOUND');
  const rows = await repo.rankingByEarned(db, repo.bookOf(p), from, to, limit);
  const facts = await repo.memberFacts(
    db,
    rows.map((r) => r.member_id),
  );
  return rows.map((r, i) => ({
    rank: i + 1,
    memberId: r.member_id,
    name: facts.get(r.member_id)?.name ?? '',
    orgName: facts.get(r.member_id)?.orgName ?? '',
    earned: r.earned,
  }));
}

/** The ranking for the console: Beijing days `from`..`to`, both included. */
export async function ranking(db: Kysely<DB>, actor: Actor, id: number, query: RankingQuery): Promise<{ items: RankingRow[] }> {
  const to = new Date(beijingDayStart(query.to).getTime() + 24 * 3600 * 1000);
  return { items: await rankingByEarned(db, scopeFor(actor, 'points.read'), id, beijingDayStart(query.from), to, query.limit) };
}
