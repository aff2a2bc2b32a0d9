import { sql, type RawBuilder } from 'kysely';
import type { OrgKind } from '../../../common/orgs.js';

/**
 * The official order of an organisation's children: region code first (coded before uncoded), district federations
 * before industry unions before the rest, then the name. One text key in byte order, the expression of the index
 * `org_unit_child_order_idx` (0024_list_sort.sql): change both together.
 */
export function childOrderKey(alias: 'o'): RawBuilder<string> {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  return sql<string>`(((CASE WHEN ${col('region_code')} IS NULL THEN '1' ELSE '0' || ${col('region_code')} END) || '/' ||
    (CASE ${col('kind')} WHEN 'district_federation' THEN '1' WHEN 'industry_union' THEN '2' ELSE '3' END) || '/' || ${col('name')}) COLLATE "C")`;
}

/** `childOrderKey` of one organisation, computed here for a page's cursor (the same text the SQL gives). */
export function childOrderKeyOf(org: { regionCode: string | null; kind: OrgKind; name: string }): string {
  const rank = org.kind === 'district_federation' ? '1' : org.kind === 'industry_union' ? '2' : '3';
  return `${org.regionCode === null ? '1' : `0${org.regionCode}`}/${rank}/${org.name}`;
}
