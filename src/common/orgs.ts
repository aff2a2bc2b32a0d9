import { z } from 'zod';
import { BodyId, PageQuery, queryCount } from './paging.js';

export const orgKinds = [
  'city_federation', // 市总工会
  'district_federation', // 区总工会
  'industry_union', // 产业工会
  'street_federation', // 街道·乡镇·园区总工会
  'grassroots_union', // 基层工会
  'joint_union', // 联合工会 (区域性/行业性)
  'branch', // 分会
] as const;
export type OrgKind = (typeof orgKinds)[number];

export const jointTypes = ['regional', 'sectoral'] as const;
export type JointType = (typeof jointTypes)[number];

/** Which kinds may sit directly under which. The city federation is the one root. */
export const allowedParents: Record<OrgKind, readonly OrgKind[]> = {
  city_federation: [],
  district_federation: ['city_federation'],
  industry_union: ['city_federation', 'district_federation'],
  street_federation: ['district_federation'],
  grassroots_union: ['district_federation', 'industry_union', 'street_federation'],
  joint_union: ['district_federation', 'industry_union', 'street_federation'],
  branch: ['grassroots_union', 'joint_union'],
};

export function canSitUnder(kind: OrgKind, parentKind: OrgKind): boolean {
  return allowedParents[kind].includes(parentKind);
}

/** Kinds counted as 基层工会 in coverage figures. */
export const grassrootsKinds: readonly OrgKind[] = ['grassroots_union', 'joint_union'];
/** Kinds that can cover an employer. */
export const coveringKinds: readonly OrgKind[] = ['grassroots_union', 'joint_union', 'branch'];

const orgName = z.string().trim().min(1).max(100);

export const Org = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(orgKinds),
  jointType: z.enum(jointTypes).nullable(),
  name: z.string(),
  regionCode: z.string().nullable(),
  zoneId: z.number().nullable(),
  childCount: z.number(),
  depth: z.number(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof Org>;

export const OrgWithAncestors = Org.extend({
  /** Ancestors the caller may see, root first (for breadcrumbs). */
  ancestors: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(orgKinds) })),
});
export type OrgWithAncestors = z.infer<typeof OrgWithAncestors>;

/** A child in the tree: the organisation and its members (the roll-up of its subtree, 会员数). */
export const OrgChild = Org.extend({ memberCount: z.number() });
export type OrgChild = z.infer<typeof OrgChild>;

/** Children in the official order (region code, districts before industry unions, name), searched by name or pinyin. */
export const OrgChildrenQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });
export type OrgChildrenQuery = z.infer<typeof OrgChildrenQuery>;

export const CreateOrgBody = z.object({
  parentId: BodyId,
  kind: z.enum(orgKinds),
  name: orgName,
  jointType: z.enum(jointTypes).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .optional(),
});
export type CreateOrgBody = z.infer<typeof CreateOrgBody>;

export const UpdateOrgBody = z.object({
  version: z.number().int().positive(),
  name: orgName.optional(),
  jointType: z.enum(jointTypes).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6,12}$/)
    .nullable()
    .optional(),
  zoneId: BodyId.nullable().optional(),
});
export type UpdateOrgBody = z.infer<typeof UpdateOrgBody>;

export const MoveOrgBody = z.object({ newParentId: BodyId });
export type MoveOrgBody = z.infer<typeof MoveOrgBody>;

export const OrgSearchQuery = z.object({
  q: z.string().trim().min(1).max(50),
  kind: z.enum(orgKinds).optional(),
  limit: queryCount(1, 50).default(20),
});
export type OrgSearchQuery = z.infer<typeof OrgSearchQuery>;

export const OrgSearchHit = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(orgKinds),
  /** Names from the caller's visible top down to the parent, for telling namesakes apart. */
  trail: z.array(z.string()),
});
export type OrgSearchHit = z.infer<typeof OrgSearchHit>;

export const Zone = z.object({ id: z.number(), orgId: z.number(), name: z.string(), memberCount: z.number() });
export type Zone = z.infer<typeof Zone>;
export const CreateZoneBody = z.object({ name: orgName });
export type CreateZoneBody = z.infer<typeof CreateZoneBody>;
