-- The official order of an organisation's children (issue #11): by region code (东城 110101, 西城 110102, 朝阳 110105 …)
-- with coded ones first, district federations before industry unions before the rest, then name, then id. One key
-- in byte order (COLLATE "C": the same on every server), spelt exactly as `childOrderKey` in orgs.order.ts, so the
-- keyset-paged children of a node (111 unions under one street) read this index in order.
CREATE INDEX org_unit_child_order_idx ON org_unit (
  parent_id,
  (((CASE WHEN region_code IS NULL THEN '1' ELSE '0' || region_code END) || '/' ||
    (CASE kind WHEN 'district_federation' THEN '1' WHEN 'industry_union' THEN '2' ELSE '3' END) || '/' || name) COLLATE "C"),
  id
);

-- The member list sorted by name (full pinyin, byte order, then id) or by join date, within a region: a district's
-- list walks these in order and stops after a page instead of sorting the district (issue #11).
CREATE INDEX member_name_order_idx ON member (region_id, (split_part(name_pinyin, ' ', 2) COLLATE "C"), id);
CREATE INDEX member_join_order_idx ON member (region_id, join_date, id);
