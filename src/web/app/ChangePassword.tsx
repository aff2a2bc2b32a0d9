import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../common/auth.js';
import { useAuth } from './auth.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { errorText } from './notify.js';

type Values = { currentPassword: string; newPassword: string; confirm: string };

/**
 * The own-password form. The strength rule (zxcvbn-ts and its dictionary) runs on the server only, which
 * answers with the reason in the caller's language: it keeps ~400 kB of word lists out of the console bundle.
 */
function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { changePassword } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      onDone();
    } catch (failure) {
      setError(errorText(failure, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} data-testid="password-form">
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        rules={[{ required: true, min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { min: PASSWORD_MIN_LENGTH }) }]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.mismatch') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={isBusy} data-testid="password-submit">
        {t('password.submit')}
      </Button>
    </Form>
  );
}

/** "修改密码 / Change password" from the user menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('password.title')} destroyOnHidden data-testid="password-modal">
      <ChangePasswordForm onDone={onClose} />
    </Modal>
  );
}

/** Shown instead of the console while a generated first password is still in use. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const { logout } = useAuth();
  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card" data-testid="forced-password-card">
        <div className="login-brand">
          <div className="brand-mark">{t('app.logo')}</div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('password.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('password.forced')}</Typography.Text>
        </div>
        <ChangePasswordForm onDone={() => undefined} />
        <Button type="link" block onClick={() => void logout()} style={{ marginTop: 8 }} data-testid="forced-password-logout">
          {t('user.logout')}
        </Button>
      </Card>
    </div>
  );
}
