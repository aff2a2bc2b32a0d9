import { CheckOutlined, CloseOutlined, FormOutlined } from '@ant-design/icons';
import { Alert, App, Button, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { MEMBER_LIMITS, type EmploymentForm } from '../../../common/members.js';
import { applicationStatuses, type Application, type ApplicationStatus, type DecisionResult } from '../../../common/applications.js';
import { ApiError } from '../../app/api.js';
import { useAuth } from '../../app/auth.js';
import { formatDateTime } from '../../app/format.js';
import { errorText, useNotify } from '../../app/notify.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { buttonTestId } from '../../app/testId.js';
import { ApplicationStatusTag, EmploymentTag } from '../members/memberTags.js';
import { applicationsApi, type ApplicationFilters } from './applications.api.js';
import { MeetingPicker } from './MeetingPicker.js';
import { RejectModal } from './RejectModal.js';

const PAGE_SIZE = 50;
/** The API's largest page: "select all" reads the filtered ids in pages of this size. */
const ID_PAGE = 500;
const MAX_SELECTION = MEMBER_LIMITS.batchDecision;

/** The 入会审核 tab: applications to this node's subtree, batch approve / return of a selection spanning pages. */
export function ReviewTab({ orgId, orgKindIsCovering }: { orgId: number; orgKindIsCovering: boolean }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const notify = useNotify();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<ApplicationFilters>({ status: 'pending' });
  const [version, setVersion] = useState(0);
  const [selected, setSelected] = useState<number[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'info' | 'error'; text: string } | null>(null);
  const [isSelectingAll, setSelectingAll] = useState(false);
  const [isDeciding, setDeciding] = useState(false);
  const [isRejecting, setRejecting] = useState(false);
  const pages = useCursorPages(
    (cursor) => applicationsApi.list(orgId, filters, cursor, PAGE_SIZE),
    `${orgId}:${JSON.stringify(filters)}:${version}`,
  );
  const canDecide = can('member.write') && filters.status === 'pending';

  const changeFilters = (next: ApplicationFilters) => {
    setFilters(next);
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
      setVersion((n) => n + 1);
      return true;
    } catch (error) {
      setNotice({ type: 'error', text: errorText(error, t('app.networkError')) });
      // Someone else decided some of them meanwhile: the selection is stale, start again from the fresh list.
      if (error instanceof ApiError && error.code === 'APPLICATION_NOT_PENDING') setSelected([]);
      setVersion((n) => n + 1);
      return false;
    } finally {
      setDeciding(false);
    }
  };

  const confirmApprove = () =>
    modal.confirm({
      title: t('application.approveConfirm', { count: selected.length }),
      content: t('application.approveHint'),
      okText: t('application.approve'),
      cancelText: t('common.cancel'),
      okButtonProps: buttonTestId('approve-ok'),
      onOk: () => decide('approve'),
    });

  const columns: TableColumnsType<Application> = [
    {
      title: t('member.field.name'),
      dataIndex: 'name',
      width: 170,
      fixed: 'left',
      render: (n: string, a) => (
        <Space size={4} wrap>
          <Typography.Text strong>{n}</Typography.Text>
          {a.status === 'pending' && a.flag !== 'new' && (
            <Tooltip title={t(`application.flagHint.${a.flag}`)}>
              <Tag color={a.flag === 'member_elsewhere' ? 'orange' : a.flag === 'lapsed' ? 'blue' : 'red'} data-testid="applicant-flag">
                {t(`application.flag.${a.flag}`)}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('member.field.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('member.field.phone'), dataIndex: 'phoneMasked', width: 120, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('member.field.gender'), dataIndex: 'gender', width: 60, render: (g: Application['gender']) => t(`member.gender.${g}`) },
    {
      title: t('member.field.employmentForm'),
      dataIndex: 'employmentForm',
      width: 140,
      render: (f: EmploymentForm) => <EmploymentTag form={f} />,
    },
    { title: t('member.field.employer'), dataIndex: 'employerName', ellipsis: true, render: (v: string | null) => v ?? t('common.none') },
    { title: t('application.field.union'), dataIndex: 'orgName', ellipsis: true },
    {
      title: t('application.field.source'),
      dataIndex: 'source',
      width: 130,
      render: (s: Application['source'], a) =>
        a.meetingId ? `${t(`application.source.${s}`)} #${a.meetingId}` : t(`application.source.${s}`),
    },
    { title: t('application.field.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('member.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
    },
  ];
  if (filters.status === 'rejected') {
    columns.push({ title: t('application.field.rejectReason'), dataIndex: 'rejectReason', ellipsis: true });
  }

  return (
    <div data-testid="review-tab">
      <div className="filters">
        <Select
          value={filters.status}
          onChange={(status: ApplicationStatus) => changeFilters({ ...filters, status })}
          options={applicationStatuses.map((s) => ({ value: s, label: t(`application.status.${s}`) }))}
          style={{ width: 140 }}
          data-testid="review-filter-status"
        />
        <MeetingPicker
          orgId={orgId}
          value={filters.meetingId}
          onChange={(meetingId) => changeFilters({ ...filters, meetingId })}
          placeholder={t('application.meetingFilter')}
          style={{ width: 260 }}
          testId="review-filter-meeting"
        />
        {can('member.write') && (
          <Button
            icon={<FormOutlined />}
            onClick={() => navigate(orgKindIsCovering ? `/intake?org=${orgId}` : '/intake')}
            style={{ marginLeft: 'auto' }}
            data-testid="open-intake"
          >
            {t('application.intake')}
          </Button>
        )}
      </div>
      {canDecide && (
        <div className="selection-bar" data-testid="selection-bar">
          <Typography.Text strong data-testid="selection-count">
            {t('application.selected', { count: selected.length })}
          </Typography.Text>
          <Button onClick={() => void selectAll()} loading={isSelectingAll} data-testid="select-all">
            {t('application.selectAll')}
          </Button>
          {selected.length > 0 && (
            <Button type="link" onClick={() => setSelected([])}>
              {t('application.clearSelection')}
            </Button>
          )}
          <Space style={{ marginLeft: 'auto' }}>
            <Button
              danger
              icon={<CloseOutlined />}
              disabled={selected.length === 0}
              onClick={() => setRejecting(true)}
              data-testid="reject-selected"
            >
              {t('application.reject')}
            </Button>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={selected.length === 0}
              loading={isDeciding}
              onClick={confirmApprove}
              data-testid="approve-selected"
            >
              {t('application.approve')}
            </Button>
          </Space>
        </div>
      )}
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          closable
          message={notice.text}
          style={{ marginBottom: 12 }}
          onClose={() => setNotice(null)}
          data-testid="decision-result"
        />
      )}
      <Table<Application>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={pages.items}
        loading={pages.isLoading}
        pagination={false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('application.empty') }}
        rowSelection={
          canDecide
            ? { selectedRowKeys: selected, preserveSelectedRowKeys: true, onChange: (keys) => select(keys.map(Number)), fixed: true }
            : undefined
        }
        data-testid="applications-table"
      />
      <PagerBar pages={pages} testId="applications-pager" />
      {isRejecting && (
        <RejectModal
          count={selected.length}
          onClose={() => setRejecting(false)}
          onSubmit={async (reason) => {
            if (await decide('reject', reason)) setRejecting(false);
          }}
        />
      )}
    </div>
  );
}
