import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A validation message in the selected language for one zod issue on a labelled field. */
export function issueMessage(issue: Issue, field: string, value: unknown, t: TFunction): string {
  if (isEmpty(value)) return issue.code === 'invalid_value' ? t('validation.choose', { field }) : t('validation.required', { field });
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? t('validation.tooShort', { field, min: Number(issue.minimum) })
        : t('validation.tooSmall', { field, min: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { field, max: Number(issue.maximum) })
        : t('validation.tooLarge', { field, max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.expected === 'int' ? t('validation.notInteger', { field }) : t('validation.invalid', { field });
    case 'invalid_format':
      return t('validation.format', { field });
    case 'invalid_value':
      return t('validation.choose', { field });
    default:
      return t('validation.invalid', { field });
  }
}

/**
 * Validates form values with the shared zod schema (the one the server uses) and puts each problem
 * under its field, so the form and the API agree on what is valid. Returns the parsed body or null.
 */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
  form: FormInstance,
  labels: Record<string, string>,
  t: TFunction,
): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, string[]>();
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? '');
    const message = issueMessage(issue, labels[name] ?? name, values[name], t);
    byField.set(name, [...(byField.get(name) ?? []), message]);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors: [...new Set(errors)] })));
  return null;
}

/** The form's values once its own (antd) rules pass, else null: the messages then stand under their fields. */
export function validFields<V>(form: FormInstance<V>): Promise<V | null> {
  return form.validateFields().catch(() => null);
}
