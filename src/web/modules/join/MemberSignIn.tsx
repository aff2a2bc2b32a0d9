import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalMe } from '../../../common/portal.js';
import { parseIdNumber, parsePhone } from '../../../common/identity.js';
import { errorText } from '../../app/notify.js';
import { idNumberRule, phoneRule } from '../members/identityRules.js';
import { memberApi } from './public.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as joinStrings } from './i18n.zh-CN.js';

// The member sign-in of every phone page brings the join module's strings (the console's come with its chunk, #16).
addStrings(joinStrings);

type Step = { challengeId: string; expiresAt: string } | null;

/**
 * Sign-in to the member pages: the ID number and the phone on the member's record, then the six-digit code sent to
 * that phone. The page says the same whatever is typed: a code arrives only when both belong to one member.
 */
export function MemberSignIn({ onSignedIn }: { onSignedIn: (me: PortalMe) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ idNumber: string; phone: string }>();
  const [step, setStep] = useState<Step>(null);
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const askCode = async (values: { idNumber: string; phone: string }) => {
    const id = parseIdNumber(values.idNumber);
    const phone = parsePhone(values.phone);
    if (!id.ok || !phone.ok) return;
    setBusy(true);
    setFailure(null);
    try {
      setStep(await memberApi.askCode({ idNumber: id.facts.id, phone: phone.phone }));
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  const signIn = async () => {
    if (!step || !/^\d{6}$/.test(code)) {
      setFailure(t('memberPage.codeFormat'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      onSignedIn(await memberApi.signIn(step.challengeId, code));
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="public-card" data-testid="member-sign-in">
      <p className="public-note">{t('memberPage.signInIntro')}</p>
      <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => void askCode(values)} disabled={step !== null}>
        <Form.Item name="idNumber" label={t('join.idNumber')} rules={[idNumberRule]} validateTrigger="onBlur">
          <Input maxLength={40} autoComplete="off" placeholder={t('join.idPlaceholder')} data-testid="member-id" />
        </Form.Item>
        <Form.Item name="phone" label={t('memberPage.phoneOnRecord')} rules={[phoneRule]} validateTrigger="onBlur">
          <Input type="tel" inputMode="tel" maxLength={30} placeholder={t('join.phonePlaceholder')} data-testid="member-phone" />
        </Form.Item>
        {step === null && (
          <Button type="primary" htmlType="submit" block loading={isBusy} className="public-submit" data-testid="member-ask-code">
            {t('memberPage.askCode')}
          </Button>
        )}
      </Form>
      {step && (
        <form
          className="code-form"
          onSubmit={(event) => {
            event.preventDefault();
            void signIn();
          }}
        >
          <Alert type="info" showIcon message={t('memberPage.codeSent')} style={{ marginBottom: 12 }} />
          <label className="field-label" htmlFor="member-code-input">
            {t('memberPage.code')}
          </label>
          <Input
            id="member-code-input"
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className="mono-input"
            data-testid="member-code"
          />
          <Button type="primary" htmlType="submit" block loading={isBusy} className="public-submit" data-testid="member-sign-in-submit">
            {t('memberPage.signIn')}
          </Button>
          <Button type="link" block onClick={() => setStep(null)}>
            {t('memberPage.again')}
          </Button>
        </form>
      )}
      {failure && <Alert type="error" showIcon message={failure} style={{ marginTop: 12 }} data-testid="member-error" />}
    </div>
  );
}
