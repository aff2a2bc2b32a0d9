import { AppError } from '../../common/errors.js';

/** Keyset cursors are base64url JSON of the last row's sort key: opaque to clients, checked on the way back. */
export function encodeCursor(value: number | string | (number | string)[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: 'number'): number | undefined;
export function decodeCursor(cursor: string | undefined, shape: 'string-number'): [string, number] | undefined;
export function decodeCursor(cursor: string | undefined, shape: 'number' | 'string-number'): number | [string, number] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', { detail: 'cursor' });
  }
  if (shape === 'number' && Number.isSafeInteger(value)) return value as number;
  if (
    shape === 'string-number' &&
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    Number.isSafeInteger(value[1])
  )
    return [value[0], value[1] as number];
  throw new AppError('VALIDATION', { detail: 'cursor' });
}
