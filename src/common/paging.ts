import { z } from 'zod';
import { localizedCheck } from './inputs.js';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;

const DECIMAL_ID = /^[1-9][0-9]{0,15}$/;

/**
 * The one id of a path or query string: decimal digits only, no sign, no leading zero, no blank, within the
 * safe integers (ids are bigint in the database). `0x10`, `1e5`, ` 12`, `12.0` and `012` are refused, where
 * z.coerce.number() would have read them as numbers.
 */
export const Id = z
  .string()
  .refine(
    (text) => DECIMAL_ID.test(text) && Number.isSafeInteger(Number(text)),
    localizedCheck(
      '应为正整数编号，只含数字 0–9，不以 0 开头（例如 12）',
      'must be a positive whole-number id in digits 0–9 without a leading zero (e.g. 12)',
    ),
  )
  .transform(Number);

/** An id in a JSON body: a JSON number that is a positive safe integer (a string is refused). */
export const BodyId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A count or limit in a query string: plain decimal digits (no hex, exponent, sign or blanks), then the range. */
export function queryCount(min: number, max: number) {
  return z
    .string()
    .refine((text) => /^(0|[1-9][0-9]{0,8})$/.test(text), localizedCheck('应为整数，只含数字 0–9', 'must be a whole number in digits 0–9'))
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}

/** Keyset paging: `cursor` is the opaque value of the last row seen, from the previous page's nextCursor. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryCount(1, PAGE_LIMIT_MAX).default(PAGE_LIMIT_DEFAULT),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Lists count exactly up to this many rows; above it a list says "more than" (or a roll-up / planner figure). */
export const LIST_TOTAL_BOUND = 10_000;

/**
 * How many rows a list holds: `exact` up to LIST_TOTAL_BOUND, `atLeast` LIST_TOTAL_BOUND above it, `rollup` the
 * subtree figure of the coverage roll-up (members with no filter but status), `estimate` the planner's row estimate.
 */
export const ListTotal = z.object({ count: z.number().int().nonnegative(), kind: z.enum(['exact', 'atLeast', 'rollup', 'estimate']) });
export type ListTotal = z.infer<typeof ListTotal>;

/** A page; the first page of a list (no cursor) carries the list's total, the following ones leave it out. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: ListTotal.optional() });
}
export type Page<T> = { items: T[]; nextCursor: string | null; total?: ListTotal };

export const IdParam = z.object({ id: Id });
export const ErrorBodySchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
