import type { Messages } from './index.js';

type ImportsMessages = Pick<Messages, 'imports' | 'export' | 'quality'>;

/** English strings of the roster import, the member export and data quality. */
export const importsEn: ImportsMessages = {
  imports: {
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
    another: 'Import another file',
  },
  export: {
    button: 'Export members',
    title: 'Export the member list',
    format: 'File format',
    reveal: 'Include full ID numbers and phones',
    revealWarning: 'Exporting full ID numbers and phones is recorded in the audit log; keep the file safe.',
    scope: 'Exports every member of “{{name}}” and the units under it.',
    start: 'Export',
    done: 'Download started',
    reason: 'Reason for the full export',
    reasonPlaceholder: 'e.g. annual member insurance enrolment',
    reasonHelp: 'Shown to auditors with the export; full exports are limited per day.',
  },
  quality: {
    score: 'Data quality',
    help: 'Out of 100: complete member records weigh {{completeness}}%, valid roster ID numbers {{validIds}}%, ID numbers not repeated {{uniqueIds}}%.',
    table: 'Units below: data quality',
    incomplete: 'Incomplete records',
    submitted: 'Roster ID numbers',
    invalid: 'Invalid IDs',
    duplicate: 'Repeated IDs',
  },
};
