-- Member search by name at 10M members (issue #16): a name search first reads each index range of the prefix in the
-- subtree's region, bounded (members.repo.ts, probeNameMatches), so each range is led by the region. The name's and
-- the pinyin key's (initials first) ranges take the place of their city-wide indexes; the full pinyin's range is
-- member_name_order_idx's (0024, the full pinyin in byte order per region), so 0013's city-wide index no longer earns
-- its cost on every import. One index fewer than before; a search of the whole city reads each region's range.
CREATE INDEX member_region_name_idx ON member (region_id, name text_pattern_ops, id);
CREATE INDEX member_region_pinyin_idx ON member (region_id, name_pinyin text_pattern_ops, id);
DROP INDEX member_name_idx;
DROP INDEX member_pinyin_idx;
DROP INDEX member_pinyin_full_idx;
