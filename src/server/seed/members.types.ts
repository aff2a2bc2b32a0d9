import type { EmploymentForm } from '../../common/members.js';
import type { Person } from './people.js';

/** The demo district's unions, employers and planned members (shared by the member seed and its extras). */
export type DemoEmployer = { id: number; name: string; headcount: number };
export type DemoUnion = {
  id: number;
  path: string;
  kind: string;
  streetId: number | null;
  createdDay: number;
  employers: DemoEmployer[];
  staff: number;
};
export type PlannedMember = { person: Person; union: DemoUnion; employer: DemoEmployer; form: EmploymentForm; joinDate: string };
export type DemoDistrict = { id: number; path: string; kind: string; regionCode: string };

/** The app_setting key that marks the demo members as loaded to the end: later starts do not look again. */
export const DEMO_MEMBERS_DONE = 'demo_members_done';
