import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scopeFor, type Actor, type OrgScope } from '../../auth/scope.js';
import { isAncestorOrSelf, nodeOfPath } from '../../auth/tree.js';
import type { TodoRegistry } from '../../todos.js';
import {
  TODO_CAP,
  WORKBENCH_ACTIVITY,
  WORKBENCH_MAX_NODES,
  type TodoCount,
  type Workbench,
  type WorkbenchCounts,
  type WorkbenchCountsQuery,
} from '../../../common/workbench.js';
import { getCoverage } from '../coverage/coverage.service.js';
import { recentActivity } from '../audit/audit.service.js';
import { findOrgFor } from '../orgs/orgs.service.js';

/** The part of `scope` inside the node at `path` (the node itself when the scope reaches above it). */
function within(scope: OrgScope, path: string): OrgScope {
  const paths = scope.paths.some((p) => isAncestorOrSelf(p, path)) ? [path] : scope.paths.filter((p) => isAncestorOrSelf(path, p));
  return { action: scope.action, paths };
}

/** Counts every registered source the caller may act on, inside `narrow` of the source's scope; one cheap capped query each. */
async function countTodos(db: Kysely<DB>, todos: TodoRegistry, actor: Actor, narrow: (scope: OrgScope) => OrgScope): Promise<TodoCount[]> {
  const counts: TodoCount[] = [];
  for (const source of todos.sources()) {
    const full = scopeFor(actor, source.action);
    if (full.paths.length === 0) continue;
    const scope = narrow(full);
    const n = scope.paths.length === 0 ? 0 : await source.count(db, scope, TODO_CAP + 1);
    counts.push({ key: source.key, count: Math.min(n, TODO_CAP), capped: n > TODO_CAP });
  }
  return counts;
}

/** The badges: what waits for the caller across all their nodes, or inside one organisation they can see. */
export async function workbenchCounts(
  db: Kysely<DB>,
  todos: TodoRegistry,
  actor: Actor,
  query: WorkbenchCountsQuery,
): Promise<WorkbenchCounts> {
  if (query.orgId === undefined) return { todos: await countTodos(db, todos, actor, (scope) => scope) };
  const org = await findOrgFor(db, actor, 'org.read', query.orgId);
  return { todos: await countTodos(db, todos, actor, (scope) => within(scope, org.path)) };
}

/** The 工作台: for each of the caller's nodes its key figures and what waits there, and the recent activity. */
export async function getWorkbench(db: Kysely<DB>, todos: TodoRegistry, actor: Actor): Promise<Workbench> {
  const nodes = [];
  for (const path of scopeFor(actor, 'coverage.read').paths.slice(0, WORKBENCH_MAX_NODES)) {
    const coverage = await getCoverage(db, actor, nodeOfPath(path));
    nodes.push({
      orgId: coverage.orgId,
      name: coverage.name,
      kind: coverage.kind,
      members: coverage.members,
      grassrootsUnions: coverage.grassrootsUnions,
      employers: coverage.employers,
      membershipRate: coverage.membershipRate,
      unionisationRate: coverage.unionisationRate,
      todos: await countTodos(db, todos, actor, (scope) => within(scope, path)),
    });
  }
  const activity = await recentActivity(db, actor, WORKBENCH_ACTIVITY);
  return { nodes, activity: activity.items, activityIsOwn: activity.isOwn };
}
