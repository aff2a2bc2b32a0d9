import { Alert, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Member, MEMBER_LIMITS } from '../../../common/members.js';
import { api } from '../../app/api.js';
import { FormModal } from '../../app/FormModal.js';
import { validFields } from '../../app/zodForm.js';
import { phoneRule } from './identityRules.js';

/**
 * 更换手机号: a member who lost their phone cannot receive codes at the old one. The union's cadre sees the person (and
 * their ID card), then records the new phone with the reason; the change is audited and ends the member's sessions.
 */
export function PhoneChangeModal({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ phone: string; reason: string }>();
  return (
    <FormModal
      title={`${member.name} · ${t('member.phoneChange')}`}
      form={form}
      submit={async () => {
        const values = await validFields(form);
        return values && api.post(`/api/members/${member.id}/phone`, Member, values);
      }}
      onClose={onClose}
      onDone={onDone}
      okText={t('common.ok')}
      isEnterSubmit={false}
      testIds={{ submit: 'phone-change-ok', error: 'phone-change-error' }}
    >
      <Alert type="info" showIcon message={t('member.phoneChangeHint')} style={{ marginBottom: 12 }} />
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
    </FormModal>
  );
}
