import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of training and of the reach card. */
export const messages: Widen<typeof zhCN> = {
  training: {
    menu: 'Training',
    title: 'Training',
    year: 'Year',
    tabs: { plans: 'Annual plans', sessions: 'Courses and sessions', teachers: 'Teachers' },
    empty: 'No training plans under this organisation',
    plan: {
      org: 'Organisation',
      sessions: 'Sessions (held / planned)',
      people: 'Workers trained (distinct / target)',
    },
    course: { title: 'Course', topic: 'Topic', audience: 'Audience' },
    session: {
      create: 'New session',
      created: 'Session created',
      course: 'Course',
      startsAt: 'Starts',
      endsAt: 'Ends',
      place: 'Place',
      capacity: 'Places',
      teachers: 'Teachers',
      status: 'Status',
      attended: 'Attended',
      open: 'Attendance',
      clash: 'Teacher already booked',
    },
    status: { planned: 'Planned', held: 'Held', cancelled: 'Cancelled' },
    teacher: { name: 'Name', kind: 'Kind', org: 'Organisation' },
    teacherKind: { model_worker: 'Model-worker lecturer', craftsman: 'Master craftsman', lecturer: 'Lecturer' },
    attendance: {
      title: 'Attendance',
      memberIds: 'Member numbers (separated by commas or lines)',
      mark: 'Mark present',
      marked: '{{added}} marked, {{already}} already marked',
      code: 'Check-in code',
      codeHint: 'Members type this code on their phone to check in; it changes every 30 seconds',
      showCode: 'Show the check-in code',
      rotatesAt: 'Changes at {{at}}',
    },
  },
  reach: {
    title: 'Reach of events and training',
    people: 'People reached (distinct)',
    signUps: 'Sign-ups',
    attendanceRate: 'Attendance rate',
    trainingProgress: 'Training sessions (held / planned)',
    byChild: 'People reached per child organisation',
    none: '—',
  },
};
