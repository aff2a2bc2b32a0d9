import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/tournaments.errors.js';
import { ConfirmHeatBody, HeatCorrectionBody, HeatResultsBody, ReRowBody, type HeatsView } from '../../../common/tournaments.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { drawHeats as dealHeats, finalLanes } from './heats.js';
import { domain, heatsState, presentHeats, type HeatsState } from './tournaments.view.js';
import { findTournamentFor, isReferee, readActionOf } from './tournaments.service.js';
import * as repo from './tournaments.repo.js';

/*
 * Heats and a final (dragon boats, issue #14). Crews are dealt to heats by seeding with lanes from the centre; the
 * referee enters a race's times, the organiser confirms the race; once every heat is confirmed the progression is
 * computed (by place, then the fastest times, equal times at the cut by the stated rule) and the final drawn from it.
 */

export async function getHeats(db: Kysely<DB>, actor: Actor, id: number): Promise<HeatsView> {
  const t = await findTournamentFor(db, actor, readActionOf(actor), id);
  return presentHeats(t, await heatsState(db, t));
}

/** Deals the crews (best seed first, then order of entry) to heats with lanes from the centre. */
export async function drawHeats(db: Kysely<DB>, actor: Actor, id: number): Promise<HeatsView> {
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    if (t.kind !== 'heats') throw new AppError('TOURNAMENT_WRONG_KIND');
    if ((await repo.lanesOf(tx, t)).length > 0) throw new AppError('TOURNAMENT_DRAWN');
    const teams = (await repo.teamsOf(tx, t)).sort((a, b) => (a.seed ?? Infinity) - (b.seed ?? Infinity) || a.id - b.id);
    const heats = domain(() =>
      dealHeats(
        teams.map((tm) => String(tm.id)),
        t.lanes ?? 0,
      ),
    );
    for (const heat of heats)
      for (const l of heat.lanes)
        await repo.insertLane(tx, t, { stage: 'heat', heat_no: heat.heat, lane: l.lane, team_id: Number(l.crewId) });
    await recordWrite(tx, actor, 'tournament.heats.draw', { type: 'tournament', id, orgPath: t.org_path }, { heats: heats.length });
  });
  return getHeats(db, actor, id);
}

/** The lanes of the race a body names, with its result for each lane: every lane once, a time for each finisher. */
function raceOf(state: HeatsState, body: HeatResultsBody) {
  const lanes = state.lanes.filter((l) => l.stage === body.stage && l.heat_no === body.heat);
  if (lanes.length === 0) throw new AppError('NOT_FOUND');
  const given = new Map(body.results.map((r) => [r.teamId, r]));
  const wellFormed = body.results.every((r) => (r.outcome === 'finished') === (r.timeMs !== undefined));
  if (given.size !== body.results.length || given.size !== lanes.length || !lanes.every((l) => given.has(l.team_id)) || !wellFormed)
    throw new AppError('TOURNAMENT_RESULTS_MISMATCH');
  return { lanes, given };
}

/** The referee enters the outcome of every lane of one race (a heat or the final); it counts once confirmed. */
export async function enterHeatResults(db: Kysely<DB>, actor: Actor, id: number, input: HeatResultsBody): Promise<HeatsView> {
  const body = HeatResultsBody.parse(input);
  const t = await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.referee', id, true);
    if (isReferee(actor) && !(await repo.refereeMayEnter(tx, t, actor.userId, null))) throw new AppError('NOT_FOUND');
    const state = await heatsState(tx, t);
    const { lanes, given } = raceOf(state, body);
    for (const l of lanes) {
      const latest = state.resultOf.get(l.id);
      if (latest?.status === 'confirmed') throw new AppError('TOURNAMENT_RESULT_CONFIRMED');
      const r = given.get(l.team_id)!;
      await repo.insertHeatResult(tx, {
        lane_id: l.id,
        version: (latest?.version ?? 0) + 1,
        status: 'entered',
        outcome: r.outcome,
        time_ms: r.timeMs ?? null,
        user_id: actor.userId,
      });
    }
    await recordWrite(tx, actor, 'tournament.heat.enter', { type: 'tournament', id, orgPath: t.org_path }, { ...body });
    return t;
  });
  // Answered through the tournament found for the referee: a referee account has no tournament.read.
  return presentHeats(t, await heatsState(db, t));
}

/** The organiser confirms the entered results of one race. */
export async function confirmHeat(db: Kysely<DB>, actor: Actor, id: number, input: ConfirmHeatBody): Promise<HeatsView> {
  const body = ConfirmHeatBody.parse(input);
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    const state = await heatsState(tx, t);
    const lanes = state.lanes.filter((l) => l.stage === body.stage && l.heat_no === body.heat);
    if (lanes.length === 0) throw new AppError('NOT_FOUND');
    if (!lanes.every((l) => state.resultOf.get(l.id)?.status === 'entered')) throw new AppError('TOURNAMENT_NOTHING_TO_CONFIRM');
    for (const l of lanes) {
      const r = state.resultOf.get(l.id)!;
      await repo.insertHeatResult(tx, {
        lane_id: l.id,
        version: r.version + 1,
        status: 'confirmed',
        outcome: r.outcome,
        time_ms: r.time_ms,
        user_id: actor.userId,
      });
    }
    await recordWrite(tx, actor, 'tournament.heat.confirm', { type: 'tournament', id, orgPath: t.org_path }, { ...body });
  });
  return getHeats(db, actor, id);
}

/** Draws the final from the progression once every heat is confirmed: heat times decide the lanes, fastest in the centre. */
export async function drawFinal(db: Kysely<DB>, actor: Actor, id: number): Promise<HeatsView> {
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    if (t.kind !== 'heats') throw new AppError('TOURNAMENT_WRONG_KIND');
    const state = await heatsState(tx, t);
    if (state.finalLanes.length > 0) throw new AppError('TOURNAMENT_DRAWN');
    if (!state.progression) throw new AppError('TOURNAMENT_HEATS_INCOMPLETE');
    if (state.progression.reRows.length > 0) throw new AppError('TOURNAMENT_RE_ROW_PENDING');
    const finalists = state.progression.finalists;
    const lanes = domain(() => finalLanes(finalists, t.lanes ?? 0));
    for (const l of lanes) await repo.insertLane(tx, t, { stage: 'final', heat_no: 1, lane: l.lane, team_id: Number(l.crewId) });
    await recordWrite(
      tx,
      actor,
      'tournament.final.draw',
      { type: 'tournament', id, orgPath: t.org_path },
      {
        finalists: finalists.map((f) => ({ teamId: Number(f.crewId), via: f.via })),
        lots: state.progression.lots,
      },
    );
  });
  return getHeats(db, actor, id);
}

/**
 * The organiser corrects a confirmed race (times, DNS/DNF/DSQ) with a reason; the progression and the final's places
 * follow by themselves (computed on read). Correcting a heat once the final is drawn withdraws the final's draw, to be
 * drawn again from the corrected progression; once a crew has a result in the final that needs `override` (audited
 * apart: the final's results no longer count and the final is rowed again) — the discipline of a league correction.
 */
export async function correctHeat(db: Kysely<DB>, actor: Actor, id: number, input: HeatCorrectionBody): Promise<HeatsView> {
  const body = HeatCorrectionBody.parse(input);
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    const state = await heatsState(tx, t);
    const { lanes, given } = raceOf(state, body);
    if (!lanes.every((l) => state.resultOf.get(l.id)?.status === 'confirmed')) throw new AppError('TOURNAMENT_NOTHING_TO_CORRECT');
    const isFinalDrawn = body.stage === 'heat' && state.finalLanes.length > 0;
    const isFinalPlayed = isFinalDrawn && state.finalLanes.some((l) => state.resultOf.has(l.id));
    if (isFinalPlayed && !body.override) throw new AppError('TOURNAMENT_FINAL_PLAYED');
    if (isFinalDrawn) await repo.withdrawFinal(tx, t);
    for (const l of lanes) {
      const r = given.get(l.team_id)!;
      await repo.insertHeatResult(tx, {
        lane_id: l.id,
        version: state.resultOf.get(l.id)!.version + 1,
        status: 'confirmed',
        outcome: r.outcome,
        time_ms: r.timeMs ?? null,
        user_id: actor.userId,
      });
    }
    await recordWrite(
      tx,
      actor,
      isFinalPlayed ? 'tournament.heat.override' : 'tournament.heat.correct',
      { type: 'tournament', id, orgPath: t.org_path },
      { ...body, finalWithdrawn: isFinalDrawn },
    );
  });
  return getHeats(db, actor, id);
}

/**
 * The organiser records the order a re-row decided (heat tie rule 'reRow'): exactly the crews of one pending re-row,
 * best first. Stored immutably; the progression then takes it, and the final can be drawn once no re-row waits.
 */
export async function recordReRow(db: Kysely<DB>, actor: Actor, id: number, input: ReRowBody): Promise<HeatsView> {
  const body = ReRowBody.parse(input);
  await db.transaction().execute(async (tx) => {
    const t = await findTournamentFor(tx, actor, 'tournament.write', id, true);
    if (t.kind !== 'heats') throw new AppError('TOURNAMENT_WRONG_KIND');
    const state = await heatsState(tx, t);
    if (state.finalLanes.length > 0) throw new AppError('TOURNAMENT_DRAWN');
    if (!state.progression) throw new AppError('TOURNAMENT_HEATS_INCOMPLETE');
    const named = new Set(body.teamIds.map(String));
    const pending = state.progression.reRows.find(
      (r) => named.size === body.teamIds.length && r.crewIds.length === named.size && r.crewIds.every((c) => named.has(c)),
    );
    if (!pending) throw new AppError('TOURNAMENT_RE_ROW_UNKNOWN');
    await repo.insertReRow(tx, t, body.teamIds, actor.userId);
    await recordWrite(
      tx,
      actor,
      'tournament.rerow.record',
      { type: 'tournament', id, orgPath: t.org_path },
      { teamIds: body.teamIds, cut: pending.cut, heat: pending.heat },
    );
  });
  return getHeats(db, actor, id);
}
