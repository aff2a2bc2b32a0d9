import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of the text-message outbox (短信发件箱). */
export const messages: Widen<typeof zhCN> = {
  outbox: {
    nav: 'Text messages',
    title: 'Text-message outbox',
    intro:
      'Every text message the platform sent (sign-in codes, transfer notices), phones masked. Without an SMS gateway they are kept only here.',
    at: 'Time',
    phone: 'Phone',
    purpose: 'Kind',
    purposes: {
      sign_in_code: 'Sign-in code',
      consent_code: 'Transfer consent code',
      transfer_notice: 'Transfer notice',
      event_confirmed: 'Event sign-up confirmed',
      event_offer: 'Event place offered',
      event_reminder: 'Event reminder',
    },
    text: 'Text',
    channel: 'Channel',
    channels: { outbox: 'Outbox', http: 'SMS gateway' },
    status: 'Status',
    statuses: { queued: 'Queued', sent: 'Sent', failed: 'Failed' },
  },
};
