import { Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCHMAKING_LIMITS, StaffViewBody, type StaffProfile } from '../../../common/matchmaking.js';
import { FormModal } from '../../app/FormModal.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { matchConsoleApi } from './matchmaking.api.js';

type Values = { reason: string };

/**
 * Staff view of one participant's profile: first a written reason (the server keeps it in the audit log), then the
 * profile. Nothing about interests, blocks or matches is shown, because the server has none of it to give.
 */
export function StaffViewModal({ eventId, registrationId, onClose }: { eventId: number; registrationId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [profile, setProfile] = useState<StaffProfile | null>(null);
  if (profile) return <StaffProfileView profile={profile} onClose={onClose} />;
  return (
    <FormModal<Values, StaffProfile>
      title={t('matchConsole.viewTitle')}
      form={form}
      okText={t('matchConsole.viewOk')}
      submit={(values) => {
        const body = parseWithSchema(
          StaffViewBody,
          { registrationId, reason: values.reason ?? '' },
          form,
          { reason: t('matchConsole.reason') },
          t,
        );
        return body ? matchConsoleApi.viewProfile(eventId, body) : null;
      }}
      onClose={onClose}
      onDone={setProfile}
      testIds={{ modal: 'match-staff-view', submit: 'match-staff-view-ok', error: 'match-staff-view-error' }}
    >
      <Form.Item name="reason" label={t('matchConsole.reason')} extra={t('matchConsole.reasonHint', { min: MATCHMAKING_LIMITS.reasonMin })}>
        <Input.TextArea rows={3} maxLength={MATCHMAKING_LIMITS.reasonMax} data-testid="match-staff-reason" />
      </Form.Item>
    </FormModal>
  );
}

function StaffProfileView({ profile: p, onClose }: { profile: StaffProfile; onClose: () => void }) {
  const { t } = useTranslation();
  const shown = new Set<string>(p.visible);
  const item = (key: keyof StaffProfile & string, label: string, value: string | number | null | undefined) => (
    <Descriptions.Item key={key} label={shown.has(key) ? `${label} 👁` : label}>
      {value ?? '—'}
    </Descriptions.Item>
  );
  return (
    <Modal open title={t('matchConsole.viewTitle')} onCancel={onClose} footer={null} destroyOnHidden>
      <Descriptions column={1} size="small" bordered data-testid="match-staff-profile">
        {item('nickname', t('matchmaking.field.nickname'), p.nickname)}
        {item('birthYear', t('matchmaking.field.birthYear'), p.birthYear)}
        {item('heightCm', t('matchmaking.field.heightCm'), p.heightCm)}
        {item('education', t('matchmaking.field.education'), p.education ? t(`matchmaking.education.${p.education}`) : null)}
        {item('hometown', t('matchmaking.field.hometown'), p.hometown)}
        {item('hobbies', t('matchmaking.field.hobbies'), p.hobbies)}
        {item('selfIntro', t('matchmaking.field.selfIntro'), p.selfIntro)}
        {item(
          'maritalHistory',
          t('matchmaking.field.maritalHistory'),
          p.maritalHistory ? t(`matchmaking.maritalHistory.${p.maritalHistory}`) : null,
        )}
        {item('incomeRange', t('matchmaking.field.incomeRange'), p.incomeRange ? t(`matchmaking.incomeRange.${p.incomeRange}`) : null)}
      </Descriptions>
    </Modal>
  );
}
