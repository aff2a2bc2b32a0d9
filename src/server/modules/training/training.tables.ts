import type { ColumnType } from 'kysely';
import type { Id, Timestamp } from '../../db/schema.js';
import type { AttendanceWay, SessionStatus, TeacherKind } from '../../../common/training.js';

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Instant = ColumnType<string, string, string>;

export type TrainingPlanTable = {
  id: Id;
  org_id: number;
  org_path: string;
  year: number;
  planned_sessions: number;
  target_people: number;
  topics: Defaulted<string[]>;
  created_at: Timestamp;
};

export type TrainingCourseTable = {
  id: Id;
  org_id: number;
  org_path: string;
  plan_id: number | null;
  title: string;
  topic: string;
  audience: Defaulted<string>;
  created_at: Timestamp;
};

export type TeacherTable = { id: Id; org_id: number; org_path: string; name: string; kind: TeacherKind; created_at: Timestamp };

export type TrainingSessionTable = {
  id: Id;
  course_id: number;
  org_id: number;
  org_path: string;
  starts_at: Instant;
  ends_at: Instant;
  place: string;
  capacity: number;
  status: Defaulted<SessionStatus>;
  event_session_id: number | null;
  created_at: Timestamp;
};

export type TeacherBookingTable = { teacher_id: number; training_session_id: number; during: string };

export type TrainingAttendanceTable = {
  region_id: number;
  member_id: number;
  training_session_id: number;
  org_id: number;
  org_path: string;
  how: AttendanceWay;
  marked_by: number | null;
  created_at: Timestamp;
};

declare module '../../db/schema.js' {
  interface DB {
    training_plan: TrainingPlanTable;
    training_course: TrainingCourseTable;
    teacher: TeacherTable;
    training_session: TrainingSessionTable;
    teacher_booking: TeacherBookingTable;
    training_attendance: TrainingAttendanceTable;
  }
}
