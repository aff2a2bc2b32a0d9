import { FormOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { applicationStatuses, type ApplicationStatus } from '../../../common/applications.js';
import { useAuth } from '../../app/auth.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { applicationsApi, type ApplicationFilters } from './applications.api.js';
import { useApplicationColumns } from './applicationColumns.js';
import { MeetingPicker } from './MeetingPicker.js';
import { RejectModal } from './RejectModal.js';
import { DecisionNotice, SelectionBar } from './SelectionBar.js';
import { useReviewSelection } from './useReviewSelection.js';

const PAGE_SIZE = 50;

/** The 入会审核 tab: applications to this node's subtree, batch approve / return of a selection spanning pages. */
export function ReviewTab({ orgId, orgKindIsCovering }: { orgId: number; orgKindIsCovering: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [isRejecting, setRejecting] = useState(false);
  const list = useList((filters: ApplicationFilters, cursor) => applicationsApi.list(orgId, filters, cursor, PAGE_SIZE), {
    initial: { status: 'pending' },
    scope: orgId,
  });
  const filters = list.filter;
  const selection = useReviewSelection(orgId, filters, list.restart);
  const columns = useApplicationColumns(filters.status);
  const canDecide = can('member.write') && filters.status === 'pending';

  const changeFilters = (patch: Partial<ApplicationFilters>) => {
    list.apply(patch);
    selection.clear();
  };

  return (
    <ListPage
      list={list}
      columns={columns}
      testId="applications"
      containerTestId="review-tab"
      scrollX={1450}
      emptyText={t('application.empty')}
      filters={
        <>
          <Select
            value={filters.status}
            onChange={(status: ApplicationStatus) => changeFilters({ status })}
            options={applicationStatuses.map((s) => ({ value: s, label: t(`application.status.${s}`) }))}
            style={{ width: 140 }}
            data-testid="review-filter-status"
          />
          <MeetingPicker
            orgId={orgId}
            value={filters.meetingId}
            onChange={(meetingId) => changeFilters({ meetingId })}
            placeholder={t('application.meetingFilter')}
            style={{ width: 260 }}
            testId="review-filter-meeting"
          />
        </>
      }
      actions={
        can('member.write') && (
          <Button
            icon={<FormOutlined />}
            onClick={() => navigate(orgKindIsCovering ? `/intake?org=${orgId}` : '/intake')}
            data-testid="open-intake"
          >
            {t('application.intake')}
          </Button>
        )
      }
      above={
        <>
          {canDecide && <SelectionBar selection={selection} onReject={() => setRejecting(true)} />}
          <DecisionNotice selection={selection} />
        </>
      }
      rowSelection={
        canDecide
          ? {
              selectedRowKeys: selection.selected,
              preserveSelectedRowKeys: true,
              onChange: (keys) => selection.select(keys.map(Number)),
              fixed: true,
            }
          : undefined
      }
    >
      {isRejecting && (
        <RejectModal
          count={selection.selected.length}
          onClose={() => setRejecting(false)}
          onSubmit={(reason) => selection.decide('reject', reason)}
        />
      )}
    </ListPage>
  );
}
