import { Alert, Button, Form, Input, InputNumber, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { educations, type MatchRetention, type MyProfile, type ProfileFields } from '../../../common/matchmaking.js';
import { errorText } from '../../app/notify.js';
import { buttonTestId } from '../../app/testId.js';
import { myMatchApi } from './matchmaking.api.js';
import { bodyOf, valuesOf, type ProfileValues } from './profileValues.js';
import { SensitiveField } from './SensitiveField.js';
import { Shown } from './Shown.js';

type Props = {
  eventId: number;
  profile: MyProfile | null;
  retention: MatchRetention;
  onSaved: (p: MyProfile) => void;
  onWithdrawn: () => void;
};

/** My profile for this event: each field with its visibility switch, the sensitive ones behind their own consent; withdraw. */
export function ProfileForm({ eventId, profile, retention, onSaved, onWithdrawn }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProfileValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setSaved(false);
    try {
      await work();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  const save = (values: ProfileValues) =>
    run(async () => {
      const answer = await myMatchApi.save(eventId, bodyOf(values));
      if (answer.profile) onSaved(answer.profile);
      setSaved(true);
    });
  const withdraw = () =>
    run(async () => {
      await myMatchApi.withdraw(eventId);
      onWithdrawn();
    });
  const label = (f: keyof ProfileFields) => t(`matchmaking.field.${f}`);
  const text = (f: 'hometown' | 'hobbies' | 'photoUrl') => (
    <Shown field={f}>
      <Form.Item name={f} label={label(f)}>
        <Input data-testid={`match-field-${f}`} />
      </Form.Item>
    </Shown>
  );
  return (
    <Form form={form} layout="vertical" initialValues={valuesOf(profile)} onFinish={(v) => void save(v)} data-testid="match-profile-form">
      <Form.Item name="nickname" label={label('nickname')} extra={t('matchmaking.nicknameAlwaysVisible')} rules={[{ required: true }]}>
        <Input maxLength={30} data-testid="match-field-nickname" />
      </Form.Item>
      <Shown field="birthYear">
        <Form.Item name="birthYear" label={label('birthYear')}>
          <InputNumber
            min={1940}
            max={2010}
            precision={0}
            inputMode="numeric"
            style={{ width: '100%' }}
            data-testid="match-field-birthYear"
          />
        </Form.Item>
      </Shown>
      <Shown field="heightCm">
        <Form.Item name="heightCm" label={label('heightCm')}>
          <InputNumber min={120} max={230} precision={0} inputMode="numeric" style={{ width: '100%' }} data-testid="match-field-heightCm" />
        </Form.Item>
      </Shown>
      <Shown field="education">
        <Form.Item name="education" label={label('education')}>
          <Select
            allowClear
            data-testid="match-field-education"
            options={educations.map((e) => ({ value: e, label: t(`matchmaking.education.${e}`) }))}
          />
        </Form.Item>
      </Shown>
      {text('hometown')}
      {text('hobbies')}
      <Shown field="selfIntro">
        <Form.Item name="selfIntro" label={label('selfIntro')}>
          <Input.TextArea rows={3} maxLength={1000} data-testid="match-field-selfIntro" />
        </Form.Item>
      </Shown>
      {text('photoUrl')}
      <Typography.Title level={5}>{t('matchmaking.consent.title')}</Typography.Title>
      <SensitiveField form={form} field="maritalHistory" retention={retention} />
      <SensitiveField form={form} field="incomeRange" retention={retention} />
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="match-profile-failure" />}
      {saved && (
        <Alert type="success" showIcon message={t('matchmaking.saved')} style={{ marginBottom: 12 }} data-testid="match-profile-saved" />
      )}
      <Button type="primary" htmlType="submit" block loading={isBusy} data-testid="match-save">
        {t('matchmaking.save')}
      </Button>
      {profile && (
        <Popconfirm
          title={t('matchmaking.withdrawConfirm')}
          okText={t('matchmaking.withdrawYes')}
          cancelText={t('matchmaking.withdrawNo')}
          okButtonProps={{ ...buttonTestId('match-withdraw-yes'), danger: true }}
          onConfirm={() => void withdraw()}
        >
          <Button danger block style={{ marginTop: 12 }} disabled={isBusy} data-testid="match-withdraw">
            {t('matchmaking.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Form>
  );
}
