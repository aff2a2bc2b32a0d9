/**
 * Idempotent writes by a caller-supplied key (an Idempotency-Key header, `award:<batch>:<row>` …): the first request
 * under a key is stored with a hash of its fields; a retry with the same fields answers the first result, one with
 * other fields is refused (409, with the module's own error code).
 */
import { createHash } from 'node:crypto';
import { AppError, type ErrorCode } from '../../common/errors.js';

type Json = string | number | boolean | null | undefined | readonly Json[] | { readonly [key: string]: Json };

/** One spelling of a value: object keys sorted at every depth, undefined as null (so an absent field = null). */
function canonical(value: Json): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map((v: Json) => canonical(v));
  if (typeof value === 'object') {
    const object = value as { readonly [key: string]: Json };
    return Object.fromEntries(
      Object.keys(object)
        .sort()
        .map((k) => [k, canonical(object[k])]),
    );
  }
  return value;
}

/** SHA-256 (base64url) of a request's fields in canonical JSON: what a retry under the same key must repeat. */
export function requestHash(fields: Json): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(fields)))
    .digest('base64url');
}

/**
 * The decision on a key used before: undefined for a new key (write), the stored row when its hash is the request's
 * (replay it), AppError(`reusedCode`) when the same key came with other fields.
 */
export function replayOf<T extends { request_hash: string }>(existing: T | undefined, hash: string, reusedCode: ErrorCode): T | undefined {
  if (!existing) return undefined;
  if (existing.request_hash !== hash) throw new AppError(reusedCode);
  return existing;
}
