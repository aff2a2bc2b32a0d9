import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of member cards. */
export const messages: Widen<typeof zhCN> = {
  card: {
    title: 'Member card',
    cardNo: 'Card no.',
    holder: 'Holder',
    union: 'Union',
    refreshIn: 'Refreshes in {{time}}',
    refreshing: 'Refreshing…',
    show: 'Show this QR code to staff to prove your membership',
    unavailable: 'Member card unavailable',
    reopen: 'Open again',
  },
};
