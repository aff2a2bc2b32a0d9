import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of outreach meetings (双沟通) and the employers' unionisation pipeline. */
export const messages: Widen<typeof zhCN> = {
  outreach: {
    menu: 'Outreach',
    title: 'Outreach',
    create: 'New meeting',
    createTitle: 'New outreach meeting',
    kind: 'Kind',
    meetingKind: { worker: 'Worker meeting', enterprise: 'Enterprise meeting' },
    field: {
      title: 'Title',
      heldOn: 'Held on',
      venue: 'Venue',
      isOnline: 'Held online',
      org: 'Held by',
      parent: 'Main venue',
      applications: 'Applications',
      approved: 'Approved',
      employersEngaged: 'Employers engaged',
    },
    period: 'Period',
    thisYear: 'This year',
    subVenue: 'Sub-venue',
    mainVenue: 'Main venue',
    parentHint: 'For a sub-venue choose its main venue: same kind, held by this union or a parent, not itself a sub-venue',
    noParent: 'Not a sub-venue',
    online: 'Online',
    empty: 'No meetings in this period',
    stats: {
      workerMeetings: 'Worker meetings',
      enterpriseMeetings: 'Enterprise meetings',
      applications: 'Applications',
      approved: 'Approved',
      pipeline: 'Employers by unionisation stage',
    },
    created: 'Meeting created',
  },
  stage: {
    label: 'Unionisation stage',
    none: 'Not contacted',
    contacted: 'Contacted',
    persuaded: 'Agreed to unionise',
    preparing: 'Preparing',
    established: 'Union established',
    change: 'Update stage',
    changeTitle: 'Unionisation stage of “{{name}}”',
    meeting: 'Enterprise meeting it came from (optional)',
    noMeetings: 'No enterprise meetings to choose',
    changed: 'Stage updated',
  },
};
