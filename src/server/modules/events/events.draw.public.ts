import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/events.errors.js';
import type { AnyDrawExport, PublicDrawRow, PublicEventDraws } from '../../../common/events.draw.js';
import * as drawRepo from './events.draw.repo.js';
import { sessionsOf } from './events.repo.js';
import { drawResultRows } from './draw.js';

/**
 * The public side of the draws (issue #13): the result page anyone may open and the export `verify-draw` checks.
 * Published data only — masked names, opaque entry ids, keys, the seed, the hashes; no caller scope is needed.
 */

function publicRows(d: drawRepo.DrawRow): PublicDrawRow[] {
  if (d.result === null) return [];
  const exp = d.result as AnyDrawExport;
  if (exp.format === 'gonghui.allocation/1') {
    const names = new Map(exp.entries.map((e) => [e.entryId, e.maskedName]));
    let won = 0;
    let waiting = 0;
    return exp.result.turns.map((t) => ({
      entryId: t.entryId,
      maskedName: names.get(t.entryId) ?? '',
      stratum: null,
      key: t.key,
      outcome: t.sessionId === null ? 'waiting' : 'won',
      position: t.sessionId === null ? ++waiting : ++won,
      sessionId: t.sessionId,
      earned: null,
    }));
  }
  if (exp.format === 'gonghui.ranking/1') {
    const earned = new Map(exp.result.ranked.map((r) => [r.entryId, r.earned]));
    const entries = new Map(exp.entries.map((e) => [e.entryId, e]));
    const row = (w: { entryId: string; key: string }, outcome: 'won' | 'waiting', i: number) => ({
      entryId: w.entryId,
      maskedName: entries.get(w.entryId)?.maskedName ?? '',
      stratum: entries.get(w.entryId)?.stratum ?? null,
      key: w.key,
      outcome,
      position: i + 1,
      sessionId: null,
      earned: earned.get(w.entryId) ?? 0,
    });
    return [...exp.result.winners.map((w, i) => row(w, 'won', i)), ...exp.result.waitlist.map((w, i) => row(w, 'waiting', i))];
  }
  return drawResultRows(exp).map((r) => ({ ...r, sessionId: null, earned: null }));
}

/**
 * The public result page: the event's sessions (time and place); for each frozen draw its seed source, hash and time;
 * once drawn, the seed and every masked row.
 */
export async function publicDraws(db: Executor, eventId: number): Promise<PublicEventDraws> {
  const event = await drawRepo.eventForDraw(db, eventId);
  if (!event || event.selection === 'first_come') throw new AppError('NOT_FOUND');
  const [draws, sessions] = await Promise.all([drawRepo.drawsOf(db, event.id), sessionsOf(db, [event.id])]);
  return {
    eventId: event.id,
    title: event.title,
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.starts_at, endsAt: s.ends_at, place: s.place })),
    draws: draws.map((d) => {
      const frozen = d.frozen as { seedSource: string; entries: unknown[] };
      return {
        id: d.id,
        sessionId: d.session_id,
        mode: d.mode,
        seedSource: frozen.seedSource,
        frozenHash: d.frozen_hash,
        frozenAt: d.frozen_at,
        entries: frozen.entries.length,
        seed: d.seed,
        resultHash: d.result_hash,
        rows: publicRows(d),
      };
    }),
  };
}

/** The published export of a drawn draw: what `npm run cli -- verify-draw <file>` recomputes. */
export async function exportDraw(db: Executor, eventId: number, drawId: number): Promise<AnyDrawExport> {
  const draw = await drawRepo.findDraw(db, drawId);
  if (!draw || draw.event_id !== eventId || draw.result === null) throw new AppError('NOT_FOUND');
  return draw.result as AnyDrawExport;
}
