import { z } from 'zod';
import { PageQuery } from './paging.js';
import { attendanceWays } from './training.js';

/** Who attended a training session, newest mark first, for the cadres of the session's node. */
export const AttendeeListQuery = PageQuery;
export type AttendeeListQuery = z.infer<typeof AttendeeListQuery>;

export const Attendee = z.object({
  memberId: z.number(),
  memberName: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  how: z.enum(attendanceWays),
  markedAt: z.string(),
});
export type Attendee = z.infer<typeof Attendee>;
