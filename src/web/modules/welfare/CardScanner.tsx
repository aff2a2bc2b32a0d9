import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser's own QR detector (Chrome on Android, Safari 17+); absent elsewhere, where the code is typed. */
type Detector = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type DetectorClass = new (options: { formats: string[] }) => Detector;

function detectorClass(): DetectorClass | undefined {
  const candidate: unknown = (globalThis as { BarcodeDetector?: unknown }).BarcodeDetector;
  return typeof candidate === 'function' ? (candidate as DetectorClass) : undefined;
}

/**
 * A QR code's text: typed (or pasted, or from a handheld scanner acting as a keyboard), or read by the phone's camera
 * where the browser can detect QR codes. A form control: `value` / `onChange`.
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
  const video = useRef<HTMLVideoElement>(null);
  const Detector = detectorClass();

  useEffect(() => {
    if (!isScanning || !Detector) return;
    let stream: MediaStream | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let isOver = false;
    const detector = new Detector({ formats: ['qr_code'] });
    const tick = async () => {
      if (isOver || !video.current) return;
      const codes = await detector.detect(video.current).catch(() => []);
      const text = codes[0]?.rawValue;
      if (text) {
        onChange?.(text);
        onScanned?.(text);
        setScanning(false);
        return;
      }
      timer = setTimeout(() => void tick(), 250);
    };
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        if (isOver || !video.current) return;
        video.current.srcObject = s;
        await video.current.play();
        void tick();
      })
      .catch(() => {
        setProblem(t('welfare.handout.noCamera'));
        setScanning(false);
      });
    return () => {
      isOver = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [isScanning, Detector, onChange, onScanned, t]);

  return (
    <div>
      <Space.Compact style={{ width: '100%' }}>
        <Input value={value} onChange={(e) => onChange?.(e.target.value)} autoComplete="off" data-testid={testId} />
        {Detector && (
          <Button
            icon={isScanning ? <StopOutlined /> : <CameraOutlined />}
            onClick={() => setScanning((s) => !s)}
            data-testid={`${testId}-camera`}
          >
            {isScanning ? t('welfare.handout.stopScan') : t('welfare.handout.scan')}
          </Button>
        )}
      </Space.Compact>
      {isScanning && <video ref={video} muted playsInline style={{ width: '100%', maxWidth: 360, marginTop: 8 }} />}
      {problem && <Typography.Text type="warning">{problem}</Typography.Text>}
    </div>
  );
}
