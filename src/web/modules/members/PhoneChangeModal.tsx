import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Member, MEMBER_LIMITS } from '../../../common/members.js';
import { api } from '../../app/api.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { phoneRule } from './identityRules.js';

/**
 * 更换手机号: a member who lost their phone cannot receive codes at the old one. The union's cadre sees the person (and
 * their ID card), then records the new phone with the reason; the change is audited and ends the member's sessions.
 */
export function PhoneChangeModal({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; reason: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/api/members/${member.id}/phone`, Member, values);
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
      title={`${member.name} · ${t('member.phoneChange')}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={buttonTestId('phone-change-ok')}
      confirmLoading={isBusy}
    >
      <Alert type="info" showIcon message={t('member.phoneChangeHint')} style={{ marginBottom: 12 }} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical">
        <Form.Item name="phone" label={t('member.phoneNew')} rules={[phoneRule]}>
          <Input type="tel" maxLength={30} data-testid="phone-change-phone" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('member.phoneChangeReason')}
          rules={[{ required: true, min: 2, message: t('member.phoneChangeReasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={MEMBER_LIMITS.reasonMax} showCount data-testid="phone-change-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
