import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CreateLedgerEntryBody } from '../../../common/ledger.js';
import type { LedgerImport } from '../../../common/ledger.import.js';
import { useNotify } from '../../app/notify.js';
import { ledgerImportApi } from './ledgerImport.api.js';

/** The draft of the page (its id kept in the address, so a reload or a later visit finds it) and its actions. */
export function useLedgerImport() {
  const notify = useNotify();
  const [params, setParams] = useSearchParams();
  const draftId = Number(params.get('draft')) || undefined;
  const [draft, setDraft] = useState<LedgerImport | undefined>(undefined);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    if (!draftId || draft?.id === draftId) return;
    ledgerImportApi.draft(draftId).then(setDraft, notify.error);
  }, [draftId, draft?.id, notify]);

  const propose = useCallback(
    async (orgId: number, file: File) => {
      setBusy(true);
      try {
        const made = await ledgerImportApi.propose(orgId, file);
        setDraft(made);
        setParams((p) => {
          p.set('draft', String(made.id));
          return p;
        });
      } catch (error) {
        notify.error(error);
      } finally {
        setBusy(false);
      }
    },
    [notify, setParams],
  );

  const confirm = useCallback(
    async (position: number, body: CreateLedgerEntryBody) => {
      if (!draft) return;
      try {
        await ledgerImportApi.confirm(draft.id, position, body);
        setDraft(await ledgerImportApi.draft(draft.id));
      } catch (error) {
        notify.error(error);
      }
    },
    [draft, notify],
  );

  const discard = useCallback(
    async (position: number) => {
      if (!draft) return;
      try {
        setDraft(await ledgerImportApi.discard(draft.id, position));
      } catch (error) {
        notify.error(error);
      }
    },
    [draft, notify],
  );

  return { draftId, draft, isBusy, propose, confirm, discard };
}
