import { z } from 'zod';

/** Whether the demo members are still loading in the background after a first start, and how far (0–100). */
export const DemoStatus = z.object({ loading: z.boolean(), percent: z.number().int().min(0).max(100) });
export type DemoStatus = z.infer<typeof DemoStatus>;

/** How often the console asks while the demo loads. */
export const DEMO_STATUS_POLL_MS = 3000;
