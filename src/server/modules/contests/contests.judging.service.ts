import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/contests.errors.js';
import type { AmendBody, Amendment, ChiefDecisionBody, MyContests, SaveSheetBody, Sheet } from '../../../common/contests.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { decimal } from './aggregate.js';
import { mapContestError } from './contests.failures.js';
import * as repo from './contests.repo.js';
import * as judgingRepo from './contests.judging.repo.js';

/**
 * The judge's side (the narrow 'judge' role): every look-up names the caller's own contest_judge row inside its
 * contest.judge scope, so another judge's sheet, or any sheet for a cadre, is simply not found.
 */

/** The contests the caller judges and the entries assigned to it; an empty list for anyone else. */
export async function myContests(db: Kysely<DB>, actor: Actor): Promise<MyContests> {
  const rows = await judgingRepo.myAssignments(db, scopeFor(actor, 'contest.judge'), actor.userId);
  const byContest = new Map<number, MyContests['items'][number]>();
  for (const r of rows) {
    const c = byContest.get(r.contest_id) ?? {
      contestId: r.contest_id,
      name: r.name,
      status: r.status,
      isChief: r.is_chief,
      assignments: [],
    };
    if (r.assignment_id !== null && r.entry_id !== null && r.title !== null) {
      c.assignments.push({ assignmentId: r.assignment_id, entryId: r.entry_id, title: r.title, sheetStatus: r.sheet_status });
    }
    byContest.set(r.contest_id, c);
  }
  return { items: [...byContest.values()] };
}

async function mine(db: Executor, actor: Actor, assignmentId: number, forUpdate = false) {
  const a = await judgingRepo.findMyAssignment(db, scopeFor(actor, 'contest.judge'), actor.userId, assignmentId, forUpdate);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

export function toAmendment(m: Awaited<ReturnType<typeof judgingRepo.amendmentsOf>>[number]): Amendment {
  return {
    id: m.id,
    sheetId: m.sheet_id,
    judgeId: m.judge_id,
    entryId: m.entry_id,
    criterionId: m.criterion_id,
    oldScore: Number(m.old_score),
    newScore: Number(m.new_score),
    reason: m.reason,
    byUsername: m.username,
    at: new Date(m.created_at).toISOString(),
  };
}

const scoresOf = (value: unknown): Record<string, number> => (value ?? {}) as Record<string, number>;

/** The caller's sheet for one assigned entry: the criteria with their maxima, its own scores and amendments. */
export async function mySheet(db: Kysely<DB>, actor: Actor, assignmentId: number): Promise<Sheet> {
  const a = await mine(db, actor, assignmentId);
  const contest = { ...a, id: a.contest_id };
  const [criteria, sheet] = await Promise.all([repo.criteriaOf(db, contest), judgingRepo.sheetOf(db, a)]);
  const amendments = sheet ? await judgingRepo.amendmentsOf(db, contest, sheet.id) : [];
  return {
    assignmentId: a.id,
    contestId: a.contest_id,
    entryId: a.entry_id,
    title: a.title,
    status: sheet?.status ?? 'draft',
    criteria: criteria.map((k) => ({
      id: k.id,
      name: k.name,
      weight: Number(k.weight),
      maxScore: Number(k.max_score),
      decimals: k.decimals,
      tieBreakRank: k.tie_break_rank,
    })),
    scores: scoresOf(sheet?.scores),
    amendments: amendments.map(toAmendment),
  };
}

type CriterionRow = Awaited<ReturnType<typeof repo.criteriaOf>>[number];

/** Every score names a criterion of the contest and lies in 0..max with at most the criterion's decimals. */
function checkScores(criteria: readonly CriterionRow[], scores: Record<string, number>): void {
  for (const [id, value] of Object.entries(scores)) {
    const k = criteria.find((c) => String(c.id) === id);
    if (!k) throw new AppError('CONTEST_UNKNOWN_REFERENCE', { detail: `criterion ${id}` });
    try {
      decimal(value, k.decimals, k.name);
    } catch (error) {
      throw mapContestError(error);
    }
    if (value < 0 || value > Number(k.max_score))
      throw new AppError('CONTEST_SCORE_OUT_OF_RANGE', { detail: `${k.name}: 0–${Number(k.max_score)}` });
  }
}

/** Saves the caller's draft (while judging); refused once submitted. */
export async function saveSheet(db: Kysely<DB>, actor: Actor, assignmentId: number, body: SaveSheetBody): Promise<Sheet> {
  await db.transaction().execute(async (tx) => {
    const a = await mine(tx, actor, assignmentId, true);
    if (a.contest_status !== 'judging') throw new AppError('CONTEST_WRONG_STATUS', { status: a.contest_status });
    checkScores(await repo.criteriaOf(tx, { ...a, id: a.contest_id }), body.scores);
    if (!(await judgingRepo.saveDraft(tx, a, body.scores))) throw new AppError('CONTEST_SHEET_SUBMITTED');
    await recordWrite(
      tx,
      actor,
      'contest.sheet.save',
      { type: 'contest_assignment', id: a.id, orgPath: a.org_path },
      { entryId: a.entry_id },
    );
  });
  return mySheet(db, actor, assignmentId);
}

/** Submits the caller's sheet: draft → submitted exactly once (a guarded update), every criterion scored. */
export async function submitSheet(db: Kysely<DB>, actor: Actor, assignmentId: number): Promise<Sheet> {
  await db.transaction().execute(async (tx) => {
    const a = await mine(tx, actor, assignmentId);
    if (a.contest_status !== 'judging') throw new AppError('CONTEST_WRONG_STATUS', { status: a.contest_status });
    const [criteria, sheet] = await Promise.all([repo.criteriaOf(tx, { ...a, id: a.contest_id }), judgingRepo.sheetOf(tx, a)]);
    if (sheet?.status === 'submitted') throw new AppError('CONTEST_SHEET_SUBMITTED');
    const scores = scoresOf(sheet?.scores);
    const empty = criteria.filter((k) => scores[String(k.id)] === undefined).map((k) => k.name);
    if (empty.length > 0) throw new AppError('CONTEST_SHEET_INCOMPLETE', { detail: empty.join('、') });
    if (!(await judgingRepo.submitSheet(tx, a))) throw new AppError('CONTEST_SHEET_SUBMITTED');
    await recordWrite(
      tx,
      actor,
      'contest.sheet.submit',
      { type: 'contest_assignment', id: a.id, orgPath: a.org_path },
      { entryId: a.entry_id, scores },
    );
  });
  return mySheet(db, actor, assignmentId);
}

/** Changes one score of a submitted sheet: an immutable amendment row with the reason, and an audit entry. */
export async function amendSheet(db: Kysely<DB>, actor: Actor, assignmentId: number, body: AmendBody): Promise<Sheet> {
  await db.transaction().execute(async (tx) => {
    const a = await mine(tx, actor, assignmentId, true);
    if (a.contest_status !== 'judging') throw new AppError('CONTEST_WRONG_STATUS', { status: a.contest_status });
    const sheet = await judgingRepo.sheetOf(tx, a);
    if (sheet?.status !== 'submitted') throw new AppError('CONTEST_SHEET_NOT_SUBMITTED');
    const key = String(body.criterionId);
    checkScores(await repo.criteriaOf(tx, { ...a, id: a.contest_id }), { [key]: body.score });
    const scores = scoresOf(sheet.scores);
    const oldScore = scores[key]!;
    await judgingRepo.amendSheet(tx, sheet.id, {
      criterionId: body.criterionId,
      oldScore,
      newScore: body.score,
      reason: body.reason,
      userId: actor.userId,
      scores: { ...scores, [key]: body.score },
    });
    await recordWrite(
      tx,
      actor,
      'contest.sheet.amend',
      { type: 'contest_assignment', id: a.id, orgPath: a.org_path },
      { entryId: a.entry_id, criterionId: body.criterionId, oldScore, newScore: body.score, reason: body.reason },
    );
  });
  return mySheet(db, actor, assignmentId);
}

/** The chief judge records the order of entries (or units) still tied at a boundary; 404 for anyone else. */
export async function recordChiefDecision(
  db: Kysely<DB>,
  actor: Actor,
  contestId: number,
  body: ChiefDecisionBody,
): Promise<{ context: string; order: string[] }> {
  await db.transaction().execute(async (tx) => {
    const c = await repo.findJudgedContest(tx, scopeFor(actor, 'contest.judge'), actor.userId, contestId);
    if (!c || !c.is_chief) throw new AppError('NOT_FOUND');
    if (!['judging', 'scored'].includes(c.status)) throw new AppError('CONTEST_WRONG_STATUS', { status: c.status });
    await judgingRepo.recordChiefDecision(tx, c, { context: body.context, order: body.order, userId: actor.userId });
    await recordWrite(tx, actor, 'contest.chief_decision', { type: 'contest', id: c.id, orgPath: c.org_path }, { ...body });
  });
  return { context: body.context, order: body.order };
}
