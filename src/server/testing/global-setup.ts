import { prepareTemplate } from './template.js';

/** Vitest global setup: build the migrated template database once before the test files copy it. */
export default async function setup(): Promise<void> {
  await prepareTemplate();
}
