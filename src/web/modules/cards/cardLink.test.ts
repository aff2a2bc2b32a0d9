import { describe, expect, it } from 'vitest';
import { formatCardNo, formatCountdown, renewalTime, tokenFromScan, verifyLink } from './cardLink.js';

const token = 'eyJtIjoxLCJ2IjoxfQ.pmrk0KVsb24AB8vZuD8Hvw';

describe('member card QR contents', () => {
  it('puts the token in the fragment of the verify link and reads it back', () => {
    const link = verifyLink(token, 'https://gh.example.cn');
    expect(link).toBe(`https://gh.example.cn/verify#t=${token}`);
    expect(tokenFromScan(link)).toBe(token);
  });

  it('takes a bare token as it is, without the spaces a paste brings along', () => {
    expect(tokenFromScan(`  ${token}\n`)).toBe(token);
  });

  it('groups a card number in fours and leaves anything else alone', () => {
    expect(formatCardNo('GH110000000001')).toBe('GH 1100 0000 0001');
    expect(formatCardNo('X-1')).toBe('X-1');
  });

  it('shows the countdown as m:ss and never below zero', () => {
    expect(formatCountdown(272.9)).toBe('4:32');
    expect(formatCountdown(-3)).toBe('0:00');
  });
});

describe('card token renewal', () => {
  const receivedAt = Date.UTC(2026, 0, 1, 8, 0, 0);
  const expiringIn = (seconds: number) => ({ token, cardNo: 'GH1', expiresAt: new Date(receivedAt + seconds * 1000).toISOString() });

  it('renews a five-minute token thirty seconds before it expires', () => {
    expect(renewalTime(expiringIn(300), receivedAt) - receivedAt).toBe(270_000);
  });

  it('renews a short token at three quarters of its life', () => {
    expect(renewalTime(expiringIn(40), receivedAt) - receivedAt).toBe(30_000);
  });

  it('waits at least fifteen seconds when the clocks disagree and the token looks expired already', () => {
    expect(renewalTime(expiringIn(-600), receivedAt) - receivedAt).toBe(15_000);
  });
});
