import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/contests.errors.js';
import type { Amendment, Appeal, ChiefTies, ContestResult, ResultPreview, ResultSnapshot, Rollup } from '../../../common/contests.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { findOrgFor } from '../orgs/orgs.service.js';
import { aggregate } from './aggregate.js';
import { awardPrizes, OVERALL, type Filled } from './awards.js';
import { toFixed } from './rational.js';
import { mapContestError } from './contests.failures.js';
import { assertNormalisable, assertStatus, findContestFor, type ContestRow } from './contests.service.js';
import { toAmendment } from './contests.judging.service.js';
import * as repo from './contests.repo.js';
import * as judgingRepo from './contests.judging.repo.js';
import * as resultsRepo from './contests.results.repo.js';

/** JSON with object keys sorted at every level: the same result always gives the same bytes, hence the same hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

type Computed = { result: ContestResult; awards: { tierId: number; entryId: number | null; orgId: number; orgPath: string }[] };

/**
 * The scores and the awards as they stand: aggregate() then awardPrizes(). A sheet not submitted is a missing score
 * (409 listing what is missing); the awards may still be blocked by a tie at a boundary (the caller decides).
 */
async function scoreAndAward(db: Executor, c: ContestRow) {
  const [criteria, tiers, entries, judges, assignments, decisions] = await Promise.all([
    repo.criteriaOf(db, c),
    repo.tiersOf(db, c),
    repo.entriesOf(db, c),
    repo.judgesOf(db, c),
    repo.assignmentsOf(db, c),
    judgingRepo.chiefDecisionsOf(db, c),
  ]);
  await assertNormalisable(db, c);
  try {
    const aggregated = aggregate({
      criteria: criteria.map((k) => ({ id: String(k.id), name: k.name, weight: Number(k.weight), maxScore: Number(k.max_score) })),
      judges: judges.map((j) => String(j.id)),
      entries: entries.map((e) => String(e.id)),
      assignment: assignments.map((a) => ({ judgeId: String(a.judge_id), entryId: String(a.entry_id) })),
      sheets: assignments
        .filter((a) => a.sheet_status === 'submitted')
        .map((a) => ({ judgeId: String(a.judge_id), entryId: String(a.entry_id), scores: (a.scores ?? {}) as Record<string, number> })),
      normalisation: c.normalisation,
      ...(c.balanced_design === null ? {} : { declaredBalancedDesign: c.balanced_design }),
    });
    if (aggregated.status === 'blocked') {
      throw new AppError(
        'CONTEST_SCORES_MISSING',
        { count: aggregated.missing.length },
        aggregated.missing.slice(0, 200).map((m) => ({
          path: `entry ${m.entryId}`,
          message: m.judgeId === null ? 'no judge assigned' : `judge ${m.judgeId}: ${m.criterionIds.length} criteria`,
        })),
      );
    }
    const entryById = new Map(entries.map((e) => [String(e.id), e]));
    const unitTier = tiers.find((t) => t.kind === 'unit');
    const tieBreakCriteria = criteria.filter((k) => k.tie_break_rank !== null).sort((a, b) => a.tie_break_rank! - b.tie_break_rank!);
    const awarded = awardPrizes({
      entries: aggregated.entries.map((e) => ({
        entryId: e.entryId,
        unitId: String(entryById.get(e.entryId)!.org_id),
        score: e.score,
        criterionMeans: e.criterionMeans,
      })),
      tieBreakCriteria: tieBreakCriteria.map((k) => String(k.id)),
      ladder: tiers.filter((t) => t.kind === 'ladder').map((t) => ({ id: String(t.id), name: t.name, quota: t.quota })),
      criterionPrizes: tiers
        .filter((t) => t.kind === 'criterion')
        .map((t) => ({ id: String(t.id), name: t.name, quota: t.quota, criterionId: String(t.criterion_id) })),
      ...(unitTier
        ? {
            unitAward: {
              id: String(unitTier.id),
              name: unitTier.name,
              quota: unitTier.quota,
              rule: unitTier.unit_rule ?? 'best-entry-rank',
            },
          }
        : {}),
      ...(c.showcase_size === null ? {} : { showcaseSize: c.showcase_size }),
      chiefDecisions: decisions.map((d) => ({ context: d.context, order: d.ordered_ids as string[] })),
    });
    return { criteria, tieBreakCriteria, tiers, entries, entryById, aggregated, awarded };
  } catch (error) {
    throw mapContestError(error);
  }
}

/** Computes the result; a tie at a boundary without the chief judge's decision is 409 naming it. */
async function compute(db: Executor, c: ContestRow): Promise<Computed> {
  const { entries, entryById, aggregated, awarded } = await scoreAndAward(db, c);
  try {
    if (awarded.status === 'blocked') {
      throw new AppError(
        'CONTEST_TIE_UNRESOLVED',
        { detail: awarded.ties.map((t) => `${t.context === OVERALL ? OVERALL : t.context}@${t.boundary}: ${t.ids.join(',')}`).join('; ') },
        awarded.ties.map((t) => ({ path: t.context, message: `${t.boundary}: ${t.ids.join(',')}` })),
      );
    }
    const filled = (f: Filled) => ({
      tierId: Number(f.id),
      name: f.name,
      quota: f.quota,
      winners: f.winners.map(Number),
      shortfall: f.shortfall,
    });
    const result: ContestResult = {
      contestId: c.id,
      rule: {
        normalisation: aggregated.rules.normalisation,
        balance: aggregated.rules.balance,
        balancedDesign: aggregated.rules.balancedDesign,
        trimmedEntries: aggregated.rules.trimmedEntries,
        plainMeanEntries: aggregated.rules.plainMeanEntries,
      },
      summary: aggregated.rules.summary,
      ranking: awarded.ranking.map((r) => ({ ...r, entryId: Number(r.entryId) })),
      ladder: awarded.ladder.map(filled),
      criterionPrizes: awarded.criterionPrizes.map(filled),
      unitAward: awarded.unitAward === null ? null : filled(awarded.unitAward),
      showcase: (awarded.showcase?.winners ?? []).map(Number),
    };
    const awards: Computed['awards'] = [...awarded.ladder, ...awarded.criterionPrizes].flatMap((f) =>
      f.winners.map((id) => {
        const e = entryById.get(id)!;
        return { tierId: Number(f.id), entryId: e.id, orgId: e.org_id, orgPath: e.org_path };
      }),
    );
    if (awarded.unitAward !== null) {
      const unitPath = new Map(entries.map((e) => [String(e.org_id), e.org_path]));
      for (const u of awarded.unitAward.winners) {
        awards.push({ tierId: Number(awarded.unitAward.id), entryId: null, orgId: Number(u), orgPath: unitPath.get(u)! });
      }
    }
    return { result, awards };
  } catch (error) {
    throw mapContestError(error);
  }
}

function ruleOf(r: ContestResult): string {
  const mean = r.rule.plainMeanEntries === 0 ? 'trimmed-mean' : r.rule.trimmedEntries === 0 ? 'mean' : 'trimmed-mean+mean';
  return `${mean};normalisation=${r.rule.normalisation}`;
}

/** The result as it would be frozen now, with its hash (organisers follow the judging with it). */
export async function previewResult(db: Kysely<DB>, actor: Actor, id: number): Promise<ResultPreview> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  assertStatus(c, ['judging', 'scored', 'notice', 'final']);
  const { result } = await compute(db, c);
  return { sha256: sha256(canonicalJson(result)), result };
}

/** Closes the judging: judging → scored once every score is in and no tie is open (amendments stop here). */
export async function closeJudging(db: Kysely<DB>, actor: Actor, id: number): Promise<ResultPreview> {
  return db.transaction().execute(async (tx) => {
    const c = await findContestFor(tx, actor, 'contest.write', id, true);
    assertStatus(c, ['judging']);
    const { result } = await compute(tx, c);
    await repo.setStatus(tx, c, ['judging'], 'scored');
    const hash = sha256(canonicalJson(result));
    await recordWrite(tx, actor, 'contest.scored', { type: 'contest', id, orgPath: c.org_path }, { sha256: hash });
    return { sha256: hash, result };
  });
}

function toSnapshot(row: NonNullable<Awaited<ReturnType<typeof resultsRepo.resultOf>>>): ResultSnapshot {
  return {
    id: row.id,
    sha256: row.sha256,
    rule: row.rule,
    publishedAt: new Date(row.published_at).toISOString(),
    noticeEndsAt: new Date(row.notice_ends_at).toISOString(),
    result: JSON.parse(row.result) as ContestResult,
  };
}

/** Freezes the result (canonical JSON, SHA-256, the rule that ran) and opens the 公示 notice: scored → notice. */
export async function publishResult(db: Kysely<DB>, actor: Actor, id: number): Promise<ResultSnapshot> {
  await db.transaction().execute(async (tx) => {
    const c = await findContestFor(tx, actor, 'contest.write', id, true);
    assertStatus(c, ['scored']);
    const { result, awards } = await compute(tx, c);
    const text = canonicalJson(result);
    const hash = sha256(text);
    const noticeEndsAt = new Date(Date.now() + c.notice_days * 86_400_000).toISOString();
    const resultId = await resultsRepo.insertResult(tx, c, {
      result: text,
      sha256: hash,
      rule: ruleOf(result),
      noticeEndsAt,
      userId: actor.userId,
    });
    await resultsRepo.insertAwards(tx, resultId, awards);
    await repo.setStatus(tx, c, ['scored'], 'notice', noticeEndsAt);
    await recordWrite(tx, actor, 'contest.publish', { type: 'contest', id, orgPath: c.org_path }, { sha256: hash, noticeEndsAt });
  });
  return getResult(db, actor, id);
}

export async function getResult(db: Kysely<DB>, actor: Actor, id: number): Promise<ResultSnapshot> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  const row = await resultsRepo.resultOf(db, c);
  if (!row) throw new AppError('CONTEST_WRONG_STATUS', { status: c.status });
  return toSnapshot(row);
}

/** Notice → final: refused while the notice runs or an appeal is unanswered. */
export async function finalise(db: Kysely<DB>, actor: Actor, id: number): Promise<ResultSnapshot> {
  await db.transaction().execute(async (tx) => {
    const c = await findContestFor(tx, actor, 'contest.write', id, true);
    assertStatus(c, ['notice']);
    if (c.notice_ends_at !== null && new Date(c.notice_ends_at).getTime() > Date.now()) {
      throw new AppError('CONTEST_NOTICE_RUNNING', { until: new Date(c.notice_ends_at).toISOString() });
    }
    const open = await resultsRepo.openAppeals(tx, c);
    if (open > 0) throw new AppError('CONTEST_APPEALS_OPEN', { count: open });
    await repo.setStatus(tx, c, ['notice'], 'final');
    await recordWrite(tx, actor, 'contest.final', { type: 'contest', id, orgPath: c.org_path }, {});
  });
  return getResult(db, actor, id);
}

export function toAppeal(a: Awaited<ReturnType<typeof resultsRepo.appealsOf>>[number]): Appeal {
  return {
    id: a.id,
    contestId: a.contest_id,
    entryId: a.entry_id,
    text: a.text,
    status: a.status,
    answer: a.answer,
    createdAt: new Date(a.created_at).toISOString(),
  };
}

/** A written appeal by a cadre of the entry's unit (contest.write there), during the notice only. */
export async function fileAppeal(db: Kysely<DB>, actor: Actor, entryId: number, text: string): Promise<Appeal> {
  const appealId = await db.transaction().execute(async (tx) => {
    const entry = await repo.findEntryInScope(tx, scopeFor(actor, 'contest.write'), entryId);
    if (!entry) {
      if (await repo.findEntryInScope(tx, scopeFor(actor, 'contest.read'), entryId)) throw new AppError('FORBIDDEN');
      throw new AppError('NOT_FOUND');
    }
    if (entry.status !== 'notice') throw new AppError('CONTEST_WRONG_STATUS', { status: entry.status });
    if (entry.notice_ends_at !== null && new Date(entry.notice_ends_at).getTime() <= Date.now()) throw new AppError('CONTEST_NOTICE_OVER');
    const appealId = await resultsRepo.insertAppeal(tx, entry, text, actor.userId);
    await recordWrite(tx, actor, 'contest.appeal.file', { type: 'contest_entry', id: entry.id, orgPath: entry.org_path }, { appealId });
    return appealId;
  });
  const c = await repo.findEntryInScope(db, scopeFor(actor, 'contest.write'), entryId);
  const appeals = await resultsRepo.appealsOf(db, { ...c!, id: c!.contest_id, org_path: c!.contest_path });
  return toAppeal(appeals.find((a) => a.id === appealId)!);
}

export async function listAppeals(db: Kysely<DB>, actor: Actor, id: number): Promise<{ items: Appeal[] }> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  return { items: (await resultsRepo.appealsOf(db, c)).map(toAppeal) };
}

/** The organiser answers an appeal (once). */
export async function answerAppeal(db: Kysely<DB>, actor: Actor, id: number, appealId: number, answer: string): Promise<Appeal> {
  await db.transaction().execute(async (tx) => {
    const c = await findContestFor(tx, actor, 'contest.write', id, true);
    if (!(await resultsRepo.answerAppeal(tx, c, appealId, answer, actor.userId))) {
      throw (await resultsRepo.appealExists(tx, c, appealId)) ? new AppError('CONTEST_APPEAL_ANSWERED') : new AppError('NOT_FOUND');
    }
    await recordWrite(tx, actor, 'contest.appeal.answer', { type: 'contest', id, orgPath: c.org_path }, { appealId });
  });
  const c = await findContestFor(db, actor, 'contest.read', id);
  return toAppeal((await resultsRepo.appealsOf(db, c)).find((a) => a.id === appealId)!);
}

/** The amendment trail of a contest, for the organiser. */
export async function listAmendments(db: Kysely<DB>, actor: Actor, id: number): Promise<{ items: Amendment[] }> {
  const c = await findContestFor(db, actor, 'contest.read', id);
  return { items: (await judgingRepo.amendmentsOf(db, c)).map(toAmendment) };
}

/** Awards of frozen results counted by the child nodes of one node of the caller's scope (districts, units). */
export async function rollup(db: Kysely<DB>, actor: Actor, orgId: number): Promise<Rollup> {
  const scope = scopeFor(actor, 'contest.read');
  if (scope.paths.length === 0) throw new AppError('FORBIDDEN');
  const org = await findOrgFor(db, actor, 'org.read', orgId);
  const rows = await resultsRepo.rollup(db, scope, org);
  return { items: rows.map((r) => ({ orgId: r.org_id, orgName: r.org_name, awards: r.awards, entriesAwarded: r.entries_awarded })) };
}

/**
 * The ties the chief judge must order, blind: each tied entry by its code (its number) with its aggregate and its
 * means on the criteria that were compared, in order — never its unit or title. Only the contest's chief judge
 * (404 for anyone else), while judging or scored; an empty list once nothing is tied.
 */
export async function chiefTies(db: Kysely<DB>, actor: Actor, contestId: number): Promise<ChiefTies> {
  const c = await repo.findJudgedContest(db, scopeFor(actor, 'contest.judge'), actor.userId, contestId);
  if (!c || !c.is_chief) throw new AppError('NOT_FOUND');
  if (!['judging', 'scored'].includes(c.status)) throw new AppError('CONTEST_WRONG_STATUS', { status: c.status });
  const { criteria, tieBreakCriteria, tiers, aggregated, awarded } = await scoreAndAward(db, c);
  if (awarded.status === 'complete') return { items: [] };
  const scored = new Map(aggregated.entries.map((e) => [e.entryId, e]));
  return {
    items: awarded.ties.map((t) => {
      const tier = tiers.find((x) => String(x.id) === t.context);
      if (tier?.kind === 'unit') {
        return {
          context: t.context,
          award: tier.name,
          kind: 'unit',
          boundary: t.boundary,
          criteria: [],
          tied: t.ids.map((code) => ({ code, aggregate: null, scores: [] })),
        };
      }
      // A criterion prize compares its own criterion first, then the aggregate and the declared chain.
      const prizeCriterion = criteria.find((k) => tier?.kind === 'criterion' && k.id === tier.criterion_id);
      const compared = [...(prizeCriterion ? [prizeCriterion] : []), ...tieBreakCriteria];
      return {
        context: t.context,
        award: tier?.name ?? OVERALL,
        kind: 'entry',
        boundary: t.boundary,
        criteria: compared.map((k) => k.name),
        tied: t.ids.map((code) => {
          const e = scored.get(code)!;
          return { code, aggregate: toFixed(e.score, 2), scores: compared.map((k) => toFixed(e.criterionMeans[String(k.id)]!, 2)) };
        }),
      };
    }),
  };
}
