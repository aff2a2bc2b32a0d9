-- Name search by full pinyin ("wangwei") matched the second word of name_pinyin with LIKE '% wangwei%', which no
-- index serves: a rare prefix scanned a whole district (294 ms at 1M members, measured by `npm run bench`). An index
-- on the second word makes all three name conditions index ranges the planner can OR together.
CREATE INDEX member_pinyin_full_idx ON member (split_part(name_pinyin, ' ', 2) text_pattern_ops, id);
