import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of coverage figures, the dashboard and data quality. */
export const messages: Widen<typeof zhCN> = {
  coverage: {
    grassrootsUnions: 'Grassroots unions',
    employersCovered: 'Employers covered',
    members: 'Members',
    employees: 'Employees',
    membershipRate: 'Membership rate',
    unionisationRate: 'Unionisation rate',
    employers: 'Employers',
    employers100plus: 'Employers with 100+ staff',
    membershipRateHelp: 'Members ÷ employees of unionised units',
    unionisationRateHelp: 'Unionised units with 100+ staff ÷ all units with 100+ staff',
  },
  dashboard: {
    menu: 'Dashboard',
    title: 'Dashboard',
    countsChart: 'Children: grassroots unions and employers covered',
    ratesChart: 'Children: membership and unionisation rates',
    drillHint: 'Click a bar to drill down',
    noChildren: 'This organisation has no children',
    up: 'Up one level',
    openOrg: 'Open organisation page',
    shownLargest: 'Showing the {{shown}} largest of {{total}} children',
    fellBack: 'The organisation asked for is outside your area (or no longer exists): showing your own instead.',
    outOfView: 'This organisation is outside your area, or no longer exists',
  },
  trend: {
    title: 'Monthly trend: members, membership and unionisation rates',
    live: 'live',
    yearOnYear: 'YoY',
    monthOnMonth: 'MoM',
    points: '{{value}} pp',
  },
  map: {
    title: 'Coverage by district of Beijing',
    metric: { membershipRate: 'Membership rate', unionisationRate: 'Unionisation rate', members: 'Members' },
    hint: '{{count}} districts; click a district to open its dashboard',
    outOfScope: 'Outside your area',
    high: 'High',
    low: 'Low',
  },
  report: {
    button: 'Report',
    title: 'Coverage report (Excel)',
    help: 'Pick a month: this month gives live figures, a past month its month-end snapshot',
    download: 'Download report',
  },
  quality: {
    score: 'Data quality',
    help: 'Out of 100: complete member records weigh {{completeness}}%, valid roster ID numbers {{validIds}}%, ID numbers not repeated {{uniqueIds}}%.',
    table: 'Units below: data quality',
    incomplete: 'Incomplete records',
    submitted: 'Roster ID numbers',
    invalid: 'Invalid IDs',
    duplicate: 'Repeated IDs',
    overRate: 'Units with a membership rate over 100 %',
    overRateHelp:
      "More members than staff in the units they cover cannot be true: usually rows of other employers on a roster, or headcounts not kept up. Check the rosters' employer column and the employers' headcounts.",
    employeesCovered: 'Staff of covered units',
  },
};
