import { Button, Card, InputNumber, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchRanking } from '../../../common/matchmaking.js';
import { useNotify } from '../../app/notify.js';
import { StaffViewModal } from './StaffViewModal.js';

type Row = MatchRanking['items'][number];

/** The points ranking (积分排行) with who the offline session's places select; a profile opened only with a reason. */
export function MatchRankingCard({ eventId, load }: { eventId: number; load: (places: number) => Promise<MatchRanking> }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [places, setPlaces] = useState(0);
  const [ranking, setRanking] = useState<MatchRanking | null>(null);
  const [viewing, setViewing] = useState<number | null>(null);
  useEffect(() => {
    load(places)
      .then(setRanking)
      .catch((error: unknown) => notify.error(error));
  }, [load, places, notify]);
  const columns: TableColumnsType<Row> = [
    { title: t('matchConsole.rank'), dataIndex: 'rank', width: 70 },
    { title: t('matchConsole.name'), dataIndex: 'maskedName' },
    { title: t('matchConsole.org'), dataIndex: 'orgName' },
    { title: t('matchConsole.earned'), dataIndex: 'earned', width: 90 },
    {
      title: t('matchConsole.selected'),
      dataIndex: 'selected',
      width: 90,
      render: (selected: boolean) => (selected ? <Tag color="green">{t('matchConsole.yes')}</Tag> : null),
    },
    {
      key: 'view',
      width: 110,
      render: (_: unknown, row) => (
        <Button size="small" onClick={() => setViewing(row.registrationId)} data-testid={`match-view-${row.registrationId}`}>
          {t('matchConsole.view')}
        </Button>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('matchConsole.ranking')}
      extra={
        <Space>
          {t('matchConsole.places')}
          <InputNumber min={0} precision={0} value={places} onChange={(v) => setPlaces(v ?? 0)} data-testid="match-ranking-places" />
        </Space>
      }
      data-testid="match-ranking"
    >
      <Table<Row>
        rowKey="registrationId"
        size="small"
        loading={!ranking}
        dataSource={ranking?.items ?? []}
        columns={columns}
        pagination={false}
      />
      {viewing !== null && <StaffViewModal eventId={eventId} registrationId={viewing} onClose={() => setViewing(null)} />}
    </Card>
  );
}
