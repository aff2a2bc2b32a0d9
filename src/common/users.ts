import { z } from 'zod';
import { BodyId, Id, queryCount } from './paging.js';
import { roles, USERNAME_PATTERN, PASSWORD_MIN_LENGTH } from './auth.js';

export const UserGrant = z.object({ id: z.number(), orgId: z.number(), orgName: z.string(), role: z.enum(roles) });
export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  isDisabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  grants: z.array(UserGrant),
});
export type User = z.infer<typeof User>;

const password = z.string().min(PASSWORD_MIN_LENGTH).max(200);

export const CreateUserBody = z.object({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN),
  displayName: z.string().trim().min(1).max(50),
  password,
  orgId: BodyId,
  role: z.enum(roles),
});
export type CreateUserBody = z.infer<typeof CreateUserBody>;

export const UpdateUserBody = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  isDisabled: z.boolean().optional(),
  password: password.optional(),
});
export type UpdateUserBody = z.infer<typeof UpdateUserBody>;

export const GrantBody = z.object({ orgId: BodyId, role: z.enum(roles) });
export type GrantBody = z.infer<typeof GrantBody>;

export const UserListQuery = z.object({
  orgId: Id.optional(),
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, 200).default(50),
});
export type UserListQuery = z.infer<typeof UserListQuery>;
