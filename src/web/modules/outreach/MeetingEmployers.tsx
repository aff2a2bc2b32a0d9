import { Alert, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { MEETING_EMPLOYERS_SHOWN, type MeetingDetail, type MeetingEmployer } from '../../../common/outreach.js';
import { formatCount } from '../../app/format.js';
import { StageTag } from './StageTag.js';

/** The employers credited to the meeting, with their 建会 stage (已建会 once a union covers them). */
export function MeetingEmployers({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MeetingEmployer> = [
    { title: t('meeting.employer.name'), dataIndex: 'name', ellipsis: true },
    { title: t('meeting.employer.headcount'), dataIndex: 'headcount', width: 100, align: 'right', render: formatCount },
    { title: t('meeting.employer.street'), dataIndex: 'streetName', width: 200, ellipsis: true },
    {
      title: t('meeting.employer.union'),
      dataIndex: 'unionName',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('stage.label'), dataIndex: 'stage', width: 120, render: (s: MeetingEmployer['stage']) => <StageTag stage={s} /> },
  ];
  return (
    <>
      {meeting.hasMoreEmployers && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('meeting.moreEmployers', { count: MEETING_EMPLOYERS_SHOWN })} />
      )}
      <Table<MeetingEmployer>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={meeting.employers}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('meeting.noEmployers') }}
        data-testid="meeting-employers"
      />
    </>
  );
}
