import { EditOutlined, GiftOutlined, UploadOutlined, WalletOutlined } from '@ant-design/icons';
import { Button, Empty, InputNumber, Modal, Select, Skeleton, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { transferKinds } from '../../../common/points.js';
import type { PointsTransfer, ProgrammeDetail } from '../../../common/points.programmes.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { useNotify } from '../../app/notify.js';
import { AwardBulkModal } from './AwardBulkModal.js';
import { AwardModal } from './AwardModal.js';
import { AwardReversalModal } from './AwardReversalModal.js';
import { ProgrammeFiguresCards } from './ProgrammeFiguresCards.js';
import { ProgrammeFormModal } from './ProgrammeFormModal.js';
import { ProgrammeRanking } from './ProgrammeRanking.js';
import { newKey, programmesApi, type TransferFilters } from './programmes.api.js';

type Dialog = 'edit' | 'award' | 'bulk' | 'fund' | { reverse: PointsTransfer } | null;

function useTransferColumns(canWrite: boolean, onReverse: (t: PointsTransfer) => void): TableColumnsType<PointsTransfer> {
  const { t } = useTranslation();
  return [
    { title: t('programmes.time'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
    { title: '', dataIndex: 'kind', width: 100, render: (k: PointsTransfer['kind']) => <Tag>{t(`programmes.kind.${k}`)}</Tag> },
    { title: t('programmes.amount'), dataIndex: 'amount', width: 90 },
    {
      title: t('programmes.member'),
      dataIndex: 'memberName',
      width: 120,
      render: (n: string | null, r) => n ?? (r.memberId ? `#${r.memberId}` : ''),
    },
    { title: t('programmes.reason'), dataIndex: 'reason', ellipsis: true },
    {
      title: '',
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

/** 积分项目: figures, transfers, awards (one, in bulk), funding and reversal. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const notify = useNotify();
  const id = Number(useParams().id);
  const [programme, setProgramme] = useState<ProgrammeDetail | null | undefined>(undefined);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [fundAmount, setFundAmount] = useState<number | null>(null);
  const load = useCallback(() => {
    programmesApi
      .get(id)
      .then(setProgramme)
      .catch(() => setProgramme(null));
  }, [id]);
  useEffect(load, [load]);
  const list = useList((f: TransferFilters, cursor) => programmesApi.transfers(id, f, cursor, 50), { initial: {}, scope: id });
  const columns = useTransferColumns(programme?.canWrite ?? false, (award) => setDialog({ reverse: award }));
  const refresh = () => {
    load();
    list.restart();
  };
  if (programme === undefined) return <Skeleton active />;
  if (programme === null) return <Empty description={t('programmes.notFound')} />;
  return (
    <div data-testid="programme-page">
      <div className="page-header">
        <Typography.Title level={3}>
          {programme.name} · {programme.orgName}
        </Typography.Title>
        <Tag color={programme.status === 'active' ? 'green' : 'default'}>{t(`programmes.status.${programme.status}`)}</Tag>
        {programme.canWrite && (
          <div className="page-actions">
            <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
              {t('programmes.edit')}
            </Button>
            <Button icon={<WalletOutlined />} onClick={() => setDialog('fund')} data-testid="fund-programme">
              {t('programmes.fund')}
            </Button>
            <Button icon={<UploadOutlined />} onClick={() => setDialog('bulk')} data-testid="bulk-award">
              {t('programmes.bulk')}
            </Button>
            <Button type="primary" icon={<GiftOutlined />} onClick={() => setDialog('award')} data-testid="award-points">
              {t('programmes.award')}
            </Button>
          </div>
        )}
      </div>
      <Typography.Paragraph type="secondary">{programme.description}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <ProgrammeFiguresCards figures={programme.figures} />
      </div>
      <Tabs
        items={[
          {
            key: 'transfers',
            label: t('programmes.transfers'),
            children: (
              <ListPage
                list={list}
                columns={columns}
                testId="programme-transfers"
                filters={
                  <Select
                    allowClear
                    style={{ width: 140 }}
                    value={list.draft.kind}
                    onChange={(kind) => list.apply({ kind })}
                    options={transferKinds.map((k) => ({ value: k, label: t(`programmes.kind.${k}`) }))}
                  />
                }
              />
            ),
          },
          {
            key: 'ranking',
            label: <span data-testid="programme-ranking-tab">{t('programmes.rankingTab')}</span>,
            children: <ProgrammeRanking programmeId={id} />,
          },
        ]}
      />
      {dialog === 'edit' && (
        <ProgrammeFormModal
          orgId={programme.orgId}
          programme={programme}
          onClose={() => setDialog(null)}
          onDone={(p) => {
            setDialog(null);
            setProgramme(p);
            notify.success(t('programmes.saved'));
          }}
        />
      )}
      {dialog === 'award' && (
        <AwardModal
          programme={programme}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            notify.success(r.replayed ? t('programmes.replayed') : t('programmes.awarded', { points: r.transfer.amount }));
            refresh();
          }}
        />
      )}
      {dialog === 'bulk' && (
        <AwardBulkModal
          programmeId={id}
          onClose={() => {
            setDialog(null);
            refresh();
          }}
        />
      )}
      {dialog === 'fund' && (
        <Modal
          open
          title={t('programmes.fund')}
          onCancel={() => setDialog(null)}
          okButtonProps={{ disabled: !fundAmount }}
          onOk={() =>
            fundAmount &&
            programmesApi
              .fund(id, { key: newKey('fund'), amount: fundAmount })
              .then(() => {
                setDialog(null);
                notify.success(t('programmes.funded'));
                refresh();
              })
              .catch(notify.error)
          }
        >
          <InputNumber min={1} precision={0} value={fundAmount} onChange={setFundAmount} addonBefore={t('programmes.fundAmount')} />
        </Modal>
      )}
      {dialog !== null && typeof dialog === 'object' && (
        <AwardReversalModal
          programmeId={id}
          award={dialog.reverse}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setDialog(null);
            notify.success(
              r.outcome === 'reversed'
                ? t('programmes.outcomeText.reversed')
                : t('programmes.outcomeText.clawedBack', { spent: r.alreadySpent }),
            );
            refresh();
          }}
        />
      )}
    </div>
  );
}
