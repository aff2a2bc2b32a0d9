/**
 * Coverage roll-up (入会率 / 建会率 figures) of the city, a district and a street, read through the service the
 * dashboard calls, beside a primary-key look-up of one organisation in the same run; and, for contrast, the
 * district's members counted live over its subtree — what every dashboard view would cost without the roll-up.
 */
import { sql } from 'kysely';
import { getCoverage } from '../../src/server/modules/coverage/coverage.service.js';
import { actorOn } from '../lib/actors.js';
import { figure, timeRuns, type Figure, type Section } from '../lib/context.js';
import type { Fixture } from '../lib/fixture.js';

export async function benchRollup(fixture: Fixture, runs: number): Promise<Section> {
  const { db } = fixture.database;
  const city = { id: 1, path: '1' };
  const actor = actorOn(city, 'federation_admin');
  const pk = await timeRuns(
    () => db.selectFrom('org_unit').select(['id', 'name']).where('id', '=', fixture.district.id).executeTakeFirstOrThrow(),
    runs,
  );
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { members: fixture.members, pkLookupMs: pk };
  for (const [label, node] of [
    ['city', city],
    ['district', fixture.district],
    ['street', fixture.street],
  ] as const) {
    const t = await timeRuns(() => getCoverage(db, actor, node.id), runs);
    details[label] = t;
    figures.push(figure(`roll-up ${label} p50`, t.p50, 'ms', { name: 'PK look-up p50', value: pk.p50 }));
    figures.push(figure(`roll-up ${label} p95`, t.p95, 'ms', { name: 'PK look-up p95', value: pk.p95 }));
  }
  const live = await timeRuns(
    () => sql`SELECT count(*) AS n FROM member WHERE status = 'member' AND org_path <@ ${fixture.district.path}::ltree`.execute(db),
    Math.max(3, Math.round(runs / 50)),
    1,
  );
  const rollupDistrict = details.district as { p50: number };
  figures.push(
    figure(
      'district members counted live p50',
      live.p50,
      'ms',
      { name: 'district roll-up p50', value: rollupDistrict.p50 },
      'lower',
      'contrast: no roll-up',
    ),
  );
  return { id: 'rollup', title: `Coverage roll-up at ${fixture.members.toLocaleString('en')} members`, figures, details };
}
