import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RevealReasonField } from './RevealReasonField.js';
import { MEMBER_LIMITS, type Member } from '../../../common/members.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { membersApi, type RevealField } from './members.api.js';

/**
 * The full ID number or phone of one member. Asking for it is the audited act: the caller states a reason
 * first (required, 2–200 characters), then the server answers — or refuses once the hourly quota is spent.
 */
export function RevealModal({ member, field, onClose }: { member: Member; field: RevealField; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [value, setValue] = useState<string | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const label = t(`member.field.${field}`);
  const reasonLabel = t('member.revealReason');
  const isShown = value !== undefined;
  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      setValue((await membersApi.reveal(member.id, field, (reason ?? '').trim())).value);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={`${member.name} · ${t('member.revealTitle', { field: label })}`}
      onCancel={onClose}
      onOk={isShown ? onClose : () => void submit().catch(() => undefined)}
      cancelButtonProps={isShown ? { style: { display: 'none' } } : {}}
      okText={isShown ? t('common.ok') : t('member.revealSubmit')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonTestId(isShown ? 'reveal-close' : 'reveal-submit')}
      confirmLoading={isBusy}
      data-testid="reveal-modal"
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {isShown ? (
        <>
          <Typography.Paragraph copyable={value !== null} className="reveal-value mono" data-testid="reveal-value">
            {value ?? t('member.revealEmpty')}
          </Typography.Paragraph>
          <Alert type="info" showIcon message={t('member.revealNote')} data-testid="reveal-note" />
        </>
      ) : (
        <Form form={form} layout="vertical">
          <RevealReasonField
            label={reasonLabel}
            help={t('member.revealReasonHelp')}
            placeholder={t('member.revealReasonPlaceholder')}
            testId="reveal-reason"
          />
        </Form>
      )}
    </Modal>
  );
}

/** Lapse (离会) with a required reason, which goes into the history and the audit log. */
export function LapseModal({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      await membersApi.lapse(member.id, (reason ?? '').trim());
      onDone();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('member.lapseTitle', { name: member.name })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('member.lapse')}
      cancelText={t('common.cancel')}
      okButtonProps={{ ...buttonTestId('lapse-submit'), danger: true }}
      confirmLoading={isBusy}
      data-testid="lapse-modal"
    >
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('member.lapseReason')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('member.lapseReason') }) },
            {
              max: MEMBER_LIMITS.reasonMax,
              message: t('validation.tooLong', { field: t('member.lapseReason'), max: MEMBER_LIMITS.reasonMax }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={MEMBER_LIMITS.reasonMax} showCount data-testid="lapse-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
