import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/orgs.errors.js';
import type { Page } from '../../../common/paging.js';
import {
  canSitUnder,
  grassrootsKinds,
  type CreateOrgBody,
  type MoveOrgBody,
  type Org,
  type OrgChild,
  type OrgChildrenQuery,
  type OrgKind,
  type OrgSearchHit,
  type OrgSearchQuery,
  type OrgWithAncestors,
  type UpdateOrgBody,
  type Zone,
} from '../../../common/orgs.js';
import type { Action } from '../../../common/auth.js';
import { scopeFor, type Actor, type InScope, type OrgScope } from '../../auth/scope.js';
import { depthOfPath, idsOnPath, isAncestorOrSelf, parentPath, regionOfPath } from '../../auth/tree.js';
import type { EventBus } from '../../events.js';
import { listPage } from '../../http/list-page.js';
import { childOrderKeyOf } from './orgs.order.js';
import { pinyinKey } from './orgs.pinyin.js';
import { recordWrite } from '../../audit/audit.js';
import { addAlongPaths, addToCoverage, deleteCoverageRow, findCoverage, insertCoverageRow } from '../coverage/coverage.rollup.js';
import * as repo from './orgs.repo.js';
import type { OrgRow } from './orgs.repo.js';

export function toOrg(row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    jointType: row.joint_type,
    name: row.name,
    regionCode: row.region_code,
    zoneId: row.zone_id,
    childCount: row.child_count,
    depth: depthOfPath(row.path),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export { pinyinKey };

/**
 * Finds a node for an action: 404 when it lies outside everything the caller may see, 403 when the
 * caller may see it but not do this to it.
 */
export async function findOrgFor(db: Executor, actor: Actor, action: Action, id: number, forUpdate = false): Promise<InScope<OrgRow>> {
  const row = await repo.findOrgInScope(db, scopeFor(actor, action), id, forUpdate);
  if (row) return row;
  if (action !== 'org.read' && (await repo.findOrgInScope(db, scopeFor(actor, 'org.read'), id))) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** The path of a node inside `scope`, or NOT_FOUND: how other modules resolve an org filter. */
export async function findOrgPathInScope(db: Executor, scope: OrgScope, id: number): Promise<string> {
  const row = await repo.findOrgInScope(db, scope, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row.path;
}

export async function getOrg(db: Kysely<DB>, actor: Actor, id: number): Promise<OrgWithAncestors> {
  const scope = scopeFor(actor, 'org.read');
  const row = await findOrgFor(db, actor, 'org.read', id);
  const ancestors = await repo.listOrgsOnPath(db, scope, idsOnPath(row.path).slice(0, -1));
  return { ...toOrg(row), ancestors: ancestors.map((a) => ({ id: a.id, name: a.name, kind: a.kind })) };
}

export async function listRoots(db: Kysely<DB>, actor: Actor): Promise<{ items: Org[] }> {
  return { items: (await repo.listScopeRoots(db, scopeFor(actor, 'org.read'))).map(toOrg) };
}

export async function listChildren(db: Kysely<DB>, actor: Actor, id: number, page: OrgChildrenQuery): Promise<Page<OrgChild>> {
  const parent = await findOrgFor(db, actor, 'org.read', id);
  const scope = scopeFor(actor, 'org.read');
  const q = page.q || undefined;
  return listPage(page, {
    cursor: 'string-number',
    read: (after) => repo.listChildren(db, scope, parent.id, { q, after, limit: page.limit }),
    present: (rows) => rows.map((r) => ({ ...toOrg(r), memberCount: Number(r.members) })),
    sortKey: (last) => [childOrderKeyOf(last), last.id],
    total: () => repo.countChildren(db, scope, parent.id, q),
  });
}

export async function searchOrgs(db: Kysely<DB>, actor: Actor, query: OrgSearchQuery): Promise<{ items: OrgSearchHit[] }> {
  const scope = scopeFor(actor, 'org.read');
  const hits = await repo.searchOrgs(db, scope, { q: query.q, kind: query.kind, limit: query.limit });
  const ancestorIds = [...new Set(hits.flatMap((h) => idsOnPath(h.path).slice(0, -1)))];
  const names = new Map((await repo.listOrgsOnPath(db, scope, ancestorIds)).map((a) => [a.id, a.name]));
  return {
    items: hits.map((h) => ({
      id: h.id,
      name: h.name,
      kind: h.kind,
      trail: idsOnPath(h.path)
        .slice(0, -1)
        .flatMap((id) => (names.has(id) ? [names.get(id)!] : [])),
    })),
  };
}

function coverageOfKind(kind: OrgKind, sign: 1 | -1) {
  return {
    grassroots_unions: grassrootsKinds.includes(kind) ? sign : 0,
    branches: kind === 'branch' ? sign : 0,
  };
}

/** Creates a node under a parent the caller may write to; its roll-up row and its ancestors' counts change in the same transaction. */
export async function createOrg(db: Kysely<DB>, actor: Actor, body: CreateOrgBody): Promise<Org> {
  if (body.kind === 'joint_union' && !body.jointType) {
    throw new AppError('VALIDATION', { detail: 'jointType' }, [{ path: 'jointType', message: 'required' }]);
  }
  return db.transaction().execute(async (tx) => {
    await repo.lockTree(tx, 'shared');
    const parent = await findOrgFor(tx, actor, 'org.write', body.parentId, true);
    if (!canSitUnder(body.kind, parent.kind)) {
      throw new AppError('ORG_KIND_NOT_ALLOWED', { kind: body.kind, parentKind: parent.kind });
    }
    if (await repo.siblingNameExists(tx, parent.id, body.name)) throw new AppError('ORG_NAME_TAKEN', { name: body.name });
    const row = await repo.insertOrg(tx, {
      parentId: parent.id,
      parentPath: parent.path,
      kind: body.kind,
      jointType: body.kind === 'joint_union' ? (body.jointType ?? null) : null,
      name: body.name,
      namePinyin: pinyinKey(body.name),
      regionCode: body.regionCode ?? null,
    });
    await repo.addToChildCount(tx, parent.id, 1);
    await insertCoverageRow(tx, row.id);
    await addToCoverage(tx, row.path, coverageOfKind(row.kind, 1));
    await recordWrite(tx, actor, 'org.create', { type: 'org', id: row.id, orgPath: row.path }, { name: row.name, kind: row.kind });
    return toOrg(row);
  });
}

/** Renames or re-zones a node; fails with CONFLICT when someone else changed it since `version`. */
export async function updateOrg(db: Kysely<DB>, actor: Actor, id: number, body: UpdateOrgBody): Promise<Org> {
  return db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'org.write', id, true);
    if (org.version !== body.version) throw new AppError('CONFLICT');
    const fields: Parameters<typeof repo.updateOrgFields>[3] = {};
    if (body.name !== undefined && body.name !== org.name) {
      if (org.parent_id !== null && (await repo.siblingNameExists(tx, org.parent_id, body.name, org.id))) {
        throw new AppError('ORG_NAME_TAKEN', { name: body.name });
      }
      fields.name = body.name;
      fields.name_pinyin = pinyinKey(body.name);
    }
    if (body.jointType !== undefined && org.kind === 'joint_union') fields.joint_type = body.jointType;
    if (body.regionCode !== undefined) fields.region_code = body.regionCode;
    if (body.zoneId !== undefined && body.zoneId !== org.zone_id) {
      // A zone is its owner's arrangement of its children: placing a node in one, or taking it out, is a
      // right on the parent. The node's own cadre sees its node but may not re-zone it.
      if (org.parent_id !== null && !(await repo.findOrgInScope(tx, scopeFor(actor, 'org.write'), org.parent_id)))
        throw new AppError('FORBIDDEN');
      if (body.zoneId !== null) {
        const zone = await repo.findZone(tx, body.zoneId);
        if (!zone || zone.org_id !== org.parent_id) throw new AppError('ZONE_NOT_CHILD');
      }
      fields.zone_id = body.zoneId;
    }
    const updated = await repo.updateOrgFields(tx, org.id, body.version, fields);
    if (!updated) throw new AppError('CONFLICT');
    await recordWrite(tx, actor, 'org.update', { type: 'org', id: org.id, orgPath: org.path }, { ...fields, name_pinyin: undefined });
    return toOrg(updated);
  });
}

/**
 * Moves a node with its whole subtree under a new parent. Paths of the subtree and of everything that
 * carries them are rewritten, and the subtree's roll-up totals leave the old ancestors and join the new
 * ones — all in one transaction, serialised against other structure changes.
 */
export async function moveOrg(db: Kysely<DB>, events: EventBus, actor: Actor, id: number, body: MoveOrgBody): Promise<Org> {
  return db.transaction().execute(async (tx) => {
    await repo.lockTree(tx, 'exclusive');
    const org = await findOrgFor(tx, actor, 'org.write', id, true);
    if (org.parent_id === null) throw new AppError('ORG_ROOT_IMMUTABLE');
    const newParent = await findOrgFor(tx, actor, 'org.write', body.newParentId, true);
    if (isAncestorOrSelf(org.path, newParent.path)) throw new AppError('ORG_MOVE_INTO_ITSELF');
    if (newParent.id === org.parent_id) return toOrg(org);
    if (!canSitUnder(org.kind, newParent.kind)) {
      throw new AppError('ORG_KIND_NOT_ALLOWED', { kind: org.kind, parentKind: newParent.kind });
    }
    if (await repo.siblingNameExists(tx, newParent.id, org.name)) throw new AppError('ORG_NAME_TAKEN', { name: org.name });
    const oldParentPath = parentPath(org.path)!;
    const totals = await findCoverage(tx, org.id);
    const movedCount = await repo.moveSubtreePaths(tx, org.path, newParent.path);
    const moved = await repo.setParent(tx, org.id, newParent.id);
    await events.emit(tx, 'org.moved', {
      oldPath: org.path,
      newPath: moved.path,
      fromRegion: regionOfPath(org.path),
      toRegion: regionOfPath(moved.path),
    });
    await repo.addToChildCount(tx, org.parent_id, -1);
    await repo.addToChildCount(tx, newParent.id, 1);
    if (totals) {
      const negative = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, -v]));
      await addAlongPaths(
        tx,
        new Map([
          [oldParentPath, negative],
          [newParent.path, totals],
        ]),
      );
    }
    await recordWrite(
      tx,
      actor,
      'org.move',
      { type: 'org', id: org.id, orgPath: moved.path },
      { fromParentId: org.parent_id, toParentId: newParent.id, nodesMoved: movedCount },
    );
    return toOrg(moved);
  });
}

/**
 * A subtree moved, within the moving transaction. Its member-owned rows are in their new region already when the
 * regions differ; listeners keep what they hold outside the tree in step (the members module, the city-wide claims).
 */
export type OrgMoved = { oldPath: string; newPath: string; fromRegion: number; toRegion: number };

declare module '../../events.js' {
  interface AppEvents {
    'org.moved': OrgMoved;
  }
}

/** Deletes an empty leaf: no children, no employers, no accounts granted on it. */
export async function deleteOrg(db: Kysely<DB>, actor: Actor, id: number): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await repo.lockTree(tx, 'shared');
    const org = await findOrgFor(tx, actor, 'org.write', id, true);
    if (org.parent_id === null) throw new AppError('ORG_ROOT_IMMUTABLE');
    if (scopeFor(actor, 'org.write').paths.includes(org.path)) throw new AppError('FORBIDDEN');
    if (org.child_count > 0) throw new AppError('ORG_HAS_CHILDREN');
    if ((await repo.countEmployersOf(tx, org)) > 0) throw new AppError('ORG_HAS_EMPLOYERS');
    if ((await repo.countGrantsOn(tx, org)) > 0) throw new AppError('ORG_HAS_USERS');
    await addToCoverage(tx, org.path, coverageOfKind(org.kind, -1));
    await deleteCoverageRow(tx, org.id);
    await repo.deleteOrgRow(tx, org.id);
    await repo.addToChildCount(tx, org.parent_id, -1);
    await recordWrite(tx, actor, 'org.delete', { type: 'org', id: org.id, orgPath: org.path }, { name: org.name, kind: org.kind });
  });
}

export async function listZones(db: Kysely<DB>, actor: Actor, orgId: number): Promise<{ items: Zone[] }> {
  const org = await findOrgFor(db, actor, 'org.read', orgId);
  const zones = await repo.listZones(db, org);
  return { items: zones.map((z) => ({ id: z.id, orgId: z.org_id, name: z.name, memberCount: Number(z.member_count ?? 0) })) };
}

export async function createZone(db: Kysely<DB>, actor: Actor, orgId: number, name: string): Promise<Zone> {
  return db.transaction().execute(async (tx) => {
    const org = await findOrgFor(tx, actor, 'org.write', orgId, true);
    if (await repo.zoneNameExists(tx, org, name)) throw new AppError('ZONE_NAME_TAKEN', { name });
    const zone = await repo.insertZone(tx, org, name);
    await recordWrite(tx, actor, 'zone.create', { type: 'zone', id: zone.id, orgPath: org.path }, { name });
    return { id: zone.id, orgId: zone.org_id, name: zone.name, memberCount: 0 };
  });
}
