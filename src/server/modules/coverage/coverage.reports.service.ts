import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import { dayOf, monthOf } from '../../../common/beijing-time.js';
import '../../../common/coverage.errors.js';
import {
  REPORT_MAX_ROWS,
  shiftMonth,
  withRates,
  type CoverageFigures,
  type CoverageTrend,
  type DistrictList,
  type SnapshotResult,
} from '../../../common/coverage.reports.js';
import { scopeFor, type Actor } from '../../auth/scope.js';
import { isRootPath } from '../../auth/tree.js';
import { recordWrite } from '../../audit/audit.js';
import * as rollup from './coverage.rollup.js';
import * as snapshots from './coverage.snapshots.js';
import type { SnapshotCounts } from './coverage.snapshots.js';

const firstDay = (month: string) => `${month}-01`;

export function figuresOf(c: SnapshotCounts): CoverageFigures {
  return withRates({
    grassrootsUnions: c.grassroots_unions,
    employers: c.employers,
    employersCovered: c.employers_covered,
    employees: c.employees,
    employeesCovered: c.employees_covered,
    employers100plus: c.employers_100plus,
    employers100plusCovered: c.employers_100plus_covered,
    members: c.members,
  });
}

async function requireRoot(actor: Actor): Promise<void> {
  if (!scopeFor(actor, 'coverage.rebuild').paths.some(isRootPath)) throw new AppError('FORBIDDEN');
}

/**
 * Takes this month's snapshot of every organisation from the live roll-up (on demand; the month-end one still
 * replaces it), and optionally reconstructs past months that have no snapshot taken yet. One transaction, audited.
 */
export async function takeSnapshotNow(
  db: Kysely<DB>,
  actor: Actor,
  options: { reconstructMonths: number },
  now = new Date(),
): Promise<SnapshotResult> {
  await requireRoot(actor);
  const month = monthOf(now);
  return db.transaction().execute(async (tx) => {
    const orgs = await snapshots.snapshotFromRollup(tx, firstDay(month), 'on_demand');
    const past = Array.from({ length: options.reconstructMonths }, (_, i) => firstDay(shiftMonth(month, -(i + 1))));
    const reconstructed = await snapshots.reconstructMonths(tx, await snapshots.monthsWithoutTakenSnapshot(tx, past));
    await recordWrite(tx, actor, 'coverage.snapshot', { type: 'coverage', id: month, orgPath: null }, { month, orgs, reconstructed });
    return { month, orgs, reconstructed };
  });
}

/** The month-end job: the snapshot of the month before `now`, unless one was already taken at month end (idempotent). */
export async function takeMonthEndSnapshot(db: Kysely<DB>, now = new Date()): Promise<number> {
  const month = firstDay(shiftMonth(monthOf(now), -1));
  return db.transaction().execute(async (tx) => {
    if ((await snapshots.monthsWithoutTakenSnapshot(tx, [month])).length === 0) return 0;
    return snapshots.snapshotFromRollup(tx, month, 'month_end');
  });
}

/** Reconstructs the `count` months before `now` that have no snapshot taken from the roll-up (a backfill). */
export async function reconstructPastMonths(db: Kysely<DB>, count: number, now = new Date()): Promise<number> {
  const past = Array.from({ length: count }, (_, i) => firstDay(shiftMonth(monthOf(now), -(i + 1))));
  return db.transaction().execute(async (tx) => snapshots.reconstructMonths(tx, await snapshots.monthsWithoutTakenSnapshot(tx, past)));
}

/** A node's monthly figures: snapshots of the past months, then this month's live roll-up. */
export async function getTrend(db: Kysely<DB>, actor: Actor, orgId: number, months: number, now = new Date()): Promise<CoverageTrend> {
  const scope = scopeFor(actor, 'coverage.read');
  const live = await rollup.findCoverageInScope(db, scope, orgId);
  if (!live) throw new AppError('NOT_FOUND');
  const current = monthOf(now);
  const past = await snapshots.listSnapshotsInScope(db, scope, orgId, firstDay(shiftMonth(current, -(months - 1))), firstDay(current));
  return {
    orgId,
    points: [
      ...past.map((p) => ({ month: p.month.slice(0, 7), source: p.source, ...figuresOf(p) })),
      { month: current, source: 'live' as const, ...figuresOf(live) },
    ],
  };
}

/** The city's district federations with their live figures, as far as the caller's scope reaches (the map). */
export async function listDistricts(db: Kysely<DB>, actor: Actor): Promise<DistrictList> {
  const rows = await snapshots.listDistrictsInScope(db, scopeFor(actor, 'coverage.read'));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, ...figuresOf(r) })) };
}

export type ReportLine = {
  kind: 'group' | 'row' | 'own' | 'subtotal' | 'total';
  label: string;
  /** 0: a child of the node, 1: a grandchild (indented). */
  level: 0 | 1;
  figures: CoverageFigures | null;
};
export type CoverageReport = { orgId: number; orgName: string; asOf: string; month: string; isLive: boolean; lines: ReportLine[] };

const minus = (a: SnapshotCounts, parts: SnapshotCounts[]): SnapshotCounts => {
  const out = { ...a };
  for (const p of parts) for (const k of snapshots.snapshotColumns) out[k] -= p[k];
  return out;
};
const isZero = (c: SnapshotCounts) => snapshots.snapshotColumns.every((k) => c[k] === 0);

/**
 * 统计报表: a node's coverage by child (district / street / unit) and grandchild, with a 小计 per child that has
 * children and a 合计 equal to the node's own figures; what sits on a node itself (not in any child) is its own
 * "（本级）" line, so every 小计 is the sum of its lines. Live for this month, else the month's snapshot.
 */
export async function buildCoverageReport(
  db: Kysely<DB>,
  actor: Actor,
  query: { orgId: number; date?: string | undefined },
  labels: { own: string; subtotal: string; total: string },
  now = new Date(),
): Promise<CoverageReport> {
  const scope = scopeFor(actor, 'coverage.read');
  const node = await rollup.findCoverageInScope(db, scope, query.orgId);
  if (!node) throw new AppError('NOT_FOUND');
  const today = dayOf(now);
  const month = (query.date ?? today).slice(0, 7);
  const current = monthOf(now);
  if (month > current) throw new AppError('REPORT_DATE_IN_FUTURE');
  const isLive = month === current;
  if (!isLive && !(await snapshots.hasSnapshot(db, firstDay(month)))) throw new AppError('SNAPSHOT_MISSING');
  const path = await db.selectFrom('org_unit').select('path').where('id', '=', node.org_id).executeTakeFirstOrThrow();
  const nodes = await snapshots.listReportNodes(db, scope, path.path, isLive ? null : firstDay(month), REPORT_MAX_ROWS + 1);
  if (nodes.length > REPORT_MAX_ROWS) throw new AppError('REPORT_TOO_LARGE');
  const top = nodes.find((n) => n.depth === 0)!;
  const children = nodes.filter((n) => n.depth === 1);
  const lines: ReportLine[] = [];
  for (const child of children) {
    const grandchildren = nodes.filter((n) => n.depth === 2 && n.parent_id === child.org_id);
    if (grandchildren.length === 0) {
      lines.push({ kind: 'row', label: child.name, level: 0, figures: figuresOf(child) });
      continue;
    }
    lines.push({ kind: 'group', label: child.name, level: 0, figures: null });
    for (const g of grandchildren) lines.push({ kind: 'row', label: g.name, level: 1, figures: figuresOf(g) });
    const own = minus(child, grandchildren);
    if (!isZero(own)) lines.push({ kind: 'own', label: `${child.name}${labels.own}`, level: 1, figures: figuresOf(own) });
    lines.push({ kind: 'subtotal', label: `${labels.subtotal}（${child.name}）`, level: 0, figures: figuresOf(child) });
  }
  const own = minus(top, children);
  if (!isZero(own) || children.length === 0) {
    lines.push({ kind: 'own', label: `${top.name}${labels.own}`, level: 0, figures: figuresOf(children.length === 0 ? top : own) });
  }
  lines.push({ kind: 'total', label: labels.total, level: 0, figures: figuresOf(top) });
  const lastDay = isLive ? (query.date && query.date.length === 10 && query.date <= today ? query.date : today) : endOfMonth(month);
  return { orgId: top.org_id, orgName: top.name, asOf: lastDay, month, isLive, lines };
}

function endOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}
