import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/contests.errors.js';
import '../../../common/users.errors.js';
import type { Page } from '../../../common/paging.js';
import {
  CreateContestBody,
  UpdateContestBody,
  type Assignments,
  type Contest,
  type ContestDetail,
  type ContestListQuery,
  type ContestStatus,
  type CreatedJudge,
  type CreateEntryBody,
  type CreateJudgeBody,
  type DeclareConflictBody,
  type DeclareDesignBody,
  type Entry,
  type Judge,
  type Conflicts,
  type TierInput,
} from '../../../common/contests.js';
import { scopeFor, type Actor, type InScope } from '../../auth/scope.js';
import { listPage } from '../../http/list-page.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { findEventFor } from '../events/events.service.js';
import { createNarrowAccount, firstPasswordOf } from '../users/narrow-accounts.js';
import { assignJudges } from './conflicts.js';
import { assignmentBalance } from './aggregate.js';
import { mapContestError } from './contests.failures.js';
import * as repo from './contests.repo.js';

export type ContestRow = InScope<repo.ContestRow>;

/** The contest where the caller may act: 404 outside what it may read, 403 when it may read but not write. */
export async function findContestFor(
  db: Executor,
  actor: Actor,
  action: 'contest.read' | 'contest.write',
  id: number,
  forUpdate = false,
): Promise<ContestRow> {
  const row = await repo.findContestInScope(db, scopeFor(actor, action), id, forUpdate);
  if (row) return row;
  if (action !== 'contest.read' && (await repo.findContestInScope(db, scopeFor(actor, 'contest.read'), id)))
    throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

export function assertStatus(contest: { status: ContestStatus }, allowed: readonly ContestStatus[]): void {
  if (!allowed.includes(contest.status)) throw new AppError('CONTEST_WRONG_STATUS', { status: contest.status });
}

function toContest(r: repo.ContestRow): Contest {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    eventId: r.event_id,
    name: r.name,
    status: r.status,
    normalisation: r.normalisation,
    panelSize: r.panel_size,
    showcaseSize: r.showcase_size,
    noticeDays: r.notice_days,
    noticeEndsAt: r.notice_ends_at === null ? null : new Date(r.notice_ends_at).toISOString(),
    balancedDesign: r.balanced_design,
  };
}

function checkTiers(criteria: number, tiers: readonly TierInput[]): void {
  for (const t of tiers) {
    if (t.kind === 'criterion' && (t.criterionIndex === undefined || t.criterionIndex >= criteria)) {
      throw new AppError('CONTEST_INVALID_TIERS', { detail: `${t.name}: criterionIndex` });
    }
  }
  if (tiers.filter((t) => t.kind === 'unit').length > 1) throw new AppError('CONTEST_INVALID_TIERS', { detail: 'one unit award at most' });
}

/** Creates a draft contest at a node of the caller's contest.write scope, with its criteria and award tiers. */
export async function createContest(db: Kysely<DB>, actor: Actor, input: CreateContestBody): Promise<ContestDetail> {
  const body = CreateContestBody.parse(input);
  checkTiers(body.criteria.length, body.tiers);
  const id = await db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'contest.write', body.orgId);
    const event = body.eventId === undefined ? null : await findEventFor(tx, actor, body.eventId);
    const id = await repo.insertContest(tx, {
      orgId: org.id,
      orgPath: org.path,
      eventId: event?.id ?? null,
      name: body.name,
      normalisation: body.normalisation,
      panelSize: body.panelSize,
      showcaseSize: body.showcaseSize ?? null,
      noticeDays: body.noticeDays,
    });
    const contest = await findContestFor(tx, actor, 'contest.write', id);
    await repo.replaceCriteriaAndTiers(tx, contest, body.criteria, body.tiers);
    await recordWrite(tx, actor, 'contest.create', { type: 'contest', id, orgPath: org.path }, { name: body.name });
    return id;
  });
  return getContest(db, actor, id);
}

/** Replaces the rules, criteria and tiers of a draft contest. */
export async function updateContest(db: Kysely<DB>, actor: Actor, id: number, input: UpdateContestBody): Promise<ContestDetail> {
  const body = UpdateContestBody.parse(input);
  checkTiers(body.criteria.length, body.tiers);
  await db.transaction().execute(async (tx) => {
    const contest = await findContestFor(tx, actor, 'contest.write', id, true);
    assertStatus(contest, ['draft']);
    await repo.updateRules(tx, contest, { ...body, showcaseSize: body.showcaseSize ?? null });
    await repo.replaceCriteriaAndTiers(tx, contest, body.criteria, body.tiers);
    await recordWrite(tx, actor, 'contest.update', { type: 'contest', id, orgPath: contest.org_path }, { name: body.name });
  });
  return getContest(db, actor, id);
}

export async function listContests(db: Kysely<DB>, actor: Actor, query: ContestListQuery): Promise<Page<Contest>> {
  const scope = scopeFor(actor, 'contest.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const org = await findOrgFor(db, actor, 'org.read', query.orgId);
  const filter = { underPath: org.path };
  return listPage(query, {
    cursor: 'number',
    read: (afterId) => repo.listContests(db, scope, { ...filter, afterId, limit: query.limit }),
    present: (rows) => rows.map(toContest),
    sortKey: (last) => last.id,
    total: () => repo.countContests(db, scope, filter),
  });
}

export async function detailOf(db: Executor, c: ContestRow): Promise<ContestDetail> {
  const [criteria, tiers, counts] = await Promise.all([repo.criteriaOf(db, c), repo.tiersOf(db, c), repo.countsOf(db, c)]);
  return {
    ...toContest(c),
    criteria: criteria.map((k) => ({
      id: k.id,
      name: k.name,
      weight: Number(k.weight),
      maxScore: Number(k.max_score),
      decimals: k.decimals,
      tieBreakRank: k.tie_break_rank,
    })),
    tiers: tiers.map((t) => ({ id: t.id, kind: t.kind, name: t.name, quota: t.quota, criterionId: t.criterion_id, unitRule: t.unit_rule })),
    entries: counts.entries,
    judges: counts.judges,
    assignments: counts.assignments,
    submittedSheets: counts.submitted,
  };
}

export async function getContest(db: Kysely<DB>, actor: Actor, id: number): Promise<ContestDetail> {
  return detailOf(db, await findContestFor(db, actor, 'contest.read', id));
}

/** One write on a contest of the caller's contest.write scope, in one of `allowed` statuses, audited. */
async function changeContest<T>(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  allowed: readonly ContestStatus[],
  action: string,
  change: (tx: Executor, contest: ContestRow) => Promise<{ result: T; detail: Record<string, unknown> }>,
): Promise<T> {
  try {
    return await db.transaction().execute(async (tx) => {
      const contest = await findContestFor(tx, actor, 'contest.write', id, true);
      assertStatus(contest, allowed);
      const { result, detail } = await change(tx, contest);
      await recordWrite(tx, actor, action, { type: 'contest', id, orgPath: contest.org_path }, detail);
      return result;
    });
  } catch (error) {
    throw mapContestError(error);
  }
}

/** Status moves of the set-up: draft → open (entries come in) → judging (panels assigned, judges score). */
export async function openContest(db: Kysely<DB>, actor: Actor, id: number): Promise<ContestDetail> {
  await changeContest(db, actor, id, ['draft'], 'contest.open', async (tx, c) => {
    await repo.setStatus(tx, c, ['draft'], 'open');
    return { result: null, detail: {} };
  });
  return getContest(db, actor, id);
}

export async function startJudging(db: Kysely<DB>, actor: Actor, id: number): Promise<ContestDetail> {
  await changeContest(db, actor, id, ['open'], 'contest.judging', async (tx, c) => {
    const counts = await repo.countsOf(tx, c);
    if (counts.assignments === 0) throw new AppError('CONTEST_INVALID_ASSIGNMENT', { detail: 'no judges assigned yet' });
    await assertNormalisable(tx, c);
    await repo.setStatus(tx, c, ['open'], 'judging');
    return { result: null, detail: {} };
  });
  return getContest(db, actor, id);
}

/**
 * Per-judge normalisation needs a balanced assignment: every judge scores every entry, or a declared balanced design
 * that holds in the actual assignment (equal loads, equal panels). Refused otherwise, naming what does not hold;
 * checked when the judging starts and again before every computation.
 */
export async function assertNormalisable(db: Executor, c: ContestRow): Promise<void> {
  if (c.normalisation !== 'robust-z') return;
  const [judges, entries, pairs] = await Promise.all([repo.judgesOf(db, c), repo.entriesOf(db, c), repo.assignmentsOf(db, c)]);
  const check = assignmentBalance(
    judges.map((j) => String(j.id)),
    entries.map((e) => String(e.id)),
    pairs.map((p) => ({ judgeId: String(p.judge_id), entryId: String(p.entry_id) })),
    c.balanced_design !== null,
  );
  if (check.balance !== 'unbalanced') return;
  if (c.balanced_design === null) throw new AppError('CONTEST_DESIGN_NOT_DECLARED');
  const range = ([low, high]: readonly [number, number]) => (low === high ? String(low) : `${low}–${high}`);
  throw new AppError('CONTEST_DESIGN_NOT_HELD', { loads: range(check.loads), panels: range(check.panels) });
}

/** Declares (or withdraws) the balanced design before the judging starts: draft or open only. */
export async function declareDesign(db: Kysely<DB>, actor: Actor, id: number, body: DeclareDesignBody): Promise<ContestDetail> {
  await changeContest(db, actor, id, ['draft', 'open'], 'contest.design.declare', async (tx, c) => {
    await repo.updateDesign(tx, c, body.design);
    return { result: null, detail: { design: body.design } };
  });
  return getContest(db, actor, id);
}

function toEntry(e: Awaited<ReturnType<typeof repo.entriesOf>>[number]): Entry {
  return {
    id: e.id,
    orgId: e.org_id,
    orgName: e.org_name,
    title: e.title,
    performers: (e.performers ?? []) as Entry['performers'],
    attachments: (e.attachments ?? []) as string[],
  };
}

/** Adds an entry sent by a unit below (or at) the organising node, while the contest is a draft or open. */
export async function addEntry(db: Kysely<DB>, actor: Actor, id: number, body: CreateEntryBody): Promise<Entry> {
  const entryId = await changeContest(db, actor, id, ['draft', 'open'], 'contest.entry.create', async (tx, c) => {
    const unit = await repo.findEntrantUnit(tx, scopeFor(actor, 'org.read'), c, body.orgId);
    if (!unit) throw new AppError('NOT_FOUND');
    const entryId = await repo.insertEntry(tx, c, {
      orgId: unit.id,
      orgPath: unit.path,
      title: body.title,
      performers: body.performers,
      attachments: body.attachments,
    });
    return { result: entryId, detail: { entryId, title: body.title } };
  });
  const c = await findContestFor(db, actor, 'contest.read', id);
  return toEntry((await repo.entriesOf(db, c)).find((e) => e.id === entryId)!);
}

export async function listEntries(db: Kysely<DB>, actor: Actor, id: number): Promise<{ items: Entry[] }> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  return { items: (await repo.entriesOf(db, c)).map(toEntry) };
}

/** Withdraws an entry before judges are assigned to it. */
export async function removeEntry(db: Kysely<DB>, actor: Actor, id: number, entryId: number): Promise<void> {
  await changeContest(db, actor, id, ['draft', 'open'], 'contest.entry.remove', async (tx, c) => {
    if (await repo.hasSheets(tx, c)) throw new AppError('CONTEST_WRONG_STATUS', { status: c.status });
    await repo.clearAssignments(tx, c);
    if (!(await repo.deleteEntry(tx, c, entryId))) throw new AppError('NOT_FOUND');
    return { result: null, detail: { entryId } };
  });
}

function toJudge(j: Awaited<ReturnType<typeof repo.judgesOf>>[number]): Judge {
  return {
    id: j.id,
    userId: j.user_id,
    username: j.username,
    displayName: j.display_name,
    orgId: j.org_id,
    orgName: j.org_name,
    isChief: j.is_chief,
  };
}

/**
 * Creates a judge account for a contest (the narrow-account pattern of the users module): a user holding 'judge' on
 * the organising node, named by a contest_judge row with the judge's own unit (for conflicts), and a generated first
 * password shown once.
 */
export async function createJudge(db: Kysely<DB>, actor: Actor, id: number, body: CreateJudgeBody): Promise<CreatedJudge> {
  const { firstPassword, passwordHash } = await firstPasswordOf(body.username);
  const judgeId = await db.transaction().execute(async (tx) => {
    const c = await findContestFor(tx, actor, 'contest.write', id, true);
    assertStatus(c, ['draft', 'open']);
    const unit = await findOrgFor(tx, actor, 'org.read', body.orgId);
    const userId = await createNarrowAccount(
      tx,
      actor,
      { username: body.username, displayName: body.displayName, passwordHash, role: 'judge', node: c },
      { action: 'contest.judge.create', target: { type: 'contest', id, orgPath: c.org_path }, detail: { isChief: body.isChief } },
    );
    return repo.insertJudge(tx, c, { userId, unitId: unit.id, unitPath: unit.path, isChief: body.isChief });
  });
  const c = await findContestFor(db, actor, 'contest.read', id);
  return { ...toJudge((await repo.judgesOf(db, c)).find((j) => j.id === judgeId)!), firstPassword };
}

export async function listJudges(db: Kysely<DB>, actor: Actor, id: number): Promise<{ items: Judge[] }> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  return { items: (await repo.judgesOf(db, c)).map(toJudge) };
}

/** Records a conflict a judge declared (refused by the database once the pair is assigned). */
export async function declareConflict(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  body: DeclareConflictBody,
): Promise<{ judgeId: number; entryId: number }> {
  await changeContest(db, actor, id, ['draft', 'open'], 'contest.conflict.declare', async (tx, c) => {
    if (!(await repo.insertConflict(tx, c, { ...body, userId: actor.userId })))
      throw new AppError('CONTEST_UNKNOWN_REFERENCE', { detail: `${body.judgeId}/${body.entryId}` });
    return { result: null, detail: { judgeId: body.judgeId, entryId: body.entryId } };
  });
  return { judgeId: body.judgeId, entryId: body.entryId };
}

/** The conflicts of a contest: those declared (who, when, why) and those the tree makes, each with its relation. */
export async function listConflicts(db: Kysely<DB>, actor: Actor, id: number): Promise<Conflicts> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  const [declared, automatic] = await Promise.all([repo.declaredConflictsOf(db, c), repo.treeConflictsOf(db, c)]);
  return {
    declared: declared.map((d) => ({
      judgeId: d.judge_id,
      judgeName: d.judge_name,
      judgeUnit: d.judge_unit,
      entryId: d.entry_id,
      entryTitle: d.entry_title,
      entryUnit: d.entry_unit,
      reason: d.reason,
      declaredBy: d.declared_by,
      declaredAt: new Date(d.created_at).toISOString(),
    })),
    automatic: automatic.map((a) => ({
      judgeId: a.judge_id,
      judgeName: a.judge_name,
      judgeUnit: a.judge_unit,
      entryId: a.entry_id,
      entryTitle: a.entry_title,
      entryUnit: a.entry_unit,
      relation: a.relation,
    })),
  };
}

/**
 * Assigns panels of the contest's panel size automatically (assignJudges: no conflicted pair, loads balanced),
 * replacing an earlier assignment; refused when an entry cannot get a full panel. The database refuses any
 * conflicted pair on its own.
 */
export async function assignPanels(db: Kysely<DB>, actor: Actor, id: number): Promise<Assignments> {
  await changeContest(db, actor, id, ['open'], 'contest.assign', async (tx, c) => {
    if (await repo.hasSheets(tx, c)) throw new AppError('CONTEST_WRONG_STATUS', { status: c.status });
    const [judges, entries, declared] = await Promise.all([repo.judgesOf(tx, c), repo.entriesOf(tx, c), repo.conflictsOf(tx, c)]);
    const assignment = assignJudges(
      judges.map((j) => ({ judgeId: String(j.id), orgPath: j.org_path })),
      entries.map((e) => ({ entryId: String(e.id), orgPath: e.org_path })),
      c.panel_size,
      declared.map((d) => ({ judgeId: String(d.judge_id), entryId: String(d.entry_id) })),
    );
    if (assignment.shortfalls.length > 0) throw new AppError('CONTEST_PANEL_SHORT', { count: assignment.shortfalls.length });
    await repo.clearAssignments(tx, c);
    await repo.insertAssignments(
      tx,
      c,
      assignment.pairs.map((p) => ({ judgeId: Number(p.judgeId), entryId: Number(p.entryId) })),
    );
    return { result: null, detail: { pairs: assignment.pairs.length, panelSize: c.panel_size } };
  });
  return listAssignments(db, actor, id);
}

export async function listAssignments(db: Kysely<DB>, actor: Actor, id: number): Promise<Assignments> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  const rows = await repo.assignmentsOf(db, c);
  const loads: Record<string, number> = {};
  for (const r of rows) loads[String(r.judge_id)] = (loads[String(r.judge_id)] ?? 0) + 1;
  return { items: rows.map((r) => ({ id: r.id, judgeId: r.judge_id, entryId: r.entry_id, sheetStatus: r.sheet_status })), loads };
}
