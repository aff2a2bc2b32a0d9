import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { OutboxMessage } from '../../../common/messages.js';
import { pageOf } from '../../../common/paging.js';
import { api } from '../../app/api.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { currentLocale } from '../../i18n/index.js';

const PAGE_SIZE = 50;

/** 短信发件箱: every text message sent, newest first (federation admins). Without a gateway, this is where codes go. */
export function OutboxPage() {
  const { t } = useTranslation();
  const list = useList((_filter: object, cursor) => api.get('/api/messages', pageOf(OutboxMessage), { cursor, limit: PAGE_SIZE }), {
    initial: {},
  });
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
    <ListPage
      list={list}
      columns={columns}
      testId="outbox"
      containerTestId="outbox-page"
      title={t('outbox.title')}
      intro={t('outbox.intro')}
      scrollX={960}
    />
  );
}
