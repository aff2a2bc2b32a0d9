import { Segmented, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicationStatuses, type Application, type ApplicationStatus } from '../../../common/applications.js';
import type { Meeting } from '../../../common/outreach.js';
import { formatDateTime } from '../../app/format.js';
import { ListPage, useList } from '../../app/ListPage.js';
import { applicationsApi } from '../applications/applications.api.js';
import { ApplicationStatusTag } from '../members/memberTags.js';

const PAGE_SIZE = 20;

/** The applications that carry the meeting, by review state (待审核 first), masked as in the review queue. */
export function MeetingSignups({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  const list = useList(
    ({ status }: { status: ApplicationStatus }, cursor) =>
      applicationsApi.list(meeting.orgId, { status, meetingId: meeting.id }, cursor, PAGE_SIZE),
    { initial: { status: 'pending' }, scope: meeting.id },
  );
  const columns: TableColumnsType<Application> = [
    { title: t('member.field.name'), dataIndex: 'name', width: 140 },
    {
      title: t('member.field.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('member.field.phone'), dataIndex: 'phoneMasked', width: 130, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('application.field.union'), dataIndex: 'orgName', ellipsis: true },
    { title: t('application.field.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
    {
      title: t('member.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
    },
  ];
  return (
    <ListPage
      list={list}
      columns={columns}
      testId="meeting-signups"
      size="small"
      scrollX={800}
      emptyText={t('meeting.noSignups')}
      filters={
        <Segmented<ApplicationStatus>
          value={list.draft.status}
          onChange={(status) => list.apply({ status })}
          options={applicationStatuses.map((s) => ({ value: s, label: t(`application.status.${s}`) }))}
          data-testid="meeting-signup-status"
        />
      }
    />
  );
}
