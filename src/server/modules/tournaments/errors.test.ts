import { describe, expect, it } from 'vitest';
import { TournamentInputError, assertDistinctIds } from './errors.js';

describe('TournamentInputError', () => {
  it('carries a code and the message in both languages', () => {
    const error = new TournamentInputError('too_few_teams', '循环赛至少需要2支队伍', 'a round-robin needs at least 2 teams');
    expect(error).toBeInstanceOf(Error);
    expect([error.code, error.zh, error.message, error.name]).toEqual([
      'too_few_teams',
      '循环赛至少需要2支队伍',
      'a round-robin needs at least 2 teams',
      'TournamentInputError',
    ]);
  });

  it('refuses a blank or repeated id and accepts distinct ones', () => {
    expect(() => assertDistinctIds(['a', 'b'])).not.toThrow();
    expect(() => assertDistinctIds(['a', ' '])).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => assertDistinctIds(['a', 'a'])).toThrow(expect.objectContaining({ code: 'duplicate_team' }));
  });
});
