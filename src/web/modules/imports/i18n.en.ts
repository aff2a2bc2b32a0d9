import type { Widen } from '../../i18n/messages.js';
import type { messages as zhCN } from './i18n.zh-CN.js';

/** English strings of roster imports (名册导入). */
export const messages: Widen<typeof zhCN> = {
  imports: {
    menu: 'Roster import',
    todo: 'Failed roster imports (30 days)',
    title: 'Roster import',
    template: 'Download the roster template',
    templateHint:
      'Use the fixed-column template (name, ID number, phone, gender, employment form, employer, join date); its drop-downs are built in.',
    dragger: 'Click or drag a roster file here to upload',
    draggerHint: '.xlsx or .csv, at most {{maxMb}} MB; keep ID numbers formatted as text',
    wrongType: 'Only .xlsx or .csv files are accepted',
    tooLarge: 'The file exceeds the {{maxMb}} MB limit',
    notCovering: 'Rosters are imported into a grassroots union, joint union or branch. Choose one in the tree.',
    noWrite: 'You may not import members; you can only view past imports.',
    uploading: 'Uploading…',
    progress: 'Import progress',
    rowsRead: '{{count}} rows processed',
    imported: 'Imported',
    rejected: 'Rejected',
    duplicates: 'Duplicates',
    elsewhere: 'Members elsewhere',
    elsewhereHint: '{{count}} rows are members of other unions: not imported, and no transfer was opened for them.',
    elsewhereShow: 'Show the list',
    elsewhereRequest: 'Request their transfers',
    transfersRequested:
      "{{requested}} transfers requested ({{skipped}} skipped), awaiting each member's consent and their union's confirmation",
    row: 'Row',
    downloadErrors: 'Download rejected rows',
    errorsHint: 'The error file keeps the uploaded columns and adds a “reason” column; fix the rows and import them again.',
    failed: 'Import failed',
    done: 'Import finished',
    history: 'Past imports',
    historyEmpty: 'No imports yet',
    fileName: 'File',
    statusLabel: 'Status',
    status: { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' },
    createdAt: 'Uploaded',
    finishedAt: 'Finished',
    attached: '{{count}} members of this union who had no employer were put on the employer their row names.',
    unknownEmployers: 'Employers this union does not cover',
    unknownHeld:
      '{{count}} rows name an employer this union does not cover: they were held, not imported (see the error file), so the membership rate stays true. Create the employer, then import the same file again to add them to it.',
    unknownImported:
      'This union has no employers on record: the members of these employers were imported without one. Create the employers so that the membership rate can be counted.',
    unknownName: 'Employer (as on the roster)',
    unknownRows: 'Rows',
    createEmployer: 'Create employer',
    employerCreated: 'Created',
    another: 'Import another file',
  },
};
