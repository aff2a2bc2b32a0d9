import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/tournaments.errors.js';
import { MatchSlotBody, type Match, type MatchPage, type ResultListQuery } from '../../../common/tournaments.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../../audit/audit.js';
import { listPage } from '../../http/list-page.js';
import { boundedTotal } from '../../http/list-total.js';
import { leagueState, presentMatch } from './tournaments.view.js';
import { findMatchTournamentFor, findTournamentFor } from './tournaments.service.js';
import * as repo from './tournaments.repo.js';

/*
 * The schedule's working parts (issue #14): when and where each match is played, and the results of the matches a
 * page at a time for the organiser's confirmation and correction.
 */

/** The organiser sets (or clears) a match's kickoff and venue; refused once the match has a result. */
export async function setMatchSlot(db: Kysely<DB>, actor: Actor, matchId: number, input: MatchSlotBody): Promise<Match> {
  const body = MatchSlotBody.parse(input);
  const t = await db.transaction().execute(async (tx) => {
    const t = await findMatchTournamentFor(tx, actor, 'tournament.write', matchId);
    const latest = await repo.latestResultOf(tx, t, matchId);
    if (latest && latest.status !== 'voided') throw new AppError('TOURNAMENT_MATCH_PLAYED');
    await repo.setMatchSlot(tx, t, matchId, body);
    await recordWrite(tx, actor, 'tournament.match.slot', { type: 'tournament_match', id: matchId, orgPath: t.org_path }, { ...body });
    return t;
  });
  const state = await leagueState(db, t);
  return presentMatch(
    state,
    state.matches.find((m) => m.row.id === matchId)!,
  );
}

/** The matches whose latest result is entered (waiting for confirmation) or confirmed, by match number, with a total. */
export async function listResults(db: Kysely<DB>, actor: Actor, id: number, query: ResultListQuery): Promise<MatchPage> {
  const t = await findTournamentFor(db, actor, 'tournament.read', id);
  const matches = repo.resultMatchesQuery(db, t, query.status);
  return listPage(query, {
    cursor: 'number',
    read: async (after) => (after === undefined ? matches : matches.where('m.id', '>', after)).limit(query.limit + 1).execute(),
    present: async (rows) => {
      const state = await leagueState(db, t);
      const byId = new Map(state.matches.map((m) => [m.row.id, m]));
      return rows.map((r) => presentMatch(state, byId.get(r.id)!));
    },
    sortKey: (last) => last.id,
    total: () => boundedTotal(db, matches),
  });
}
