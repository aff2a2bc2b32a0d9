import { z } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import type { Locale } from '../../common/i18n.js';

type Issue = z.core.$ZodIssue;

/** A request that failed its zod schema; turned into a VALIDATION answer in the caller's language. */
export class RequestValidationError extends Error {
  statusCode = 400;
  constructor(
    readonly issues: Issue[],
    readonly part: string,
  ) {
    super('request validation failed');
  }
}

/** Validates with zod, keeping the input in each issue so messages can name what was received. */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };

const localeErrors: Record<Locale, ReturnType<typeof z.locales.en>> = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() };

export function describeIssues(issues: Issue[], locale: Locale): { path: string; message: string }[] {
  const { localeError } = localeErrors[locale];
  return issues.map((issue) => {
    const own = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined)?.[locale] : undefined;
    const localized = localeError(issue as Parameters<typeof localeError>[0]);
    const message = typeof own === 'string' ? own : typeof localized === 'string' ? localized : (localized?.message ?? issue.message);
    return { path: issue.path.map(String).join('.'), message };
  });
}
