import { Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmploymentForm } from '../../../common/members.js';
import type { Application, ApplicationStatus } from '../../../common/applications.js';
import { formatDateTime } from '../../app/format.js';
import { ApplicationStatusTag, EmploymentTag } from '../members/memberTags.js';

/** The review desk's columns; returned applications also show why. */
export function useApplicationColumns(status: ApplicationStatus | undefined): TableColumnsType<Application> {
  const { t } = useTranslation();
  const columns: TableColumnsType<Application> = [
    {
      title: t('member.field.name'),
      dataIndex: 'name',
      width: 170,
      fixed: 'left',
      render: (n: string, a) => (
        <Space size={4} wrap>
          <Typography.Text strong>{n}</Typography.Text>
          {a.status === 'pending' && a.flag !== 'new' && (
            <Tooltip title={t(`application.flagHint.${a.flag}`)}>
              <Tag color={a.flag === 'member_elsewhere' ? 'orange' : a.flag === 'lapsed' ? 'blue' : 'red'} data-testid="applicant-flag">
                {t(`application.flag.${a.flag}`)}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('member.field.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 180,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    { title: t('member.field.phone'), dataIndex: 'phoneMasked', width: 120, render: (v: string) => <span className="mono">{v}</span> },
    { title: t('member.field.gender'), dataIndex: 'gender', width: 60, render: (g: Application['gender']) => t(`member.gender.${g}`) },
    {
      title: t('member.field.employmentForm'),
      dataIndex: 'employmentForm',
      width: 140,
      render: (f: EmploymentForm) => <EmploymentTag form={f} />,
    },
    {
      title: t('member.field.employer'),
      dataIndex: 'employerName',
      width: 180,
      ellipsis: { showTitle: true },
      render: (v: string | null) => v ?? t('common.none'),
    },
    { title: t('application.field.union'), dataIndex: 'orgName', width: 180, ellipsis: { showTitle: true } },
    {
      title: t('application.field.source'),
      dataIndex: 'source',
      width: 180,
      ellipsis: true,
      render: (s: Application['source'], a) =>
        a.meetingTitle ? t('application.fromMeeting', { title: a.meetingTitle }) : t(`application.source.${s}`),
    },
    {
      title: t('application.field.createdAt'),
      dataIndex: 'createdAt',
      width: 180,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
    {
      title: t('member.field.status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} />,
    },
  ];
  if (status === 'rejected') {
    columns.push({ title: t('application.field.rejectReason'), dataIndex: 'rejectReason', ellipsis: true });
  }
  return columns;
}
