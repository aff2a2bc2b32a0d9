import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EmploymentForm } from '../../../common/members.js';
import { PublicApplicationBody, type ApplicationReceipt } from '../../../common/applications.js';
import { parseIdNumber, parsePhone } from '../../../common/identity.js';
import { ApiError } from '../../app/api.js';
import { errorText } from '../../app/notify.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { fieldOfErrorCode, idNumberRule, phoneRule } from '../members/identityRules.js';
import { EmploymentFormCards } from './EmploymentFormCards.js';
import { JoinDone } from './JoinDone.js';
import { PublicLayout } from './PublicLayout.js';
import { publicApi, type PublicUnion } from './public.api.js';
import { UnionPicker } from './UnionPicker.js';
import { useJoinMeeting } from './useJoinMeeting.js';
import { addStrings } from '../../i18n/index.js';
import { messages as membersStrings } from '../members/i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(membersStrings);

type Values = { name?: string; idNumber?: string; phone?: string; employerName?: string; employmentForm?: EmploymentForm };

/** /join: a worker applies to a union from a phone, without an account. */
export function JoinPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const meeting = useJoinMeeting();
  const [union, setUnion] = useState<PublicUnion | null>(null);
  const [unionError, setUnionError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<{ receipt: ApplicationReceipt; union: PublicUnion } | null>(null);
  const labels = {
    name: t('join.name'),
    idNumber: t('join.idNumber'),
    phone: t('join.phone'),
    employerName: t('join.employer'),
    employmentForm: t('join.employmentForm'),
    orgId: t('join.union'),
  };

  const submit = async () => {
    setFailure(null);
    const values = form.getFieldsValue();
    setUnionError(union ? null : t('join.unionRequired'));
    const fieldsOk = await form.validateFields().then(
      () => true,
      () => false,
    );
    const id = parseIdNumber(values.idNumber ?? '');
    const phone = parsePhone(values.phone ?? '');
    const body = parseWithSchema(
      PublicApplicationBody,
      {
        name: values.name,
        idNumber: id.ok ? id.facts.id : values.idNumber,
        phone: phone.ok ? phone.phone : values.phone,
        employerName: values.employerName?.trim() || undefined,
        employmentForm: values.employmentForm,
        orgId: union?.id,
        meetingId: meeting?.id,
      },
      form,
      labels,
      t,
    );
    if (!body || !fieldsOk || !union) {
      setFailure(t('join.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      setReceipt({ receipt: await publicApi.apply(body), union });
      window.scrollTo(0, 0);
    } catch (error) {
      const field = error instanceof ApiError ? fieldOfErrorCode(error.code) : null;
      if (field && error instanceof ApiError) form.setFields([{ name: field, errors: [error.message] }]);
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  if (receipt) {
    return (
      <PublicLayout title={t('join.done.title')}>
        <JoinDone
          receipt={receipt.receipt}
          unionName={receipt.union.name}
          onAgain={() => {
            form.resetFields();
            setUnion(null);
            setReceipt(null);
          }}
        />
      </PublicLayout>
    );
  }

  return (
    <PublicLayout title={t('join.title')}>
      <p className="public-intro">{t('join.intro')}</p>
      {meeting && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('join.meeting', { title: meeting.title })}
          description={t('join.meetingFacts', { heldOn: meeting.heldOn, venue: meeting.venue ?? '', union: meeting.unionName })}
          data-testid="join-meeting"
        />
      )}
      {/* Also when antd's own rules (ID, phone) fail: submit then puts every field's problem up at once, not in two rounds. */}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={() => void submit()}
        onFinishFailed={() => void submit()}
        data-testid="join-form"
      >
        <Form.Item
          label={labels.orgId}
          required
          validateStatus={unionError ? 'error' : undefined}
          help={unionError ?? undefined}
          extra={meeting ? t('join.meetingUnionHint', { union: meeting.unionName }) : t('join.unionHint')}
          data-testid="union-item"
        >
          <UnionPicker
            value={union}
            hasError={unionError !== null}
            onChange={(picked) => {
              setUnion(picked);
              if (picked) setUnionError(null);
            }}
          />
        </Form.Item>
        <Form.Item name="name" label={labels.name}>
          <Input placeholder={t('join.namePlaceholder')} maxLength={50} autoComplete="name" data-testid="join-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={labels.idNumber} rules={[idNumberRule]} validateTrigger="onBlur">
          <Input placeholder={t('join.idPlaceholder')} maxLength={40} autoComplete="off" className="mono-input" data-testid="join-id" />
        </Form.Item>
        <Form.Item name="phone" label={labels.phone} rules={[phoneRule]} validateTrigger="onBlur">
          <Input
            placeholder={t('join.phonePlaceholder')}
            maxLength={30}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            data-testid="join-phone"
          />
        </Form.Item>
        <Form.Item name="employerName" label={labels.employerName}>
          <Input placeholder={t('join.employerPlaceholder')} maxLength={200} autoComplete="organization" data-testid="join-employer" />
        </Form.Item>
        <Form.Item name="employmentForm" label={labels.employmentForm}>
          <EmploymentFormCards />
        </Form.Item>
        <p className="public-note">{t('join.privacy')}</p>
        {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} data-testid="join-error" />}
        <Button type="primary" htmlType="submit" block loading={isBusy} className="public-submit" data-testid="join-submit">
          {t('join.submit')}
        </Button>
      </Form>
      <p className="public-footer-link">
        <Link to="/join/status">{t('status.title')}</Link>
      </p>
    </PublicLayout>
  );
}
