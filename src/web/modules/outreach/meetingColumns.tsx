import { Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../common/outreach.js';
import { formatCount } from '../../app/format.js';

/** The meeting list's columns; a sub-venue names its main venue when that is on the same page. */
export function useMeetingColumns(items: Meeting[]): TableColumnsType<Meeting> {
  const { t } = useTranslation();
  const titleOf = new Map(items.map((m) => [m.id, m.title]));
  return [
    { title: t('outreach.field.heldOn'), dataIndex: 'heldOn', width: 110 },
    {
      title: t('outreach.kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: Meeting['kind']) => <Tag color={k === 'worker' ? 'red' : 'blue'}>{t(`outreach.meetingKind.${k}`)}</Tag>,
    },
    {
      title: t('outreach.field.title'),
      dataIndex: 'title',
      render: (title: string, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{title}</Typography.Text>
          {m.parentMeetingId !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('outreach.subVenue')} · {t('outreach.mainVenue')}: {titleOf.get(m.parentMeetingId) ?? `#${m.parentMeetingId}`}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('outreach.field.venue'),
      dataIndex: 'venue',
      width: 150,
      ellipsis: true,
      render: (venue: string | null, m) => (
        <span>
          {m.isOnline && <Tag>{t('outreach.online')}</Tag>}
          {venue ?? (m.isOnline ? '' : t('common.none'))}
        </span>
      ),
    },
    { title: t('outreach.field.org'), dataIndex: 'orgName', width: 170, ellipsis: true },
    { title: t('outreach.field.applications'), dataIndex: 'applications', width: 100, align: 'right', render: formatCount },
    { title: t('outreach.field.approved'), dataIndex: 'approved', width: 90, align: 'right', render: formatCount },
    { title: t('outreach.field.employersEngaged'), dataIndex: 'employersEngaged', width: 100, align: 'right', render: formatCount },
  ];
}
