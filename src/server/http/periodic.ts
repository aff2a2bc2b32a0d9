/** What a periodic job logs through (the app's logger). */
export type JobLog = { info(details: object, message: string): void; error(details: object, message: string): void };

/**
 * Runs `run` every `intervalMs`, one run at a time: a run still going when the next is due is not overlapped. The timer
 * does not keep the process alive; a failed run is logged under `failure` and the next one runs as usual. The modules'
 * housekeeping (points expiry, event offers) starts it when the server listens and stops it when the app closes.
 */
export function runEvery(intervalMs: number, run: () => Promise<void>, log: JobLog, failure: string): { stop(): void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((error: unknown) => log.error({ err: error }, failure))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
