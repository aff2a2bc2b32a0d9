import { afterAll, beforeAll } from 'vitest';
import { closeSeededDemo, openSeededDemo, type SeededDemo } from '../testing/seeded-demo.js';
import { competitionsSeedCases } from './competitions.seed.cases.js';
import { eventsSeedCases } from './events.seed.cases.js';
import { matchmakingSeedCases } from './matchmaking.seed.cases.js';

/*
 * The demo's seed pages reproduced on one seeded demo (bootstrapping it is the expensive part, done once): each block
 * runs its loaders in turn as the background loader does — events and training, then matchmaking on the events' 燕缘际会,
 * then the contest and tournaments — and reads what they made. The order matters: the events block reads 燕缘际会
 * before its ranking ran.
 */
let demo: SeededDemo | undefined;
beforeAll(async () => {
  demo = await openSeededDemo();
}, 240_000);
afterAll(() => closeSeededDemo(demo));

const seeded = (): SeededDemo => {
  if (!demo) throw new Error('the demo is not seeded');
  return demo;
};
eventsSeedCases(seeded);
matchmakingSeedCases(seeded);
competitionsSeedCases(seeded);
