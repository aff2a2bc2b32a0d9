/**
 * Member search as a district cadre types it — a phone number, an ID number, the first two characters of a name,
 * the pinyin initials of a name —
 * through the member list service (blind-index look-ups and prefix scans, scoped to the district in SQL), beside
 * a primary-key look-up of one member in the same run.
 */
import { listMembers } from '../../src/server/modules/members/members.service.js';
import { pinyinKey } from '../../src/server/modules/orgs/orgs.service.js';
import { actorOn } from '../lib/actors.js';
import { figure, timeRuns, type Section } from '../lib/context.js';
import type { Fixture } from '../lib/fixture.js';

const initials = (name: string): string => pinyinKey(name).split(' ')[0] ?? '';

export async function benchSearch(fixture: Fixture, runs: number): Promise<Section> {
  const { db } = fixture.database;
  const actor = actorOn(fixture.district);
  const samples = fixture.samples;
  if (samples.length === 0) throw new Error('the fixture kept no sample members');
  const at = (i: number) => samples[i % samples.length]!;
  const ofLength = (n: number) => samples.filter((s) => initials(s.name).length === n);
  const [three, two] = [ofLength(3), ofLength(2)];
  const byLength = (n: 2 | 3, i: number) => {
    const list = n === 3 ? three : two;
    if (list.length === 0) throw new Error(`the fixture kept no sample with ${n} initials`);
    return list[i % list.length]!;
  };
  const pk = await timeRuns((i) => db.selectFrom('member').selectAll().where('id', '=', at(i).memberId).executeTakeFirstOrThrow(), runs);
  const search = (q: (i: number) => string) => (i: number) =>
    listMembers(db, fixture.deps.cipher, actor, { orgId: fixture.district.id, q: q(i), limit: 50 }).then((page) => {
      if (page.items.length === 0) throw new Error(`search for sample ${i} found nobody`);
    });
  const kinds = {
    phone: search((i) => at(i).phone),
    'ID number': search((i) => at(i).idNumber),
    'name prefix': search((i) => at(i).name.slice(0, 2)),
    // What a cadre types most: the initials, e.g. "wjg" for 王建国 — matched on the pinyin key, not the name.
    'pinyin initials': search((i) => initials(at(i).name)),
    // Apart, because they cost differently (issue #16): three letters are rare in a district (its matches are read by
    // key), two letters (a two-character name) common (more than the probe holds at 10M: the list walks the ids).
    'pinyin initials, 3 letters': search((i) => initials(byLength(3, i).name)),
    'pinyin initials, 2 letters': search((i) => initials(byLength(2, i).name)),
  };
  const figures = [];
  const details: Record<string, unknown> = { members: fixture.members, district: fixture.district, pkLookupMs: pk };
  for (const [kind, run] of Object.entries(kinds)) {
    const t = await timeRuns(run, runs);
    details[kind] = t;
    figures.push(figure(`search by ${kind} p50`, t.p50, 'ms', { name: 'member PK p50', value: pk.p50 }));
    figures.push(figure(`search by ${kind} p99`, t.p99, 'ms', { name: 'member PK p99', value: pk.p99 }));
  }
  return { id: 'search', title: `Member search in a district, ${fixture.members.toLocaleString('en')} members`, figures, details };
}
