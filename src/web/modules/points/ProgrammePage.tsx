import { EditOutlined, GiftOutlined, UploadOutlined, WalletOutlined } from '@ant-design/icons';
import { Button, Empty, InputNumber, Modal, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { PointsTransfer, ProgrammeDetail } from '../../../common/points.programmes.js';
import { useNotify } from '../../app/notify.js';
import { AwardBulkModal } from './AwardBulkModal.js';
import { AwardModal } from './AwardModal.js';
import { AwardReversalModal } from './AwardReversalModal.js';
import { ProgrammeFiguresCards } from './ProgrammeFiguresCards.js';
import { ProgrammeFormModal } from './ProgrammeFormModal.js';
import { ProgrammeRanking } from './ProgrammeRanking.js';
import { ProgrammeTransfers } from './ProgrammeTransfers.js';
import { newKey, programmesApi } from './programmes.api.js';

type Dialog = 'edit' | 'award' | 'bulk' | 'fund' | { reverse: PointsTransfer } | null;

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
  const [transfersVersion, setTransfersVersion] = useState(0);
  const refresh = () => {
    load();
    setTransfersVersion((n) => n + 1);
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
              <ProgrammeTransfers programme={programme} reloadKey={transfersVersion} onReverse={(award) => setDialog({ reverse: award })} />
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
