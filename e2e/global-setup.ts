import fs from 'node:fs';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt, hasChromium, startApp, waitForDemo } from './harness.js';

/**
 * Loads the demo once for all journeys: a server from an empty directory runs to the end of its demo and shuts down
 * cleanly; each journey's server then starts on a copy of that directory (as a restart would) instead of loading the
 * demo again. The journey that watches the demo load asks for a fresh start.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (!hasChromium) return () => undefined;
  ensureWebBuilt();
  const app = await startApp({ fresh: true, keepDataDir: true });
  try {
    await waitForDemo(app.baseUrl, 600_000);
  } finally {
    await app.stop();
  }
  project.provide('e2eDemoDataDir', app.dataDir);
  return () => fs.rmSync(app.dataDir, { recursive: true, force: true });
}
