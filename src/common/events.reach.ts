import { z } from 'zod';
import { CalendarDate } from './inputs.js';
import { Id } from './paging.js';

/** Reach of events and training (issue #13) for a subtree over a period (Beijing days, inclusive). */
export const ReachQuery = z
  .object({ orgId: Id, from: CalendarDate, to: CalendarDate })
  .refine((q) => q.to >= q.from, { message: '结束日期不能早于开始日期 / the end must not precede the start', path: ['to'] });
export type ReachQuery = z.infer<typeof ReachQuery>;

export const Reach = z.object({
  orgId: z.number(),
  from: z.string(),
  to: z.string(),
  /** Distinct members with a confirmed or attended registration, or a training attendance: once per person. */
  people: z.number(),
  /** Of them, reached by events / by training (a person in both counts in each, once in `people`). */
  eventPeople: z.number(),
  trainingPeople: z.number(),
  /** Registrations of sessions in the period, whatever became of them. */
  signUps: z.number(),
  /** Attended ÷ (attended + no-show + confirmed of sessions already over); null before any session is over. */
  attendanceRate: z.number().nullable(),
  attended: z.number(),
  training: z.object({ sessionsHeld: z.number(), plannedSessions: z.number(), targetPeople: z.number() }),
  /** People reached per child node of the subtree's top. */
  children: z.array(z.object({ orgId: z.number(), orgName: z.string(), people: z.number() })),
});
export type Reach = z.infer<typeof Reach>;
