import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import { OVER_RATE_LIMIT, qualityScore, rate, type Coverage, type CoverageBreakdown } from '../../../common/coverage.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { isRootPath } from '../../auth/tree.js';
import { recordWrite } from '../../audit/audit.js';
import * as repo from './coverage.rollup.js';

function toCoverage(row: repo.CoverageRow): Coverage {
  return {
    orgId: row.org_id,
    name: row.name,
    kind: row.kind,
    grassrootsUnions: row.grassroots_unions,
    branches: row.branches,
    employers: row.employers,
    employersCovered: row.employers_covered,
    employees: row.employees,
    employeesCovered: row.employees_covered,
    employers100plus: row.employers_100plus,
    employers100plusCovered: row.employers_100plus_covered,
    members: row.members,
    membershipRate: rate(row.members, row.employees_covered), // 入会率
    unionisationRate: rate(row.employers_100plus_covered, row.employers_100plus), // 建会率
    membersIncomplete: row.members_incomplete,
    idRowsSubmitted: row.id_rows_submitted,
    idsInvalid: row.ids_invalid,
    idsDuplicate: row.ids_duplicate,
    qualityScore: qualityScore({
      members: row.members,
      membersIncomplete: row.members_incomplete,
      idRowsSubmitted: row.id_rows_submitted,
      idsInvalid: row.ids_invalid,
      idsDuplicate: row.ids_duplicate,
    }),
  };
}

/** Coverage of one node's subtree: a primary-key read of the maintained roll-up. */
export async function getCoverage(db: Kysely<DB>, actor: Actor, orgId: number): Promise<Coverage> {
  const row = await repo.findCoverageInScope(db, scopeFor(actor, 'coverage.read'), orgId);
  if (!row) throw new AppError('NOT_FOUND');
  return toCoverage(row);
}

/** A node's coverage and each child's (districts under the city, streets under a district …). */
export async function getCoverageBreakdown(db: Kysely<DB>, actor: Actor, orgId: number, limit: number): Promise<CoverageBreakdown> {
  const scope = scopeFor(actor, 'coverage.read');
  const total = await repo.findCoverageInScope(db, scope, orgId);
  if (!total) throw new AppError('NOT_FOUND');
  const children = await repo.listChildCoverage(db, scope, orgId, limit);
  const overRate = await repo.listOverRate(db, scope, orgId, OVER_RATE_LIMIT);
  return {
    total: toCoverage(total),
    children: children.map(toCoverage),
    childrenTotal: total.child_count,
    overRate: overRate.map(toCoverage),
  };
}

/** Recomputes the whole roll-up table from the base tables (a repair tool; incremental upkeep makes it unnecessary). */
export async function rebuildAllCoverage(db: Kysely<DB>, actor: Actor): Promise<{ orgs: number; ms: number }> {
  const scope = scopeFor(actor, 'coverage.rebuild');
  if (!scope.paths.some(isRootPath)) throw new AppError('FORBIDDEN');
  const started = performance.now();
  const orgs = await db.transaction().execute(async (tx) => {
    const count = await repo.rebuildCoverage(tx);
    await recordWrite(tx, actor, 'coverage.rebuild', { type: 'coverage', id: 'all', orgPath: null }, { orgs: count });
    return count;
  });
  return { orgs, ms: Math.round(performance.now() - started) };
}
