import { Alert, Button, Card, Form, InputNumber, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATCHMAKING_LIMITS, MatchSettingsBody, type MatchSettings } from '../../../common/matchmaking.js';
import { errorText, useNotify } from '../../app/notify.js';
import { parseWithSchema } from '../../app/zodForm.js';
import { matchConsoleApi } from './matchmaking.api.js';

/** The event's matchmaking settings: open or not, days kept after the event, the daily interest limit. */
export function MatchSettingsCard({ eventId, canWrite, onSaved }: { eventId: number; canWrite: boolean; onSaved: () => void }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const [form] = Form.useForm<MatchSettingsBody>();
  const [settings, setSettings] = useState<MatchSettings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  useEffect(() => {
    matchConsoleApi
      .settings(eventId)
      .then((s) => {
        setSettings(s);
        form.setFieldsValue(s);
      })
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [eventId, form, t]);
  const save = async () => {
    const body = parseWithSchema(MatchSettingsBody, form.getFieldsValue(), form, {}, t);
    if (!body) return;
    setBusy(true);
    setFailure(null);
    try {
      setSettings(await matchConsoleApi.putSettings(eventId, body));
      notify.success(t('matchConsole.saved'));
      onSaved();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('matchConsole.settings')} size="small" style={{ marginBottom: 16 }} data-testid="match-settings">
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} />}
      {settings && !settings.configured && <Alert type="info" message={t('matchConsole.notConfigured')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline" disabled={!canWrite || !settings} onFinish={() => void save()}>
        <Form.Item name="enabled" valuePropName="checked" label={t('matchConsole.enabled')}>
          <Switch data-testid="match-settings-enabled" />
        </Form.Item>
        <Form.Item name="retentionDays" label={t('matchConsole.retentionDays')}>
          <InputNumber min={0} max={MATCHMAKING_LIMITS.retentionDays} precision={0} data-testid="match-settings-retention" />
        </Form.Item>
        <Form.Item name="dailyInterestLimit" label={t('matchConsole.dailyInterestLimit')}>
          <InputNumber min={1} max={MATCHMAKING_LIMITS.dailyInterestLimit} precision={0} data-testid="match-settings-limit" />
        </Form.Item>
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={isBusy} data-testid="match-settings-save">
            {t('matchConsole.saveSettings')}
          </Button>
        )}
      </Form>
    </Card>
  );
}
