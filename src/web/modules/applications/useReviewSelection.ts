import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_LIMITS } from '../../../common/members.js';
import { type DecisionResult } from '../../../common/applications.js';
import { ApiError } from '../../app/api.js';
import { errorText, useNotify } from '../../app/notify.js';
import { applicationsApi, type ApplicationFilters } from './applications.api.js';

/** The API's largest page: "select all" reads the filtered ids in pages of this size. */
const ID_PAGE = 500;
export const MAX_SELECTION = MEMBER_LIMITS.batchDecision;

export type Notice = { type: 'success' | 'info' | 'error'; text: string };

/**
 * The review desk's selection (spanning pages, capped at the batch limit) and its batch decision. `onDecided`
 * reloads the list: after a decision, and after a refusal too (someone else may have decided meanwhile).
 */
export function useReviewSelection(orgId: number, filters: ApplicationFilters, onDecided: () => void) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [selected, setSelected] = useState<number[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isSelectingAll, setSelectingAll] = useState(false);
  const [isDeciding, setDeciding] = useState(false);

  const clear = () => {
    setSelected([]);
    setNotice(null);
  };

  const select = (keys: number[]) => {
    if (keys.length > MAX_SELECTION) {
      setNotice({ type: 'info', text: t('application.selectCapped', { max: MAX_SELECTION }) });
      setSelected(keys.slice(0, MAX_SELECTION));
    } else setSelected(keys);
  };

  const selectAll = async () => {
    setSelectingAll(true);
    setNotice(null);
    try {
      const ids: number[] = [];
      let cursor: string | undefined;
      let hasMore = true;
      while (hasMore && ids.length < MAX_SELECTION) {
        const page = await applicationsApi.list(orgId, filters, cursor, ID_PAGE);
        ids.push(...page.items.map((a) => a.id));
        cursor = page.nextCursor ?? undefined;
        hasMore = page.nextCursor !== null;
      }
      const isCapped = hasMore || ids.length > MAX_SELECTION;
      setSelected(ids.slice(0, MAX_SELECTION));
      setNotice({
        type: 'info',
        text: isCapped ? t('application.selectCapped', { max: MAX_SELECTION }) : t('application.selectedAll', { count: ids.length }),
      });
    } catch (error) {
      notify.error(error);
    } finally {
      setSelectingAll(false);
    }
  };

  const decide = async (decision: 'approve' | 'reject', reason?: string): Promise<boolean> => {
    setDeciding(true);
    try {
      const result: DecisionResult = await applicationsApi.decide({ ids: selected, decision, reason });
      const text =
        decision === 'reject'
          ? t('application.resultRejected', { rejected: result.rejected })
          : t('application.resultApproved', { approved: result.approved }) +
            (result.transfersRequested > 0 ? t('application.resultTransfers', { count: result.transfersRequested }) : '') +
            (result.duplicates > 0 ? t('application.resultDuplicates', { count: result.duplicates }) : '');
      setNotice({ type: 'success', text });
      notify.success(text);
      setSelected([]);
      onDecided();
      return true;
    } catch (error) {
      setNotice({ type: 'error', text: errorText(error, t('app.networkError')) });
      // Someone else decided some of them meanwhile: the selection is stale, start again from the fresh list.
      if (error instanceof ApiError && error.code === 'APPLICATION_NOT_PENDING') setSelected([]);
      onDecided();
      return false;
    } finally {
      setDeciding(false);
    }
  };

  return {
    selected,
    setSelected,
    notice,
    setNotice,
    clear,
    select,
    selectAll,
    decide,
    isSelectingAll,
    isDeciding,
  };
}

export type ReviewSelection = ReturnType<typeof useReviewSelection>;
