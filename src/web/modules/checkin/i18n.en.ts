import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of check-in. */
export const messages: Widen<typeof zhCN> = {
  checkin: {
    ticket: {
      title: 'Event ticket',
      show: 'Show this QR code at the entrance',
      unavailable: 'This registration has no ticket (only confirmed registrations have one)',
      back: 'Back to my events',
    },
    scanner: {
      title: 'Event check-in',
      download: 'Download the check-in list',
      downloaded: 'List downloaded: {{count}} valid tickets, {{cancelled}} cancelled ({{time}})',
      noPack: 'Download the check-in list while online; scanning then works offline',
      scan: 'Scan',
      stopScan: 'Stop scanning',
      cameraFailed: 'The camera could not be opened; type the ticket code instead',
      code: 'Ticket code',
      check: 'Check',
      queued: '{{count}} waiting to sync',
      sync: 'Sync',
      synced:
        'Synced {{count}}: {{accepted}} checked in, {{duplicate}} duplicates, {{cancelled}} cancelled while offline, {{invalid}} invalid',
      offline: 'Offline: scans are kept on this phone and sync when back online',
      verdict: {
        ok: 'Admit',
        duplicate: 'Scanned before; not counted twice',
        cancelled: 'Ticket cancelled',
        invalid: 'Invalid ticket',
      },
      outcome: {
        accepted: 'Checked in',
        duplicate: 'Duplicate',
        cancelled_while_offline: 'Cancelled while offline',
        invalid: 'Invalid',
      },
    },
  },
};
