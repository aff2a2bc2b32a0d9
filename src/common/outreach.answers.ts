import { z } from 'zod';
import { unionisationStages } from './outreach.js';

/** The answer of `POST /api/employers/:id/unionisation`: the employer's new stage and record version. */
export const StageAnswer = z.object({ stage: z.enum(unionisationStages), version: z.number() });
export type StageAnswer = z.infer<typeof StageAnswer>;
