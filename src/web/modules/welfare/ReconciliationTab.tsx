import { DownloadOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Row, Skeleton, Space, Statistic, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, Reconciliation, ReconciliationRow } from '../../../common/welfare.js';
import { CardTable } from '../../app/CardTable.js';
import { useNotify } from '../../app/notify.js';
import { welfareApi } from './welfare.api.js';

type ItemTotal = Reconciliation['items'][number];

/** 对账: per node and item, allocated / received / handed out / redeemed / left (own, and with the nodes below), people reached; the Excel. */
export function ReconciliationTab({ campaign, version }: { campaign: CampaignDetail; version: number }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [report, setReport] = useState<Reconciliation | null | undefined>(undefined);
  const [isDownloading, setDownloading] = useState(false);
  useEffect(() => {
    welfareApi
      .reconciliation(campaign.id)
      .then(setReport)
      .catch(() => setReport(null));
  }, [campaign.id, version]);
  if (report === undefined) return <Skeleton active />;
  if (report === null) return <Empty />;
  const download = async () => {
    setDownloading(true);
    try {
      await welfareApi.downloadReconciliation(campaign.id);
    } catch (error) {
      notify.error(error);
    } finally {
      setDownloading(false);
    }
  };
  const figure = (key: 'allocated' | 'received' | 'handedOut' | 'redeemed' | 'left' | 'inTransit') => ({
    title: t(`welfare.rec.${key}`),
    key,
    width: 100,
    align: 'right' as const,
    render: (_: unknown, r: ReconciliationRow) =>
      r.own[key] === r.subtree[key] ? (
        r.own[key]
      ) : (
        <span title={t('welfare.rec.subtree')}>
          {r.own[key]}（{r.subtree[key]}）
        </span>
      ),
  });
  const rowColumns: TableColumnsType<ReconciliationRow> = [
    {
      title: t('welfare.rec.node'),
      dataIndex: 'orgName',
      width: 200,
      fixed: 'left',
      render: (n: string, r) => <span style={{ paddingLeft: r.depth * 16 }}>{n}</span>,
    },
    { title: t('welfare.rec.item'), key: 'item', width: 180, render: (_: unknown, r) => `${r.itemName}（${r.unit}）` },
    figure('allocated'),
    figure('received'),
    figure('handedOut'),
    figure('redeemed'),
    figure('left'),
    figure('inTransit'),
    { title: t('welfare.rec.people'), dataIndex: 'peopleReached', width: 100, align: 'right' },
  ];
  const itemColumns: TableColumnsType<ItemTotal> = [
    { title: t('welfare.rec.item'), key: 'item', render: (_: unknown, i) => `${i.itemName}（${i.unit}）` },
    { title: t('welfare.rec.planned'), dataIndex: 'plannedQty', align: 'right' },
    { title: t('welfare.rec.stockIn'), dataIndex: 'stockIn', align: 'right' },
    { title: t('welfare.rec.handedOut'), dataIndex: 'handedOut', align: 'right' },
    { title: t('welfare.rec.redeemed'), dataIndex: 'redeemed', align: 'right' },
    { title: t('welfare.rec.left'), dataIndex: 'left', align: 'right' },
    { title: t('welfare.rec.inTransit'), dataIndex: 'inTransit', align: 'right' },
    {
      title: '',
      dataIndex: 'balanced',
      render: (b: boolean) => <Tag color={b ? 'green' : 'red'}>{b ? t('welfare.rec.balanced') : t('welfare.rec.unbalanced')}</Tag>,
    },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="reconciliation-tab">
      <Row gutter={16} align="middle">
        <Col data-testid="rec-people">
          <Statistic title={t('welfare.rec.peopleReached')} value={report.peopleReached} valueStyle={{ fontSize: 22 }} />
        </Col>
        <Col>
          <Statistic title={t('welfare.rec.duplicates')} value={report.duplicateScans} valueStyle={{ fontSize: 22 }} />
        </Col>
        <Col flex="auto" style={{ textAlign: 'right' }}>
          <Button icon={<DownloadOutlined />} loading={isDownloading} onClick={() => void download()} data-testid="rec-download">
            {t('welfare.rec.download')}
          </Button>
        </Col>
      </Row>
      <CardTable rowKey="itemId" columns={itemColumns} rows={report.items} scrollX={800} testId="rec-items" />
      <CardTable rowKey={(r) => `${r.orgId}:${r.itemId}`} columns={rowColumns} rows={report.rows} scrollX={1100} testId="rec-rows" />
    </Space>
  );
}
