import { z } from 'zod';

/** The accounts of a programme's book (src/server/modules/points/0029_points.sql). */
export const accountKinds = ['member', 'budget', 'merchant', 'expiry', 'issuance', 'clawback', 'settled'] as const;
export type AccountKind = (typeof accountKinds)[number];

/** What a transfer is for. */
export const transferKinds = ['fund', 'award', 'spend', 'expire', 'reverse', 'clawback', 'settle'] as const;
export type TransferKind = (typeof transferKinds)[number];

/** How a transfer moves the books: posted at once, held, or the post / void of a held one. */
export const transferOps = ['single', 'pending', 'post', 'void'] as const;
export type TransferOp = (typeof transferOps)[number];

/** What earns points in a programme. */
export const earnSources = ['volunteer_hours', 'event', 'training', 'manual'] as const;
export type EarnSource = (typeof earnSources)[number];

export const expiryRules = ['end_of_next_year', 'months', 'never'] as const;
export type ExpiryRule = (typeof expiryRules)[number];

export const programmeStatuses = ['active', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

export const merchantStatuses = ['active', 'suspended'] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];

/** Points per unit of each earning activity; `manual` allows a cadre's award with a written reason. */
export const EarnRules = z.object({
  volunteerHour: z.number().int().positive().max(1000).optional(),
  eventAttendance: z.number().int().positive().max(1000).optional(),
  training: z.number().int().positive().max(1000).optional(),
  manual: z.boolean().optional(),
});
export type EarnRules = z.infer<typeof EarnRules>;

/** A transfer's caller-supplied id (an Idempotency-Key): printable, no spaces. */
export const TransferKey = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/u);

/** The largest single amount the ledger takes (points are whole numbers). */
export const MAX_TRANSFER_POINTS = 1_000_000;
/** How long a held (pending) charge waits for its post before it is voided, by default and at most. */
export const PENDING_TIMEOUT_SECONDS = { default: 120, max: 3600 } as const;
