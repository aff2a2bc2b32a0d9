/**
 * Preferences across sessions (issue #13): one seeded order, everyone their best session with room. Properties:
 * no capacity exceeded, nobody given a session they did not choose, nobody given a worse session while a better one
 * of theirs had room at their turn, the unplaced wait on their first choice in order, every allocation verifies and
 * any single tampered field is found.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AllocationExport, AllocationFreeze } from '../../../common/events.draw.js';
import { freezePreferences, runAllocation, verifyAllocation } from './allocate.js';
import { verifyExportText } from './draw.js';

const base = {
  title: '科技+杏福 走进科技企业',
  seedSource: '中国福利彩票福彩3D 2026-12-01 开奖号码（百十个位，空格分隔）',
  frozenAt: '2026-11-30T16:00:00.000Z',
};

/** The 科技+杏福 line: 33 bus trips of 45 seats; 1,500 workers each ranking three trips. */
function busLine(): AllocationFreeze {
  const sessions = Array.from({ length: 33 }, (_, i) => ({ sessionId: `trip-${String(i + 1).padStart(2, '0')}`, capacity: 45 }));
  const entries = Array.from({ length: 1500 }, (_, i) => ({
    entryId: `w${i}`,
    maskedName: `职工${i % 7}*`,
    // Early trips are popular: everyone's first choice among the first ten.
    choices: [sessions[i % 10]!.sessionId, sessions[10 + (i % 23)]!.sessionId, sessions[(i * 7) % 33]!.sessionId].filter(
      (id, k, all) => all.indexOf(id) === k,
    ),
  }));
  return { ...base, sessions, entries };
}

/** Replays the turns and checks every rule of the allocation against the published result. */
function checkRules(published: AllocationExport): void {
  const room = new Map(published.sessions.map((s) => [s.sessionId, s.capacity]));
  const choicesOf = new Map(published.entries.map((e) => [e.entryId, e.choices]));
  const keys = published.result.turns.map((t) => t.key);
  expect(keys).toEqual([...keys].sort());
  const expectedWaiting = new Map(published.sessions.map((s) => [s.sessionId, [] as string[]]));
  for (const turn of published.result.turns) {
    const choices = choicesOf.get(turn.entryId)!;
    const rank = turn.sessionId === null ? choices.length : choices.indexOf(turn.sessionId);
    expect(rank).toBeGreaterThanOrEqual(0); // never a session they did not choose
    for (const better of choices.slice(0, rank)) expect(room.get(better)).toBe(0); // no better one had room
    if (turn.sessionId === null) expectedWaiting.get(choices[0]!)!.push(turn.entryId);
    else {
      expect(room.get(turn.sessionId)).toBeGreaterThan(0);
      room.set(turn.sessionId, room.get(turn.sessionId)! - 1);
    }
  }
  for (const [sessionId, left] of room) expect(left, sessionId).toBeGreaterThanOrEqual(0);
  expect(published.result.waitlists).toEqual([...expectedWaiting].map(([sessionId, entryIds]) => ({ sessionId, entryIds })));
}

describe('the 科技+杏福 line: 1,500 workers ranking 33 trips of 45 seats', () => {
  const published = runAllocation({ ...busLine(), seed: '7 2 9' });

  it('fills trips up to their capacity, each worker their best trip with room, the rest waiting on their first choice', () => {
    checkRules(published);
    const placed = published.result.turns.filter((t) => t.sessionId !== null);
    expect(placed.length).toBeLessThanOrEqual(33 * 45);
    const waiting = published.result.waitlists.reduce((n, w) => n + w.entryIds.length, 0);
    expect(placed.length + waiting).toBe(1500);
    // Each of the ten popular first choices is full.
    for (const w of published.result.waitlists.slice(0, 10)) expect(placed.filter((t) => t.sessionId === w.sessionId)).toHaveLength(45);
  });

  it('verifies from the export alone, also through the verify-draw entry point', () => {
    expect(verifyAllocation(published)).toEqual([]);
    expect(verifyExportText(JSON.stringify(published))).toEqual([]);
  });

  it('is reproducible from the seed and the frozen hash', () => {
    const frozen = freezePreferences(busLine());
    expect(runAllocation({ ...frozen, seed: ' 7  2 9', frozenHash: frozen.frozenHash })).toEqual(published);
    expect(runAllocation({ ...frozen, seed: '7 2 8' }).result.turns).not.toEqual(published.result.turns);
  });

  it.each<[string, (input: AllocationFreeze) => AllocationFreeze, RegExp]>([
    [
      'a choice of a session that does not exist',
      (i) => ({ ...i, entries: [{ entryId: 'x', maskedName: '王*', choices: ['trip-99'] }] }),
      /^unknown_session/,
    ],
    [
      'the same session ranked twice',
      (i) => ({ ...i, entries: [{ entryId: 'x', maskedName: '王*', choices: ['trip-01', 'trip-01'] }] }),
      /^duplicate_choice/,
    ],
    ['a person with no choice', (i) => ({ ...i, entries: [{ entryId: 'x', maskedName: '王*', choices: [] }] }), /^invalid/],
    ['a session listed twice', (i) => ({ ...i, sessions: [...i.sessions, i.sessions[0]!] }), /^duplicate_session/],
  ])('refuses %s', (_, change, problem) => {
    expect(() => runAllocation({ ...change(busLine()), seed: '1' })).toThrow(problem);
  });
});

const allocationInput: fc.Arbitrary<AllocationFreeze> = fc
  .record({
    capacities: fc.array(fc.nat({ max: 6 }), { minLength: 1, maxLength: 6 }),
    people: fc.array(fc.array(fc.nat({ max: 5 }), { minLength: 1, maxLength: 4 }), { maxLength: 30 }),
  })
  .map(({ capacities, people }) => {
    const sessions = capacities.map((capacity, i) => ({ sessionId: `s${i}`, capacity }));
    const entries = people.map((ranks, i) => ({
      entryId: `p${i}`,
      maskedName: `人${i}*`,
      choices: [...new Set(ranks.map((r) => `s${r % sessions.length}`))],
    }));
    return { ...base, sessions, entries };
  });

const seed = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');

const tampers: Record<string, (d: AllocationExport) => boolean> = {
  key: (d) => {
    const t = d.result.turns[0];
    if (!t) return false;
    t.key = `${t.key[0] === '0' ? '1' : '0'}${t.key.slice(1)}`;
    return true;
  },
  placement: (d) => {
    const t = d.result.turns[0];
    if (!t) return false;
    t.sessionId = t.sessionId === null ? 's0' : null;
    return true;
  },
  turnsSwapped: (d) => {
    if (d.result.turns.length < 2) return false;
    d.result.turns.reverse();
    return true;
  },
  seed: (d) => {
    d.seed = `${d.seed}0`;
    return true;
  },
  choices: (d) => {
    const e = d.entries[0];
    if (!e) return false;
    e.choices = e.choices.length > 1 ? [...e.choices].reverse() : [e.choices[0] === 's0' ? 's1' : 's0'];
    return true;
  },
  capacity: (d) => {
    d.sessions[0]!.capacity += 1;
    return true;
  },
  waitlist: (d) => {
    d.result.waitlists[0]!.entryIds.push('p999');
    return true;
  },
  entryRemoved: (d) => d.entries.pop() !== undefined,
  frozenHash: (d) => {
    d.frozenHash = d.frozenHash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    return true;
  },
};

describe('properties of every allocation', () => {
  it('never exceeds a capacity, never gives an unchosen session, never a worse one while a better had room; verifies', () => {
    fc.assert(
      fc.property(allocationInput, seed, (input, s) => {
        const published = runAllocation({ ...input, seed: s });
        checkRules(published);
        expect(verifyAllocation(JSON.parse(JSON.stringify(published)))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('finds any single tampered field', () => {
    fc.assert(
      fc.property(allocationInput, seed, fc.constantFrom(...Object.keys(tampers)), (input, s, which) => {
        const published = JSON.parse(JSON.stringify(runAllocation({ ...input, seed: s }))) as AllocationExport;
        fc.pre(tampers[which]!(published));
        expect(verifyAllocation(published).length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
