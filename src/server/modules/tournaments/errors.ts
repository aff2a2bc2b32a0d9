/**
 * The one error of the pure tournament functions (issue #14): a code the service will map to an AppError once the
 * module is wired, and the message in both languages (zh-CN first).
 */
export type TournamentInputCode = 'too_few_teams' | 'too_many_teams' | 'duplicate_team' | 'invalid_input' | 'unknown_team';

export class TournamentInputError extends Error {
  readonly code: TournamentInputCode;
  readonly zh: string;

  constructor(code: TournamentInputCode, zh: string, en: string) {
    super(en);
    this.name = 'TournamentInputError';
    this.code = code;
    this.zh = zh;
  }
}

/** Refuses an empty, blank or duplicated team id. */
export function assertDistinctIds(ids: readonly string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (id.trim() === '') throw new TournamentInputError('invalid_input', '队伍编号不能为空', 'a team id is empty');
    if (seen.has(id)) throw new TournamentInputError('duplicate_team', `队伍重复：${id}`, `team listed twice: ${id}`);
    seen.add(id);
  }
}
