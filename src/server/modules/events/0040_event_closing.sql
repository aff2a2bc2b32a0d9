-- The closing of an event (活动总结, issue #13): the cadre's text summary, who closed it and when. One row per event,
-- written once when the event moves to 'closed'; the attendance figures are not stored here, they are counted from
-- the registrations in SQL whenever the report is read (so a late correction of a check-in shows).
CREATE TABLE event_closing (
  event_id        bigint  NOT NULL PRIMARY KEY REFERENCES event (id),
  summary         text    NOT NULL CHECK (length(btrim(summary)) BETWEEN 1 AND 5000),
  closed_by       bigint  NOT NULL,
  closed_at       timestamptz NOT NULL DEFAULT now()
);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with, region_path) VALUES
  ('event_closing', 'reference', NULL, NULL, NULL);
