import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Counter, Redemption } from '../../../common/points.merchants.js';
import { errorText } from '../../app/notify.js';
import { CashierScanner } from './CashierScanner.js';
import { counterApi } from './merchants.api.js';

type Values = { code: string; programmeId?: number; itemId?: number; points?: number; hold: boolean };

/** A fresh key per charge; the same key is re-sent when the cashier retries after a network failure. */
const newKey = () => globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * 收银: the member's code (scanned or typed), an item or a free amount, optionally held first. A failed send keeps its
 * Idempotency-Key, so pressing again after a dropped answer is answered with the first charge, never a second one.
 */
export function CashierForm({ counter, onCharged }: { counter: Counter; onCharged: (r: Redemption) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'item' | 'free'>(counter.items.length > 0 ? 'item' : 'free');
  const [isScanning, setScanning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [result, setResult] = useState<Redemption | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [key, setKey] = useState(newKey);

  const onCode = useCallback(
    (code: string) => {
      form.setFieldValue('code', code);
      setScanning(false);
    },
    [form],
  );
  const onCameraFailure = useCallback(() => {
    setScanning(false);
    setFailure(t('cashier.noCamera'));
  }, [t]);

  const submit = async (values: Values) => {
    if (mode === 'item' ? values.itemId === undefined : values.points === undefined) {
      setFailure(t('cashier.chooseOne'));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const charged = await counterApi.redeem(
        {
          code: values.code,
          hold: values.hold,
          ...(values.programmeId ? { programmeId: values.programmeId } : {}),
          ...(mode === 'item' ? { itemId: values.itemId } : { points: values.points }),
        },
        key,
      );
      setResult(charged);
      onCharged(charged);
      setKey(newKey());
      form.resetFields(['code']);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    } finally {
      setBusy(false);
    }
  };

  const resolve = async (how: 'post' | 'void') => {
    if (!result) return;
    try {
      const done = how === 'post' ? await counterApi.post(result.id) : await counterApi.void(result.id);
      setResult(done);
      onCharged(done);
    } catch (error) {
      setFailure(errorText(error, t('app.networkError')));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={{ hold: false }} onFinish={(v) => void submit(v)} data-testid="cashier-form">
      <Form.Item label={t('cashier.code')} extra={t('cashier.codeHint')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="code" noStyle rules={[{ required: true, message: t('cashier.codeHint') }]}>
            <Input inputMode="numeric" autoComplete="off" data-testid="cashier-code" />
          </Form.Item>
          <Button onClick={() => setScanning(!isScanning)} data-testid="cashier-scan">
            {isScanning ? t('cashier.stopScan') : t('cashier.scan')}
          </Button>
        </Space.Compact>
      </Form.Item>
      {isScanning && <CashierScanner onCode={onCode} onFailure={onCameraFailure} />}
      {counter.programmes.length > 1 && (
        <Form.Item name="programmeId" label={t('cashier.programme')} rules={[{ required: true }]}>
          <Select options={counter.programmes.map((p) => ({ value: p.id, label: p.name }))} data-testid="cashier-programme" />
        </Form.Item>
      )}
      <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'item' | 'free')} style={{ marginBottom: 12 }}>
        <Radio.Button value="item" disabled={counter.items.length === 0}>
          {t('cashier.item')}
        </Radio.Button>
        <Radio.Button value="free" data-testid="cashier-free">
          {t('cashier.freeAmount')}
        </Radio.Button>
      </Radio.Group>
      {mode === 'item' ? (
        <Form.Item name="itemId" label={t('cashier.item')}>
          <Radio.Group data-testid="cashier-items">
            {counter.items.map((i) => (
              <Radio key={i.id} value={i.id} data-testid={`cashier-item-${i.id}`}>
                {i.name} · {i.points}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      ) : (
        <Form.Item name="points" label={t('cashier.points')}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="cashier-points" />
        </Form.Item>
      )}
      <Form.Item name="hold" valuePropName="checked">
        <Checkbox data-testid="cashier-hold">{t('cashier.hold')}</Checkbox>
      </Form.Item>
      {failure && <Alert type="error" showIcon message={failure} style={{ marginBottom: 12 }} data-testid="cashier-failure" />}
      {result && (
        <Alert
          type={result.status === 'held' ? 'warning' : result.status === 'posted' ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="cashier-result"
          message={
            result.status === 'held'
              ? t('cashier.held', { points: result.points, name: result.memberNameMasked })
              : `${t('cashier.charged', { points: result.points, name: result.memberNameMasked })} · ${t(`cashier.status.${result.status}`)}`
          }
          action={
            result.status === 'held' ? (
              <Space>
                <Button size="small" type="primary" onClick={() => void resolve('post')} data-testid="cashier-post">
                  {t('cashier.post')}
                </Button>
                <Button size="small" danger onClick={() => void resolve('void')} data-testid="cashier-void">
                  {t('cashier.void')}
                </Button>
              </Space>
            ) : undefined
          }
        />
      )}
      <Button type="primary" htmlType="submit" block loading={isBusy} disabled={counter.status !== 'active'} data-testid="cashier-charge">
        {t('cashier.charge')}
      </Button>
    </Form>
  );
}
