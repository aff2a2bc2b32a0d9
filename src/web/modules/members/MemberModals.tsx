import { Alert, Form, Input, Modal, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_LIMITS, type Member } from '../../../common/members.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { membersApi, type RevealField } from './members.api.js';

/** The full ID number or phone of one member; opening it is the audited act, so it asks the server each time. */
export function RevealModal({ member, field, onClose }: { member: Member; field: RevealField; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    membersApi.reveal(member.id, field).then(
      (answer) => setValue(answer.value),
      (error: unknown) => setFailure(errorText(error, t('app.networkError'))),
    );
  }, [member.id, field, t]);
  const label = t(`member.field.${field}`);
  return (
    <Modal
      open
      title={`${member.name} · ${t('member.revealTitle', { field: label })}`}
      onCancel={onClose}
      onOk={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      okText={t('common.ok')}
      data-testid="reveal-modal"
    >
      {failure ? (
        <Alert type="error" showIcon message={failure} />
      ) : value === undefined ? (
        <Spin />
      ) : (
        <>
          <Typography.Paragraph copyable={value !== null} className="reveal-value mono" data-testid="reveal-value">
            {value ?? t('member.revealEmpty')}
          </Typography.Paragraph>
          <Alert type="info" showIcon message={t('member.revealNote')} data-testid="reveal-note" />
        </>
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
