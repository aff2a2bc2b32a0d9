import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Modal, Row, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventGrouping } from '../../../common/events.grouping.js';
import { ApiError } from '../../app/api.js';
import { useNotify } from '../../app/notify.js';
import { eventGroupingApi } from './eventGrouping.api.js';
import { beijingMinute } from './sessionRows.js';

/** Only the groups are printed: everything else on the page is hidden while printing. */
const PRINT_STYLE =
  '@media print { body * { visibility: hidden !important; } .grouping-print, .grouping-print * { visibility: visible !important; }' +
  ' .grouping-print { position: absolute; left: 0; top: 0; width: 100%; } .no-print { display: none !important; } }';

/** The groups of a grouping: 第1组 … with masked names and unions, then the seed and the list's hash. */
export function GroupingGroups({ grouping, title }: { grouping: EventGrouping; title: string }) {
  const { t } = useTranslation();
  return (
    <div className="grouping-print" data-testid="grouping-groups-view">
      <Typography.Title level={4}>{title}</Typography.Title>
      <Row gutter={[12, 12]}>
        {grouping.members.map((group, i) => (
          <Col key={i} xs={24} sm={12} md={8}>
            <Card size="small" title={t('events.grouping.groupNo', { n: i + 1, count: group.length })} data-testid={`group-${i + 1}`}>
              <ol style={{ margin: 0, paddingLeft: 20 }}>
                {group.map((p) => (
                  <li key={p.registrationId}>
                    {p.maskedName} <Typography.Text type="secondary">{p.orgName}</Typography.Text>
                  </li>
                ))}
              </ol>
            </Card>
          </Col>
        ))}
      </Row>
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('events.grouping.people')}>{grouping.people}</Descriptions.Item>
        <Descriptions.Item label={t('events.grouping.seed')}>
          <Typography.Text code copyable data-testid="grouping-seed-shown">
            {grouping.seed}
          </Typography.Text>
          {grouping.seedSource === 'random' ? ` (${t('events.grouping.randomSeed')})` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('events.grouping.listHash')}>
          <Typography.Text code>{grouping.listHash}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('events.grouping.at')}>{beijingMinute(grouping.createdAt)}</Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/**
 * 分组结果 of a session: the grouping just made, or else the latest one read from the server (none yet: said so);
 * a print button prints the groups alone.
 */
export function GroupingView({
  eventId,
  sessionId,
  title,
  made,
  onClose,
}: {
  eventId: number;
  sessionId: number;
  title: string;
  made?: EventGrouping;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [grouping, setGrouping] = useState<EventGrouping | null | undefined>(made);
  useEffect(() => {
    if (made) return;
    let live = true;
    eventGroupingApi
      .latest(eventId, sessionId)
      .then((g) => live && setGrouping(g))
      .catch((error: unknown) => {
        if (!live) return;
        setGrouping(null);
        if (!(error instanceof ApiError && error.status === 404)) notify.error(error);
      });
    return () => {
      live = false;
    };
  }, [eventId, sessionId, made, notify]);
  return (
    <Modal
      open
      width={960}
      title={t('events.grouping.result')}
      onCancel={onClose}
      footer={[
        <Button
          key="export"
          icon={<DownloadOutlined />}
          disabled={!grouping}
          onClick={() => void eventGroupingApi.download(eventId, sessionId).catch((error: unknown) => notify.error(error))}
          data-testid="grouping-export"
        >
          {t('events.grouping.export')}
        </Button>,
        <Button key="print" icon={<PrinterOutlined />} disabled={!grouping} onClick={() => window.print()} data-testid="grouping-print">
          {t('events.grouping.print')}
        </Button>,
        <Button key="close" onClick={onClose} data-testid="grouping-close">
          {t('events.grouping.close')}
        </Button>,
      ]}
      data-testid="grouping-view"
    >
      <style>{PRINT_STYLE}</style>
      {grouping === undefined ? (
        <Spin />
      ) : grouping === null ? (
        <Empty description={t('events.grouping.none')} data-testid="grouping-none" />
      ) : (
        <GroupingGroups grouping={grouping} title={title} />
      )}
    </Modal>
  );
}
