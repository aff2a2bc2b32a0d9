-- Training (送教 / 培训, issue #13): annual plans, courses, teachers, sessions, teacher bookings and attendance.
--
--  * A teacher is never booked into overlapping sessions: teacher_booking holds the session's time as a half-open
--    range and an exclusion constraint (btree_gist) refuses a second booking of the same teacher that overlaps it;
--    a session ending when the next begins does not overlap. A cancelled session deletes its bookings.
--  * Attendance belongs to the member (the member's region, moving with the member) and keeps the union the member
--    belonged to when they attended (org_id, org_path): coverage is attributed there, whatever transfers follow. The
--    path follows moves of that union's subtree (the union is still the same union), not the member's transfers.
--  * One attendance per member and session (its primary key): marking again or checking in twice counts nothing new.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE SEQUENCE training_plan_id_seq;
CREATE TABLE training_plan (
  id                bigint  NOT NULL DEFAULT nextval('training_plan_id_seq') PRIMARY KEY,
  org_id            bigint  NOT NULL REFERENCES org_unit (id),
  org_path          ltree   NOT NULL,
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  planned_sessions  integer NOT NULL CHECK (planned_sessions BETWEEN 1 AND 10000),
  target_people     integer NOT NULL CHECK (target_people BETWEEN 0 AND 10000000),
  topics            text[]  NOT NULL DEFAULT '{}',
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, year)
);
CREATE INDEX training_plan_path_gist ON training_plan USING gist (org_path);

CREATE SEQUENCE training_course_id_seq;
CREATE TABLE training_course (
  id          bigint  NOT NULL DEFAULT nextval('training_course_id_seq') PRIMARY KEY,
  org_id      bigint  NOT NULL REFERENCES org_unit (id),
  org_path    ltree   NOT NULL,
  plan_id     bigint  REFERENCES training_plan (id),
  title       text    NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 100),
  topic       text    NOT NULL CHECK (length(btrim(topic)) BETWEEN 1 AND 100),
  audience    text    NOT NULL DEFAULT '' CHECK (length(audience) <= 100),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_course_path_gist ON training_course USING gist (org_path);
CREATE INDEX training_course_plan_idx ON training_course (plan_id);

-- 劳模宣讲团 lecturers (model_worker), 职工匠师 (craftsman) and other lecturers, each kept by a node.
CREATE SEQUENCE teacher_id_seq;
CREATE TABLE teacher (
  id          bigint  NOT NULL DEFAULT nextval('teacher_id_seq') PRIMARY KEY,
  org_id      bigint  NOT NULL REFERENCES org_unit (id),
  org_path    ltree   NOT NULL,
  name        text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
  kind        text    NOT NULL CHECK (kind IN ('model_worker', 'craftsman', 'lecturer')),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX teacher_path_gist ON teacher USING gist (org_path);

CREATE SEQUENCE training_session_id_seq;
CREATE TABLE training_session (
  id                bigint  NOT NULL DEFAULT nextval('training_session_id_seq') PRIMARY KEY,
  course_id         bigint  NOT NULL REFERENCES training_course (id),
  -- The course's node: who runs the session.
  org_id            bigint  NOT NULL REFERENCES org_unit (id),
  org_path          ltree   NOT NULL,
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL,
  place             text    NOT NULL CHECK (length(btrim(place)) BETWEEN 1 AND 200),
  capacity          integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
  status            text    NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  -- The events module's session (班次) that takes the sign-ups, once linked (no foreign key yet).
  event_session_id  bigint,
  created_at        timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX training_session_path_gist ON training_session USING gist (org_path);
CREATE INDEX training_session_course_idx ON training_session (course_id, starts_at);

CREATE TABLE teacher_booking (
  teacher_id           bigint    NOT NULL REFERENCES teacher (id),
  training_session_id  bigint    NOT NULL REFERENCES training_session (id),
  during               tstzrange NOT NULL CHECK (NOT isempty(during) AND lower_inc(during) AND NOT upper_inc(during)),
  PRIMARY KEY (teacher_id, training_session_id),
  CONSTRAINT teacher_booking_no_overlap EXCLUDE USING gist (teacher_id WITH =, during WITH &&)
);
CREATE INDEX teacher_booking_session_idx ON teacher_booking (training_session_id);

CREATE TABLE training_attendance (
  region_id            bigint  NOT NULL,
  member_id            bigint  NOT NULL,
  training_session_id  bigint  NOT NULL REFERENCES training_session (id),
  -- The member's union when they attended.
  org_id               bigint  NOT NULL REFERENCES org_unit (id),
  org_path             ltree   NOT NULL,
  how                  text    NOT NULL CHECK (how IN ('cadre_list', 'self_qr')),
  marked_by            bigint,
  created_at           timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (region_id, training_session_id, member_id),
  FOREIGN KEY (region_id, member_id) REFERENCES member (region_id, id)
);
CREATE INDEX training_attendance_member_idx ON training_attendance (region_id, member_id, created_at DESC);
CREATE INDEX training_attendance_session_idx ON training_attendance (training_session_id);
CREATE INDEX training_attendance_path_gist ON training_attendance USING gist (org_path);

INSERT INTO table_placement (table_name, placement, distribution_column, colocate_with) VALUES
  ('training_plan', 'reference', NULL, NULL),
  ('training_course', 'reference', NULL, NULL),
  ('teacher', 'reference', NULL, NULL),
  ('training_session', 'reference', NULL, NULL),
  ('teacher_booking', 'reference', NULL, NULL),
  ('training_attendance', 'distributed', 'region_id', 'member');

INSERT INTO org_path_column (table_name, column_name, follows_moves) VALUES
  ('training_plan', 'org_path', true),
  ('training_course', 'org_path', true),
  ('teacher', 'org_path', true),
  ('training_session', 'org_path', true),
  ('training_attendance', 'org_path', true);
