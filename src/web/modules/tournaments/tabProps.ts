import type { TournamentDetail } from '../../../common/tournaments.js';

/** What each tab of the tournament page receives: the tournament, a version bumped by any change, and who may write. */
export type TabProps = { tournament: TournamentDetail; version: number; canWrite: boolean; onChanged: () => void };
