import { Card, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Attendee } from '../../../common/training.attendance.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { trainingApi } from './training.api.js';
import { beijingTime } from './trainingColumns.js';

function useAttendeeColumns(): TableColumnsType<Attendee> {
  const { t } = useTranslation();
  return [
    { title: t('training.attendance.member'), dataIndex: 'memberName', width: 140 },
    { title: t('training.attendance.union'), dataIndex: 'orgName' },
    {
      title: t('training.attendance.how'),
      dataIndex: 'how',
      width: 120,
      render: (how: Attendee['how']) => <Tag color={how === 'self_qr' ? 'green' : 'blue'}>{t(`training.attendance.ways.${how}`)}</Tag>,
    },
    { title: t('training.session.startsAt'), dataIndex: 'markedAt', width: 160, render: (v: string) => beijingTime(v) },
  ];
}

/** 签到名单: who was marked or checked in at the session; `version` reloads it after a marking. */
export function AttendanceList({ sessionId, version }: { sessionId: number; version: number }) {
  const { t } = useTranslation();
  const list = useList((_f: Record<string, never>, cursor) => trainingApi.attendees(sessionId, cursor, 100), {
    initial: {},
    scope: `${sessionId}:${version}`,
  });
  return (
    <Card title={t('training.attendance.list')} size="small" style={{ marginTop: 16 }}>
      <ListPage
        list={list}
        columns={useAttendeeColumns()}
        testId="attendees"
        rowKey="memberId"
        size="small"
        emptyText={t('training.attendance.empty')}
      />
    </Card>
  );
}
