import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employmentForms, type EmploymentForm } from '../../../common/members.js';
import { type IntakeApplicationBody } from '../../../common/applications.js';
import { ApiError } from '../../app/api.js';
import { errorText } from '../../app/notify.js';
import { applicationsApi } from './applications.api.js';
import type { IntakeEntry } from './IntakeList.js';

/** Entries kept on screen; older ones are already safely recorded. */
const LIST_MAX = 200;

/** Alt+1…6 picks the employment form from anywhere on the page. */
export function useEmploymentHotkey(setEmploymentForm: (form: EmploymentForm) => void): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      // event.code, not event.key: Option+1 on a Mac types "¡".
      const digit = /^(?:Digit|Numpad)([1-6])$/.exec(event.code)?.[1];
      const form = event.altKey && digit ? employmentForms[Number(digit) - 1] : undefined;
      if (form) {
        event.preventDefault();
        setEmploymentForm(form);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setEmploymentForm]);
}

/**
 * The people entered at this sitting, newest first: each is sent at once and its line shows the outcome (tracking
 * code, transfer, or the refusal to fix), so the form is free for the next person while requests run.
 */
export function useIntakeQueue() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<IntakeEntry[]>([]);
  const counter = useRef(0);

  const send = (entry: IntakeEntry) => {
    applicationsApi.intake(entry.body).then(
      (receipt) =>
        update(entry.key, { kind: 'done', trackingCode: receipt.trackingCode, isTransfer: receipt.status === 'transfer_requested' }),
      (error: unknown) =>
        update(entry.key, {
          kind: 'failed',
          code: error instanceof ApiError ? error.code : 'NETWORK',
          message: errorText(error, t('app.networkError')),
        }),
    );
  };
  const update = (key: number, state: IntakeEntry['state']) => setEntries((list) => list.map((e) => (e.key === key ? { ...e, state } : e)));

  const add = (body: IntakeApplicationBody, maskedId: string) => {
    counter.current += 1;
    const entry: IntakeEntry = { key: counter.current, body, maskedId, state: { kind: 'sending' } };
    setEntries((list) => [entry, ...list].slice(0, LIST_MAX));
    send(entry);
  };
  /** Takes an entry off the list (to correct and send it again). */
  const remove = (key: number) => setEntries((list) => list.filter((e) => e.key !== key));

  const ok = entries.filter((e) => e.state.kind === 'done').length;
  const failed = entries.filter((e) => e.state.kind === 'failed').length;
  return { entries, add, remove, ok, failed };
}
