import { z } from 'zod';
import { orgKinds } from './orgs.js';

/** A union a worker may apply to, as the public union search answers it. */
export const PublicUnion = z.object({ id: z.number(), name: z.string(), kind: z.enum(orgKinds), parentName: z.string() });
export type PublicUnion = z.infer<typeof PublicUnion>;

/** The answer of `GET /api/public/unions`. */
export const PublicUnions = z.object({ items: z.array(PublicUnion) });
