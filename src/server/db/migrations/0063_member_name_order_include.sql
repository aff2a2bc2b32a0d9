-- A name search's full-pinyin range counted from the index alone (issue #16): whether a common prefix's ranges are few
-- enough to read or the page should walk the region's ids (members.repo.ts, probeNameMatches) is decided by counting
-- each range up to a bound. An index on an expression answers an index-only scan only when the columns the expression
-- reads are in the index too: without name_pinyin, "zh" in 东城 at 10M members read 629,780 entries of another index
-- (468 ms) to count 10,001 of this one's.
DROP INDEX member_name_order_idx;
CREATE INDEX member_name_order_idx ON member (region_id, (split_part(name_pinyin, ' ', 2) COLLATE "C"), id) INCLUDE (name_pinyin);
