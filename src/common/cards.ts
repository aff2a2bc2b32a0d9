import { z } from 'zod';

export const CardToken = z.object({ token: z.string(), expiresAt: z.string(), cardNo: z.string() });
export type CardToken = z.infer<typeof CardToken>;
export const CardVerifyBody = z.object({ token: z.string().min(1).max(500) });
export const CardVerifyResult = z.object({ valid: z.boolean(), maskedName: z.string().optional() });
export type CardVerifyResult = z.infer<typeof CardVerifyResult>;
