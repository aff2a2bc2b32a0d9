import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CashierScanner } from '../points/CashierScanner.js';

/**
 * A QR code's text: typed (or pasted, or from a handheld scanner acting as a keyboard), or read by the phone's camera
 * (qr-scanner, through the points counter's camera view). A form control: `value` / `onChange`.
 */
export function CardScanner({
  value,
  onChange,
  testId,
  onScanned,
}: {
  value?: string;
  onChange?: (text: string) => void;
  testId: string;
  /** Called once a code was read by the camera (a check page acts on it at once). */
  onScanned?: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [isScanning, setScanning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useRef({ onChange, onScanned });
  latest.current = { onChange, onScanned };
  const onCode = useCallback((code: string) => {
    setScanning(false);
    latest.current.onChange?.(code);
    latest.current.onScanned?.(code);
  }, []);
  const onFailure = useCallback(() => {
    setScanning(false);
    setProblem(t('welfare.handout.noCamera'));
  }, [t]);
  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="off" data-testid={testId} />
        <Button
          icon={isScanning ? <StopOutlined /> : <CameraOutlined />}
          onClick={() => {
            setProblem(null);
            setScanning((s) => !s);
          }}
          data-testid={`${testId}-camera`}
        >
          {isScanning ? t('welfare.handout.stopScan') : t('welfare.handout.scan')}
        </Button>
      </Space.Compact>
      {isScanning && (
        <div style={{ marginTop: 8 }}>
          <CashierScanner onCode={onCode} onFailure={onFailure} />
        </div>
      )}
      {problem && <Typography.Text type="warning">{problem}</Typography.Text>}
    </div>
  );
}
