import { EyeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../common/members.js';
import { useAuth } from '../../app/auth.js';
import { CardStatusTag, EmploymentTag, MemberStatusTag } from './memberTags.js';
import type { RevealField } from './members.api.js';

/** A member's facts, masked; holders of member.reveal get a button to see the full ID number or phone (audited). */
export function MemberFacts({ member, onReveal }: { member: MemberDetail; onReveal: (field: RevealField) => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const revealButton = (field: RevealField) =>
    can('member.reveal') && (
      <Button size="small" type="link" icon={<EyeOutlined />} onClick={() => onReveal(field)} data-testid={`reveal-${field}`}>
        {t('member.reveal')}
      </Button>
    );
  return (
    <Descriptions column={1} size="small" bordered labelStyle={{ width: 120 }}>
      <Descriptions.Item label={t('member.field.status')}>
        <MemberStatusTag status={member.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('member.field.idNumber')}>
        <span className="mono">{member.idNumberMasked}</span> {revealButton('idNumber')}
      </Descriptions.Item>
      <Descriptions.Item label={t('member.field.phone')}>
        <span className="mono">{member.phoneMasked ?? t('common.none')}</span> {member.phoneMasked && revealButton('phone')}
      </Descriptions.Item>
      <Descriptions.Item label={t('member.field.gender')}>
        {t(`member.gender.${member.gender}`)} · {member.birthDate}
      </Descriptions.Item>
      <Descriptions.Item label={t('member.field.employmentForm')}>
        <EmploymentTag form={member.employmentForm} />
      </Descriptions.Item>
      <Descriptions.Item label={t('member.field.employer')}>{member.employerName ?? t('common.none')}</Descriptions.Item>
      <Descriptions.Item label={t('member.field.union')}>{member.orgName}</Descriptions.Item>
      <Descriptions.Item label={t('member.field.joinDate')}>{member.joinDate}</Descriptions.Item>
      <Descriptions.Item label={t('member.field.card')}>
        <Space size={6} wrap>
          <CardStatusTag status={member.cardStatus} />
          {member.cardNo && <span className="mono">{member.cardNo}</span>}
        </Space>
      </Descriptions.Item>
    </Descriptions>
  );
}
