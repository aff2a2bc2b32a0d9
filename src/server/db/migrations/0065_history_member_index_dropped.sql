-- A member's history is always read with its region (`listHistory`, the lapses of `reconstructMonths`), through
-- member_status_history_region_member_idx (region_id, member_id, id) since 0020. The index of 0007 on (member_id, id)
-- without the region serves no query and costs every admission — a roster import writes one history row per member —
-- an index entry (issue #16).
DROP INDEX IF EXISTS member_status_history_member_idx;
