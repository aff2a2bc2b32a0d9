import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { gigForms, type EmploymentForm, type Member, type MemberStatus } from '../../../common/members.js';
import type { ApplicationStatus } from '../../../common/applications.js';

export function EmploymentTag({ form }: { form: EmploymentForm }) {
  const { t } = useTranslation();
  return (
    <Tag color={gigForms.includes(form) ? 'cyan' : 'default'} bordered={false} style={{ marginInlineEnd: 0 }}>
      {t(`member.employmentForm.${form}`)}
    </Tag>
  );
}

export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'member' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="member-status">
      {t(`member.status.${status}`)}
    </Tag>
  );
}

export function CardStatusTag({ status }: { status: Member['cardStatus'] }) {
  const { t } = useTranslation();
  const color = status === 'active' ? 'green' : status === 'revoked' ? 'red' : 'default';
  return (
    <Tag color={color} bordered={false} style={{ marginInlineEnd: 0 }} data-testid="card-status">
      {t(`member.cardStatus.${status}`)}
    </Tag>
  );
}

const applicationColors: Record<ApplicationStatus, string> = {
  pending: 'gold',
  approved: 'green',
  rejected: 'red',
  transfer_requested: 'blue',
  withdrawn: 'default',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={applicationColors[status]} style={{ marginInlineEnd: 0 }}>
      {t(`application.status.${status}`)}
    </Tag>
  );
}
