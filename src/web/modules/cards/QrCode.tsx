import QRCode from 'qrcode';
import { useEffect, useRef } from 'react';

/** A QR code drawn on a canvas; medium error correction survives a cracked phone screen. */
export function QrCode({ text, size = 240, testId }: { text: string; size?: number; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    void QRCode.toCanvas(canvas.current, text, { width: size, margin: 1, errorCorrectionLevel: 'M' });
  }, [text, size]);
  return <canvas ref={canvas} width={size} height={size} style={{ width: size, height: size, display: 'block' }} data-testid={testId} />;
}
