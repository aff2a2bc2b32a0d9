import { useEffect, useRef } from 'react';

/**
 * The phone camera reading a member's QR code, with qr-scanner (its decoder runs in a worker bundled from the package:
 * nothing is fetched from a CDN). Loaded only when the cashier taps 扫码.
 */
export function CashierScanner({ onCode, onFailure }: { onCode: (code: string) => void; onFailure: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('qr-scanner')
      .then(({ default: QrScanner }) => {
        if (cancelled || !video.current) return;
        const scanner = new QrScanner(video.current, (result) => onCode(result.data), { returnDetailedScanResult: true });
        stop = () => scanner.destroy();
        return scanner.start();
      })
      .catch(onFailure);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [onCode, onFailure]);
  return <video ref={video} style={{ width: '100%', maxHeight: 320, background: '#000' }} muted playsInline data-testid="cashier-video" />;
}
