import type { DemoData } from './builder.js';
import { copyLines, type Column } from './load.js';

/**
 * The demo's organisations, collaboration zones and employers as COPY text (`copyLines`), with what the seed needs
 * besides: the form in which a worker thread hands them over. A few long strings cross a thread in milliseconds; the
 * 150,000 row objects of life size took ≈ 1 s to clone (#16).
 */
export type DemoRows = {
  orgs: { count: number; copy: string };
  zones: { copy: string };
  employers: { count: number; copy: string };
  /** Organisations in a collaboration zone: set after the zones are in (org_unit and collaboration_zone reference each other). */
  zoned: { orgIds: number[]; zoneIds: number[] };
};

export const orgColumns: readonly Column[] = [
  { name: 'id', type: 'bigint' },
  { name: 'parent_id', type: 'bigint' },
  { name: 'path', type: 'ltree' },
  { name: 'kind', type: 'text' },
  { name: 'joint_type', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'name_pinyin', type: 'text' },
  { name: 'region_code', type: 'text' },
  { name: 'child_count', type: 'integer' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];
export const zoneColumns: readonly Column[] = [
  { name: 'id', type: 'bigint' },
  { name: 'org_id', type: 'bigint' },
  { name: 'org_path', type: 'ltree' },
  { name: 'name', type: 'text' },
  { name: 'created_at', type: 'timestamptz' },
];
export const employerColumns: readonly Column[] = [
  { name: 'id', type: 'bigint' },
  { name: 'name', type: 'text' },
  { name: 'uscc', type: 'text' },
  { name: 'headcount', type: 'integer' },
  { name: 'industry', type: 'text' },
  { name: 'address', type: 'text' },
  { name: 'street_org_id', type: 'bigint' },
  { name: 'union_org_id', type: 'bigint' },
  { name: 'org_path', type: 'ltree' },
  { name: 'created_at', type: 'timestamptz' },
  { name: 'updated_at', type: 'timestamptz' },
];

export function demoRows(data: DemoData): DemoRows {
  const zoned: DemoRows['zoned'] = { orgIds: [], zoneIds: [] };
  for (const o of data.orgs) {
    if (o.zoneId === null) continue;
    zoned.orgIds.push(o.id);
    zoned.zoneIds.push(o.zoneId);
  }
  return {
    orgs: {
      count: data.orgs.length,
      copy: copyLines(
        data.orgs.map((o) => [
          o.id,
          o.parentId,
          o.path,
          o.kind,
          o.jointType,
          o.name,
          o.namePinyin,
          o.regionCode,
          o.childCount,
          o.createdAt,
          o.createdAt,
        ]),
      ),
    },
    zones: { copy: copyLines(data.zones.map((z) => [z.id, z.orgId, z.orgPath, z.name, z.createdAt])) },
    employers: {
      count: data.employers.length,
      copy: copyLines(
        data.employers.map((e) => [
          e.id,
          e.name,
          e.uscc,
          e.headcount,
          e.industry,
          e.address,
          e.streetOrgId,
          e.unionOrgId,
          e.orgPath,
          e.createdAt,
          e.createdAt,
        ]),
      ),
    },
    zoned,
  };
}
