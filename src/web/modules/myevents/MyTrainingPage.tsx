import { Alert, Button, Form, InputNumber, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECKIN_CODE_PATTERN, type CheckinResult, type RecordEntry } from '../../../common/training.js';
import { formatDateTime } from '../../app/format.js';
import { errorText } from '../../app/notify.js';
import { CardScanner } from '../welfare/CardScanner.js';
import { parseCheckinQr } from './checkinText.js';
import { MemberPhonePage, NotLoaded } from './MemberPhonePage.js';
import { myTrainingApi } from './myevents.api.js';
import { addStrings } from '../../i18n/index.js';
import { messages as myEventsStrings } from './i18n.zh-CN.js';
import { messages as welfareStrings } from '../welfare/i18n.zh-CN.js';

// A phone page adds the strings it shows; the console's come with the console's chunk (#16).
addStrings(myEventsStrings, welfareStrings);

/** /m/training: my training record (培训记录) and self check-in with the rotating code shown in the room. */
export function MyTrainingPage() {
  const { t } = useTranslation();
  return (
    <MemberPhonePage
      title={t('myTraining.title')}
      to="/m/training"
      other={{ label: t('myEvents.title'), to: '/m/events', testId: 'my-training-to-events' }}
    >
      <TrainingHome />
    </MemberPhonePage>
  );
}

function TrainingHome() {
  const { t } = useTranslation();
  const [record, setRecord] = useState<RecordEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    myTrainingApi
      .record()
      .then((r) => setRecord(r.items))
      .catch((error: unknown) => setFailure(errorText(error, t('app.networkError'))));
  }, [t]);
  useEffect(load, [load]);
  return (
    <div data-testid="my-training">
      <CheckinForm onCheckedIn={load} />
      <Typography.Title level={4}>{t('myTraining.record')}</Typography.Title>
      {!record && <NotLoaded failure={failure} />}
      {record && (
        <div data-testid="my-training-record">
          <List
            dataSource={record}
            locale={{ emptyText: t('myTraining.empty') }}
            renderItem={(r) => (
              <List.Item key={r.sessionId}>
                <List.Item.Meta
                  title={r.courseTitle}
                  description={`${formatDateTime(r.startsAt)} · ${r.place} · ${r.topic} · ${t(`myTraining.how.${r.how}`)}`}
                />
              </List.Item>
            )}
          />
        </div>
      )}
    </div>
  );
}

type Values = { sessionId: number | null; code: string };

/** The check-in form: the session number and the 8 digits typed, or the room's QR read by the camera (sent at once). */
function CheckinForm({ onCheckedIn }: { onCheckedIn: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<CheckinResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const send = async (sessionId: number, code: string) => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      setResult(await myTrainingApi.checkIn({ sessionId, code }));
      form.resetFields();
      onCheckedIn();
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };
  const submit = (values: Values) => {
    const scanned = parseCheckinQr(values.code);
    if (scanned) return void send(scanned.sessionId, scanned.code);
    if (values.sessionId !== null) void send(values.sessionId, values.code.trim());
  };
  const onScanned = (text: string) => {
    const scanned = parseCheckinQr(text);
    if (scanned) void send(scanned.sessionId, scanned.code);
    else setFailure(t('myTraining.notACheckinCode'));
  };
  return (
    <div className="public-card">
      <Typography.Title level={4}>{t('myTraining.checkin')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ sessionId: null, code: '' }}>
        <Form.Item
          name="code"
          label={t('myTraining.code')}
          extra={t('myTraining.codeHint')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                value && (CHECKIN_CODE_PATTERN.test(value.trim()) || parseCheckinQr(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('myTraining.codeInvalid'))),
            },
          ]}
        >
          <CardScanner testId="my-checkin-code" onScanned={onScanned} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate>
          {({ getFieldValue }) =>
            parseCheckinQr(String(getFieldValue('code') ?? '')) ? null : (
              <Form.Item
                name="sessionId"
                label={t('myTraining.session')}
                rules={[{ required: true, message: t('myTraining.sessionRequired') }]}
              >
                <InputNumber min={1} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="my-checkin-session" />
              </Form.Item>
            )
          }
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={isBusy} data-testid="my-checkin-submit">
          {t('myTraining.checkinButton')}
        </Button>
      </Form>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.already ? 'info' : 'success'}
          showIcon
          message={
            result.already ? t('myTraining.already', { course: result.courseTitle }) : t('myTraining.done', { course: result.courseTitle })
          }
          data-testid="my-checkin-result"
        />
      )}
      {failure && <Alert style={{ marginTop: 12 }} type="error" showIcon message={failure} data-testid="my-checkin-failure" />}
    </div>
  );
}
