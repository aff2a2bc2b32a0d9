import { Segmented, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { LedgerImportDraftStatus, LedgerImportSummary } from '../../../common/ledger.import.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { ledgerImportApi } from './ledgerImport.api.js';

const PAGE_SIZE = 10;

type DraftsFilter = { status: LedgerImportDraftStatus | 'all' };
const choices = ['open', 'finished', 'all'] as const;

/** The address of the page with this draft open (shareable, survives a reload). */
function useDraftHref(): (id: number) => string {
  const [params] = useSearchParams();
  return (id) => {
    const next = new URLSearchParams(params);
    next.set('draft', String(id));
    return `?${next.toString()}`;
  };
}

function useDraftColumns(): TableColumnsType<LedgerImportSummary> {
  const { t } = useTranslation();
  const hrefOf = useDraftHref();
  return [
    {
      key: 'title',
      title: t('ledgerImport.drafts.page'),
      ellipsis: true,
      render: (_: unknown, d) => (
        <Link to={hrefOf(d.id)} data-testid={`ledger-import-draft-${d.id}`}>
          {d.fileName ?? d.firstLine}
        </Link>
      ),
    },
    { title: t('ledgerImport.drafts.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
    {
      key: 'created',
      title: t('ledgerImport.drafts.created'),
      width: 200,
      render: (_: unknown, d) => (
        <Space direction="vertical" size={0}>
          <span>{formatDateTime(d.createdAt)}</span>
          {d.createdByName && <Typography.Text type="secondary">{d.createdByName}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'proposals',
      title: t('ledgerImport.drafts.proposals'),
      width: 260,
      render: (_: unknown, d) => (
        <Space size={4} wrap data-testid={`ledger-import-draft-counts-${d.id}`}>
          <Tag color={d.open > 0 ? 'blue' : 'default'}>{t('ledgerImport.drafts.count.open', { count: d.open })}</Tag>
          <Tag color={d.confirmed > 0 ? 'green' : 'default'}>{t('ledgerImport.drafts.count.confirmed', { count: d.confirmed })}</Tag>
          <Tag>{t('ledgerImport.drafts.count.discarded', { count: d.discarded })}</Tag>
        </Space>
      ),
    },
  ];
}

/**
 * 草稿: the imports of the node's subtree, by whether a proposal still awaits a decision; a row opens its draft on
 * this page (`?draft=<id>`). `refreshKey` changes when the open draft's proposals do: the counts are read again.
 */
export function DraftsList({ orgId, openId, refreshKey }: { orgId: number; openId: number | undefined; refreshKey: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const hrefOf = useDraftHref();
  const list = useList(
    ({ status }: DraftsFilter, cursor) => ledgerImportApi.drafts(orgId, status === 'all' ? undefined : status, cursor, PAGE_SIZE),
    { initial: { status: 'open' }, scope: `${orgId}:${refreshKey}` },
  );
  return (
    <ListPage
      list={list}
      columns={useDraftColumns()}
      testId="ledger-import-drafts"
      containerTestId="ledger-import-drafts-list"
      size="small"
      scrollX={900}
      emptyText={t('ledgerImport.drafts.empty')}
      filters={
        <Segmented<DraftsFilter['status']>
          value={list.draft.status}
          onChange={(status) => list.apply({ status })}
          options={choices.map((s) => ({ value: s, label: t(`ledgerImport.drafts.status.${s}`) }))}
          data-testid="ledger-import-drafts-status"
        />
      }
      onRow={(d) => ({
        style: { cursor: 'pointer', ...(d.id === openId ? { background: '#e6f4ff' } : {}) },
        onClick: (e) => {
          // The title's link opens the draft itself.
          if (!(e.target instanceof Element && e.target.closest('a'))) navigate(hrefOf(d.id));
        },
      })}
    />
  );
}
