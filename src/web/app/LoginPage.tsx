import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth.js';
import { DemoBanner } from './DemoBanner.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { errorText } from './notify.js';

type LoginValues = { username: string; password: string };

/**
 * /login, routed by App outside the console: a signed-out visitor downloads the sign-in form, not the console's shell,
 * tree, menus and strings (#16). It has its own session probe; once signed in, the console probes again as it loads.
 */
export function LoginRoute() {
  return (
    <AuthProvider>
      <LoginPage />
    </AuthProvider>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const { me, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const submit = async ({ username, password }: LoginValues) => {
    setBusy(true);
    setError(null);
    try {
      await login(username, password);
      navigate(from, { replace: true });
    } catch (failure) {
      setError(errorText(failure, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-demo">
        <DemoBanner />
      </div>
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card" data-testid="login-card">
        <div className="login-brand">
          <div className="brand-mark">{t('app.logo')}</div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false} data-testid="login-form">
          <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('login.usernameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" data-testid="login-username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={isBusy} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
