import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of the workbench (工作台, the console's home). */
export const messages: Widen<typeof zhCN> = {
  workbench: {
    menu: 'Workbench',
    title: 'Workbench',
    greeting: 'Hello, {{name}}',
    todos: 'Waiting for you',
    nothingWaits: 'Nothing waiting',
    open: 'Open',
    figures: 'Key figures',
    members: 'Members',
    membershipRate: 'Membership rate',
    unionisationRate: 'Unionisation rate',
    grassrootsUnions: 'Grassroots unions',
    activity: 'Recent activity',
    ownActivity: 'My recent actions',
    noActivity: 'No activity yet',
    allAudit: 'Open the audit log',
    dashboard: 'Open the dashboard',
    moreNodes: 'Showing the first {{count}} organisations',
  },
};
