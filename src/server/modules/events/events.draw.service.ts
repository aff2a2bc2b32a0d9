import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import { maskName } from '../../../common/identity.js';
import { beijingDayStart } from '../../../common/points.programmes.js';
import {
  AllocationFreeze,
  DRAW_LIMITS,
  DrawFreeze,
  type AnyDrawExport,
  type DrawPlanBody,
  type DrawSeedBody,
  type EventDraws,
  type RankingExport,
} from '../../../common/events.draw.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { insertAudit } from '../../audit/audit.store.js';
import { rankingByEarned } from '../points/programmes.service.js';
import * as places from './events.places.repo.js';
import * as drawRepo from './events.draw.repo.js';
import { assertOwner, findEventFor } from './events.service.js';
import { promoteWaitlist } from './events.promotion.js';
import { freezeEntries, runDraw } from './draw.js';
import { freezePreferences, runAllocation } from './allocate.js';
import { DrawInputError, sha256Hex, usableSeed } from './draw.keys.js';
import { runRanking } from './draw.ranking.js';

/**
 * Lottery, points ranking and preferences wired to the database (issue #13). The order of a draw's life:
 * plan (seed source named, quotas, ranking window) → entries during the window → freeze after closesAt (entries,
 * places and quotas hashed; nothing added after) → the seed, once → the draw in one transaction: winners take their
 * places through the same guarded update as first come, the rest join the waitlist in key (or rank) order, which is
 * the order promotion (events.promotion.ts, by waitlist_seq) follows later.
 */

type EventRef = { id: number; title: string; selection: string; org_path: string; promotion: 'auto' | 'offer'; offer_hours: number | null };
type Plan = drawRepo.PlanRow;
type Quota = { sessionId: number; orgId: number; quota: number };

/** The opaque id of an entry in every published list: region and registration id, nothing personal. */
const entryIdOf = (e: { region_id: number; id: number }) => `${e.region_id}-${e.id}`;
function registrationOf(entryId: string): { region_id: number; id: number } {
  const [region, id] = entryId.split('-');
  return { region_id: Number(region), id: Number(id) };
}
/** The stratum of an entry for quotas: the member's union (unit) when they entered. */
const stratumOf = (orgId: number) => `org:${orgId}`;

function invalid(error: unknown): never {
  if (error instanceof DrawInputError) throw new AppError('EVENT_DRAW_INVALID', { detail: error.message });
  throw error;
}

/** The event where the caller may write (404 where unseen, 403 where only read), of a draw mode. */
async function drawEventFor(tx: Executor, actor: Actor, eventId: number) {
  const event = await findEventFor(tx, actor, eventId);
  assertOwner(actor, event);
  if (event.selection === 'first_come') throw new AppError('EVENT_DRAW_INVALID', { detail: 'first come / 先到先得' });
  return event;
}

/** Declares (or corrects, until the first freeze) the seed source, the quotas and a ranking's points window. */
export async function declarePlan(db: Kysely<DB>, actor: Actor, eventId: number, body: DrawPlanBody): Promise<EventDraws> {
  await db.transaction().execute(async (tx) => {
    const event = await drawEventFor(tx, actor, eventId);
    const sessions = await drawRepo.sessionsForFreeze(tx, event);
    if (sessions.some((s) => s.frozen)) throw new AppError('EVENT_DRAW_FROZEN');
    const ids = new Set(sessions.map((s) => s.id));
    if (body.quotas.some((q) => !ids.has(q.sessionId))) throw new AppError('NOT_FOUND');
    if ((event.selection === 'points_ranking') !== (body.ranking !== undefined))
      throw new AppError('EVENT_DRAW_INVALID', {
        detail: 'ranking window: points ranking only, and required there / 积分排名须且仅须给出积分统计区间',
      });
    if (event.selection === 'preferences' && body.quotas.length > 0)
      throw new AppError('EVENT_DRAW_INVALID', { detail: 'no quotas in preferences / 志愿分配不设单位名额' });
    const r = body.ranking;
    await drawRepo.upsertPlan(tx, {
      eventId: event.id,
      seedSource: body.seedSource,
      quotas: body.quotas,
      programmeId: r?.programmeId ?? null,
      earnedFrom: r ? beijingDayStart(r.from).toISOString() : null,
      earnedTo: r ? new Date(beijingDayStart(r.to).getTime() + 24 * 3600 * 1000).toISOString() : null,
    });
    await recordWrite(
      tx,
      actor,
      'event.draw.plan',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { seedSource: body.seedSource },
    );
  });
  return getDraws(db, actor, eventId);
}

/**
 * Freezes every closed, unfrozen session of the event (lottery, ranking: one draw each) or, for preferences, the whole
 * event once every session has closed. Sessions are locked FOR UPDATE, so an entry being written either lands before
 * the freeze reads the list or sees the freeze and is refused. Answers how many draws were frozen.
 */
async function freezeIn(tx: Executor, event: EventRef, plan: Plan): Promise<number> {
  const sessions = await drawRepo.sessionsForFreeze(tx, event);
  const frozenAt = await drawRepo.nowIso(tx);
  const seedSource = plan.seed_source;
  if (event.selection === 'preferences') {
    if (sessions.some((s) => s.frozen)) throw new AppError('EVENT_DRAW_FROZEN');
    if (sessions.some((s) => !s.closed)) throw new AppError('EVENT_DRAW_WINDOW_OPEN');
    const entries = await drawRepo.entriesOf(tx, event.id, null);
    let frozen;
    try {
      frozen = freezePreferences({
        title: event.title,
        seedSource,
        frozenAt,
        sessions: sessions.map((s) => ({ sessionId: String(s.id), capacity: s.capacity - s.confirmed })),
        entries: entries.map((e) => ({
          entryId: entryIdOf(e),
          maskedName: maskName(e.member_name),
          choices: e.choices ?? [String(e.session_id)],
        })),
      });
    } catch (error) {
      invalid(error);
    }
    const { canonical: _c, frozenHash, ...freeze } = frozen;
    await drawRepo.insertDraw(tx, { eventId: event.id, sessionId: null, mode: 'preferences', frozen: freeze, frozenHash, frozenAt });
    return 1;
  }
  const due = sessions.filter((s) => s.closed && !s.frozen);
  if (due.length === 0) throw new AppError(sessions.some((s) => !s.closed) ? 'EVENT_DRAW_WINDOW_OPEN' : 'EVENT_DRAW_FROZEN');
  const quotas = plan.quotas as Quota[];
  for (const s of due) {
    const entries = await drawRepo.entriesOf(tx, event.id, s.id);
    let frozen;
    try {
      frozen = freezeEntries({
        title: event.title,
        seedSource,
        frozenAt,
        places: s.capacity - s.confirmed,
        quotas: quotas.filter((q) => q.sessionId === s.id).map((q) => ({ stratum: stratumOf(q.orgId), quota: q.quota })),
        entries: entries.map((e) => ({ entryId: entryIdOf(e), maskedName: maskName(e.member_name), stratum: stratumOf(e.org_id) })),
      });
    } catch (error) {
      invalid(error);
    }
    const { canonical: _c, frozenHash, ...freeze } = frozen;
    const mode = event.selection === 'points_ranking' ? 'points_ranking' : 'lottery';
    await drawRepo.insertDraw(tx, { eventId: event.id, sessionId: s.id, mode, frozen: freeze, frozenHash, frozenAt });
  }
  return due.length;
}

/** A cadre freezes the entries of the event's closed sessions (see freezeIn); the plan must be declared first. */
export async function freezeDraws(db: Kysely<DB>, actor: Actor, eventId: number): Promise<EventDraws> {
  await db.transaction().execute(async (tx) => {
    const event = await drawEventFor(tx, actor, eventId);
    const plan = await drawRepo.findPlan(tx, event.id);
    if (!plan) throw new AppError('EVENT_DRAW_NO_PLAN');
    const frozen = await freezeIn(tx, event, plan);
    await recordWrite(tx, actor, 'event.draw.freeze', { type: 'event', id: event.id, orgPath: event.org_path }, { draws: frozen });
  });
  return getDraws(db, actor, eventId);
}

/**
 * The freeze job: every open event of a draw mode with a declared plan and a closed, unfrozen session is frozen,
 * each in its own transaction (audited as the system). Idempotent. Answers how many draws were frozen.
 */
export async function freezeDueDraws(db: Kysely<DB>, limit = 50): Promise<number> {
  let total = 0;
  for (const eventId of await drawRepo.eventsDueForFreeze(db, limit)) {
    try {
      total += await db.transaction().execute(async (tx) => {
        const event = await drawRepo.eventForDraw(tx, eventId);
        const plan = await drawRepo.findPlan(tx, eventId);
        if (!event || !plan) return 0;
        const frozen = await freezeIn(tx, event, plan);
        await insertAudit(tx, {
          userId: null,
          username: null,
          action: 'event.draw.freeze',
          targetType: 'event',
          targetId: event.id,
          orgPath: event.org_path,
          result: 'ok',
          ip: null,
          detail: { draws: frozen, by: 'job' },
        });
        return frozen;
      });
    } catch (error) {
      // A preferences event with a session still open, or one another worker froze first: its turn comes later.
      if (!(error instanceof AppError)) throw error;
    }
  }
  return total;
}

/** Winners take places through the guarded update, in order; the rest wait in the order given. */
async function applyOutcome(
  tx: Executor,
  event: EventRef,
  placed: readonly { entryId: string; sessionId: number }[],
  waiting: readonly { entryId: string; sessionId: number }[],
): Promise<void> {
  const overflow: { entryId: string; sessionId: number }[] = [];
  const unfilled = new Map<number, number>();
  for (const p of placed) {
    if (!(await places.takePlace(tx, p.sessionId))) {
      overflow.push(p);
      continue;
    }
    if (!(await drawRepo.confirmEntry(tx, registrationOf(p.entryId), p.sessionId))) {
      // Cancelled between freeze and draw: the place goes back, then to the waitlist's head below.
      await places.releasePlaces(tx, p.sessionId, 1);
      unfilled.set(p.sessionId, (unfilled.get(p.sessionId) ?? 0) + 1);
    }
  }
  for (const w of [...overflow, ...waiting]) await drawRepo.waitlistEntry(tx, registrationOf(w.entryId), w.sessionId);
  for (const [sessionId, freed] of [...unfilled].sort((a, b) => a[0] - b[0]))
    await promoteWaitlist(tx, { sessionId, promotion: event.promotion, offerHours: event.offer_hours }, freed);
}

/** The points ranking (积分排行, draw.ranking.ts) with the points earned in the plan's window, read now. */
async function rankingOf(
  tx: Executor,
  actor: Actor,
  event: EventRef,
  draw: drawRepo.DrawRow,
  plan: Plan,
  seed: string,
): Promise<RankingExport> {
  if (plan.programme_id === null || plan.earned_from === null || plan.earned_to === null)
    throw new AppError('EVENT_DRAW_INVALID', { detail: 'no ranking window / 未设积分统计区间' });
  const entries = await drawRepo.entriesOf(tx, event.id, draw.session_id);
  const ranking = await rankingByEarned(
    tx,
    scopeFor(actor, 'points.read'),
    plan.programme_id,
    new Date(plan.earned_from),
    new Date(plan.earned_to),
    DRAW_LIMITS.entries,
  );
  const earned = new Map(ranking.map((r) => [r.memberId, r.earned]));
  return runRanking(DrawFreeze.parse(draw.frozen), {
    frozenHash: draw.frozen_hash,
    seed,
    earnedFrom: plan.earned_from,
    earnedTo: plan.earned_to,
    facts: entries.map((e) => ({ entryId: entryIdOf(e), earned: earned.get(e.member_id) ?? 0, signedUpAt: e.created_at })),
  });
}

/** Runs one frozen draw with the seed and applies its outcome; answers the export to store. */
async function runOne(
  tx: Executor,
  actor: Actor,
  event: EventRef,
  draw: drawRepo.DrawRow,
  plan: Plan,
  seed: string,
): Promise<AnyDrawExport> {
  try {
    if (draw.mode === 'preferences') {
      const exp = runAllocation({ ...AllocationFreeze.parse(draw.frozen), seed, frozenHash: draw.frozen_hash });
      const given = exp.result.turns.flatMap((t) => (t.sessionId === null ? [] : [{ entryId: t.entryId, sessionId: Number(t.sessionId) }]));
      const waiting = exp.result.waitlists.flatMap((w) => w.entryIds.map((entryId) => ({ entryId, sessionId: Number(w.sessionId) })));
      await applyOutcome(tx, event, given, waiting);
      return exp;
    }
    const sessionId = draw.session_id!;
    const exp =
      draw.mode === 'lottery'
        ? runDraw({ ...DrawFreeze.parse(draw.frozen), seed, frozenHash: draw.frozen_hash })
        : await rankingOf(tx, actor, event, draw, plan, seed);
    await applyOutcome(
      tx,
      event,
      exp.result.winners.map((w) => ({ entryId: w.entryId, sessionId })),
      exp.result.waitlist.map((w) => ({ entryId: w.entryId, sessionId })),
    );
    return exp;
  } catch (error) {
    invalid(error);
  }
}

/**
 * The cadre enters the seed from the named source, once, after freezing: every frozen draw of the event runs in this
 * one transaction and its export and the export's SHA-256 are stored.
 */
export async function enterSeed(db: Kysely<DB>, actor: Actor, eventId: number, body: DrawSeedBody): Promise<EventDraws> {
  await db.transaction().execute(async (tx) => {
    const event = await drawEventFor(tx, actor, eventId);
    const draws = await drawRepo.drawsOf(tx, event.id, true);
    if (draws.length === 0) throw new AppError('EVENT_DRAW_NOT_FROZEN');
    const pending = draws.filter((d) => d.seed === null);
    if (pending.length === 0) throw new AppError('EVENT_DRAW_DONE');
    const plan = await drawRepo.findPlan(tx, event.id);
    if (!plan) throw new AppError('EVENT_DRAW_NO_PLAN');
    for (const draw of pending) {
      const exp = await runOne(tx, actor, event, draw, plan, body.seed);
      if (!(await drawRepo.saveResult(tx, draw.id, exp.seed, exp, sha256Hex(JSON.stringify(exp))))) throw new AppError('EVENT_DRAW_DONE');
    }
    await recordWrite(
      tx,
      actor,
      'event.draw.seed',
      { type: 'event', id: event.id, orgPath: event.org_path },
      { draws: pending.map((d) => d.id), seed: usableSeed(body.seed) },
    );
  });
  return getDraws(db, actor, eventId);
}

/** The console's view: the plan and every draw with its hash, seed and counts (cadre, in scope). */
export async function getDraws(db: Executor, actor: Actor, eventId: number): Promise<EventDraws> {
  const event = await findEventFor(db, actor, eventId);
  const [plan, draws] = await Promise.all([drawRepo.findPlan(db, event.id), drawRepo.drawsOf(db, event.id)]);
  const summaries = [];
  for (const d of draws) {
    const counts = d.seed === null ? null : await drawRepo.outcomeCounts(db, event.id, d.session_id);
    const entries = (d.frozen as { entries: unknown[] }).entries.length;
    summaries.push({
      id: d.id,
      sessionId: d.session_id,
      mode: d.mode,
      entries,
      frozenHash: d.frozen_hash,
      frozenAt: d.frozen_at,
      seed: d.seed,
      resultHash: d.result_hash,
      drawnAt: d.drawn_at,
      confirmed: counts?.confirmed ?? null,
      waitlisted: counts?.waitlisted ?? null,
    });
  }
  return {
    eventId: event.id,
    plan: plan
      ? {
          seedSource: plan.seed_source,
          quotas: plan.quotas as Quota[],
          ranking:
            plan.programme_id !== null && plan.earned_from !== null && plan.earned_to !== null
              ? { programmeId: plan.programme_id, from: plan.earned_from, to: plan.earned_to }
              : null,
          declaredAt: plan.declared_at,
        }
      : null,
    draws: summaries,
  };
}
