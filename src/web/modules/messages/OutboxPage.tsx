import { Card, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxMessage } from '../../../common/messages.js';
import type { Page } from '../../../common/paging.js';
import { api } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { PagerBar, useCursorPages } from '../../app/paging.js';
import { currentLocale } from '../../i18n/index.js';

const PAGE_SIZE = 50;

/** 短信发件箱: every text message sent, newest first (federation admins). Without a gateway, this is where codes go. */
export function OutboxPage() {
  const { t } = useTranslation();
  const pages = useCursorPages((cursor) => api.get<Page<OutboxMessage>>('/api/messages', { cursor, limit: PAGE_SIZE }), 'outbox');
  const columns: TableColumnsType<OutboxMessage> = [
    { title: t('outbox.at'), dataIndex: 'at', width: 170, render: (at: string) => formatDateTime(at) },
    { title: t('outbox.phone'), dataIndex: 'phoneMasked', width: 130, render: (p: string) => <span className="mono">{p}</span> },
    { title: t('outbox.purpose'), dataIndex: 'purpose', width: 140, render: (p: OutboxMessage['purpose']) => t(`outbox.purposes.${p}`) },
    {
      title: t('outbox.text'),
      key: 'text',
      render: (_v: unknown, m) => <span data-testid="outbox-text">{currentLocale() === 'en' ? m.textEn : m.textZh}</span>,
    },
    { title: t('outbox.channel'), dataIndex: 'channel', width: 100, render: (c: OutboxMessage['channel']) => t(`outbox.channels.${c}`) },
    {
      title: t('outbox.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: OutboxMessage['status']) => <Tag color={s === 'failed' ? 'red' : 'green'}>{t(`outbox.statuses.${s}`)}</Tag>,
    },
  ];
  return (
    <div data-testid="outbox-page">
      <div className="page-header">
        <Typography.Title level={3}>{t('outbox.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('outbox.intro')}</Typography.Paragraph>
      <Card size="small">
        <Table<OutboxMessage>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pages.items}
          loading={pages.isLoading}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid="outbox-table"
        />
        <PagerBar pages={pages} testId="outbox-pager" />
      </Card>
    </div>
  );
}
