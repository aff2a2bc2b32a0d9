import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevealReasonField } from './RevealReasonField.js';
import { MEMBER_LIMITS, type Member } from '../../../common/members.js';
import { FormModal } from '../../app/FormModal.js';
import { buttonTestId } from '../../app/testId.js';
import { validFields } from '../../app/zodForm.js';
import { membersApi, type RevealField } from './members.api.js';

/**
 * The full ID number or phone of one member. Asking for it is the audited act: the caller states a reason
 * first (required, 2–200 characters), then the server answers — or refuses once the hourly quota is spent.
 * The answer is shown in a plain dialog of its own: it is read, not edited.
 */
export function RevealModal({ member, field, onClose }: { member: Member; field: RevealField; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [value, setValue] = useState<string | null | undefined>(undefined);
  const title = `${member.name} · ${t('member.revealTitle', { field: t(`member.field.${field}`) })}`;
  if (value !== undefined) {
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        onOk={onClose}
        cancelButtonProps={{ style: { display: 'none' } }}
        okText={t('common.ok')}
        okButtonProps={buttonTestId('reveal-close')}
        data-testid="reveal-modal"
      >
        <Typography.Paragraph copyable={value !== null} className="reveal-value mono" data-testid="reveal-value">
          {value ?? t('member.revealEmpty')}
        </Typography.Paragraph>
        <Alert type="info" showIcon message={t('member.revealNote')} data-testid="reveal-note" />
      </Modal>
    );
  }
  return (
    <FormModal
      title={title}
      form={form}
      submit={async () => {
        const values = await validFields(form);
        return values && membersApi.reveal(member.id, field, (values.reason ?? '').trim());
      }}
      onClose={onClose}
      onDone={(revealed) => setValue(revealed.value)}
      okText={t('member.revealSubmit')}
      isEnterSubmit={false}
      testIds={{ modal: 'reveal-modal', submit: 'reveal-submit', error: 'reveal-error' }}
    >
      <RevealReasonField
        label={t('member.revealReason')}
        help={t('member.revealReasonHelp')}
        placeholder={t('member.revealReasonPlaceholder')}
        testId="reveal-reason"
      />
    </FormModal>
  );
}

/** Lapse (离会) with a required reason, which goes into the history and the audit log. */
export function LapseModal({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const label = t('member.lapseReason');
  return (
    <FormModal
      title={t('member.lapseTitle', { name: member.name })}
      form={form}
      submit={async () => {
        const values = await validFields(form);
        return values && membersApi.lapse(member.id, (values.reason ?? '').trim());
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('member.lapse')}
      isDanger
      isEnterSubmit={false}
      testIds={{ modal: 'lapse-modal', submit: 'lapse-submit', error: 'lapse-error' }}
    >
      <Form.Item
        name="reason"
        label={label}
        rules={[
          { required: true, whitespace: true, message: t('validation.required', { field: label }) },
          { max: MEMBER_LIMITS.reasonMax, message: t('validation.tooLong', { field: label, max: MEMBER_LIMITS.reasonMax }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={MEMBER_LIMITS.reasonMax} showCount data-testid="lapse-reason" />
      </Form.Item>
    </FormModal>
  );
}
