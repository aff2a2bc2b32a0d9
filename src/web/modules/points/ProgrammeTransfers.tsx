import { Button, Select, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { transferKinds } from '../../../common/points.js';
import type { PointsTransfer, ProgrammeDetail } from '../../../common/points.programmes.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { MemberSearch } from './MemberSearch.js';
import { programmesApi, type TransferFilters } from './programmes.api.js';
import { DatePicker, dayjs } from '../../app/dates.js';

const DAY = 'YYYY-MM-DD';
const PAGE_SIZE = 50;

function useTransferColumns(canWrite: boolean, onReverse: (t: PointsTransfer) => void): TableColumnsType<PointsTransfer> {
  const { t } = useTranslation();
  return [
    { title: t('programmes.time'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    {
      title: t('programmes.kindColumn'),
      dataIndex: 'kind',
      width: 100,
      render: (k: PointsTransfer['kind']) => <Tag>{t(`programmes.kind.${k}`)}</Tag>,
    },
    { title: t('programmes.amount'), dataIndex: 'amount', width: 90 },
    {
      title: t('programmes.member'),
      dataIndex: 'memberName',
      width: 120,
      render: (n: string | null, r) => n ?? (r.memberId ? `#${r.memberId}` : ''),
    },
    { title: t('programmes.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: t('programmes.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, r) =>
        r.reversedBy !== null ? (
          <Tag>{t('programmes.reversedBy')}</Tag>
        ) : (
          canWrite &&
          r.kind === 'award' && (
            <Button size="small" danger onClick={() => onReverse(r)} data-testid={`reverse-${r.id}`}>
              {t('programmes.reverse')}
            </Button>
          )
        ),
    },
  ];
}

/**
 * 积分流水 of a programme, newest first, filtered on the server by kind, member (searched by name in the programme's
 * subtree) and Beijing days (both included). `reloadKey` changing loads page 1 again (after an award or a reversal).
 */
export function ProgrammeTransfers({
  programme,
  reloadKey,
  onReverse,
}: {
  programme: ProgrammeDetail;
  reloadKey: number;
  onReverse: (award: PointsTransfer) => void;
}) {
  const { t } = useTranslation();
  const list = useList((f: TransferFilters, cursor) => programmesApi.transfers(programme.id, f, cursor, PAGE_SIZE), {
    initial: {},
    scope: `${programme.id}:${reloadKey}`,
  });
  const columns = useTransferColumns(programme.canWrite, onReverse);
  const { from, to } = list.draft;
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="programme-transfers"
      filters={
        <>
          <Select
            allowClear
            placeholder={t('programmes.kindFilter')}
            style={{ width: 140 }}
            value={list.draft.kind}
            onChange={(kind) => list.apply({ kind })}
            options={transferKinds.map((k) => ({ value: k, label: t(`programmes.kind.${k}`) }))}
            data-testid="transfers-kind"
          />
          <MemberSearch
            orgId={programme.orgId}
            value={list.draft.memberId}
            onChange={(memberId) => list.apply({ memberId })}
            style={{ width: 280 }}
            testId="transfers-member"
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            format={DAY}
            value={[from ? dayjs(from, DAY) : null, to ? dayjs(to, DAY) : null]}
            placeholder={[t('programmes.fromDay'), t('programmes.toDay')]}
            // Beijing days, both included: the server counts `to` up to its midnight in Beijing.
            onChange={(days) => list.apply({ from: days?.[0]?.format(DAY), to: days?.[1]?.format(DAY) })}
            data-testid="transfers-days"
          />
        </>
      }
    />
  );
}
