import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { TREND_DEFAULT_MONTHS } from '../../../common/coverage.reports.js';
import { findCoverage } from './coverage.rollup.js';
import { monthOf } from '../../../common/beijing-time.js';
import { reconstructPastMonths, takeMonthEndSnapshot } from './coverage.reports.service.js';

type Log = { info(details: object, message: string): void };

/**
 * The periodic snapshot job, one tick per housekeeping sweep: at the turn of a month it takes the month before from
 * the roll-up (once; a second run finds it taken). Once per process, when the city's member count has stood still
 * for a tick (the demo members load in the background first), it reconstructs the past months that have no snapshot
 * taken, so that a new installation or the demo has a trend at once.
 */
export function createSnapshotJob(db: Kysely<DB>, log: Log): { tick(now?: Date): Promise<void> } {
  let checkedMonth: string | undefined;
  let lastMembers: number | undefined;
  let reconstructed = false;
  return {
    async tick(now = new Date()) {
      const month = monthOf(now);
      if (checkedMonth !== month) {
        const orgs = await takeMonthEndSnapshot(db, now);
        if (orgs > 0) log.info({ orgs }, 'coverage snapshot taken at month end');
        checkedMonth = month;
      }
      if (reconstructed) return;
      const members = (await findCoverage(db, 1))?.members ?? 0;
      if (members === lastMembers) {
        const rows = await reconstructPastMonths(db, TREND_DEFAULT_MONTHS, now);
        if (rows > 0) log.info({ rows }, 'coverage snapshots reconstructed for past months');
        reconstructed = true;
      }
      lastMembers = members;
    },
  };
}
