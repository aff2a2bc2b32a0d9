import { AppError } from '../../common/errors.js';
import { isCalendarDate } from '../../common/inputs.js';

/** Keyset cursors are base64url JSON of the last row's sort key: opaque to clients, checked on the way back. */
export function encodeCursor(value: number | string | (number | string)[]): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

type CursorShape = 'number' | 'string-number' | 'date-number';

/** Text the database can compare: no NUL, no control characters, no lone surrogate. */
const isPlainText = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length <= 200 &&
  !Array.from(value).some((c) => c.charCodeAt(0) < 0x20 || (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff));

/**
 * What a cursor decodes to, checked against the shape its list sorts by: a cursor that was edited, or one of
 * another list, is a 400 naming the cursor, never a database error.
 */
export function decodeCursor(cursor: string | undefined, shape: 'number'): number | undefined;
export function decodeCursor(cursor: string | undefined, shape: 'string-number' | 'date-number'): [string, number] | undefined;
export function decodeCursor(cursor: string | undefined, shape: CursorShape): number | [string, number] | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('VALIDATION', { detail: 'cursor' });
  }
  if (shape === 'number' && Number.isSafeInteger(value)) return value as number;
  if (shape !== 'number' && Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[1])) {
    const key: unknown = value[0];
    const keyFits = shape === 'string-number' ? isPlainText(key) : isCalendarDate(key);
    if (keyFits && typeof key === 'string') return [key, value[1] as number];
  }
  throw new AppError('VALIDATION', { detail: 'cursor' });
}
