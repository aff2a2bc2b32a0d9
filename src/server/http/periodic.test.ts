import { afterEach, describe, expect, it, vi } from 'vitest';
import { runEvery } from './periodic.js';

const log = () => ({ info: vi.fn(), error: vi.fn() });

describe('runEvery', () => {
  afterEach(() => vi.useRealTimers());

  it('never overlaps a slow run, logs a failure and runs again after it, and stops', async () => {
    vi.useFakeTimers();
    let started = 0;
    let finish: () => void = () => undefined;
    const l = log();
    const job = runEvery(
      1000,
      () => {
        started++;
        if (started === 2) return Promise.reject(new Error('boom'));
        return new Promise<void>((resolve) => (finish = resolve));
      },
      l,
      'job failed',
    );
    await vi.advanceTimersByTimeAsync(3500); // due at 1 s, 2 s and 3 s: the first run is still going
    expect(started).toBe(1);
    finish();
    await vi.advanceTimersByTimeAsync(1000); // the second run fails
    expect(started).toBe(2);
    expect(l.error).toHaveBeenCalledWith({ err: expect.any(Error) }, 'job failed');
    await vi.advanceTimersByTimeAsync(1000); // and the next one still runs
    expect(started).toBe(3);
    job.stop();
    finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toBe(3);
  });
});
