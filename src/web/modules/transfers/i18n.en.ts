import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of membership transfers (会籍转移). */
export const messages: Widen<typeof zhCN> = {
  transfer: {
    todo: 'Transfers out to confirm',
    incoming: 'Incoming',
    outgoing: 'Outgoing',
    status: { pending: 'Awaiting confirmation', confirmed: 'Confirmed', rejected: 'Refused', cancelled: 'Cancelled' },
    field: {
      member: 'Member',
      from: 'From',
      to: 'To',
      requestedAt: 'Requested',
      autoConfirmAt: 'Auto-confirms on',
      note: 'Note',
      status: 'Status',
    },
    request: 'Request transfer',
    requestTitle: 'Request a membership transfer',
    requestHint:
      "Find the member by ID number (each look-up is audited and limited per hour). The transfer needs the member's own consent by a code to their phone and their current union's confirmation.",
    toOrg: 'Receiving union',
    requested: "Transfer requested: waiting for the member's consent and {{from}}'s confirmation",
    confirm: 'Confirm',
    reject: 'Refuse',
    decideTitle: '{{action}}: {{name}} ({{from}} → {{to}})',
    confirmed: 'Transfer confirmed',
    rejectedMsg: 'Transfer refused',
    autoHint: 'Once the member consented, confirms itself on {{date}} unless decided',
    consent: { none: "Awaiting member's consent", code: 'Member consented (code)', paper: 'Member consented (paper)' },
    released: 'Releasing union confirmed',
    paperRef: "Number of the member's signed paper consent form (if any)",
    paperHint:
      "The member has not consented on their phone. With their signed paper form, enter its number and confirming moves them; otherwise your confirmation waits for the member's consent.",
    field2: { consent: 'Member consent' },
    empty: 'No transfers',
  },
};
