import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnLanguageCommon from '@zxcvbn-ts/language-common';
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { createRequire } from 'node:module';
import { AppError } from '../../common/errors.js';
import '../../common/auth.errors.js';
import { PASSWORD_MIN_LENGTH } from '../../common/auth.js';
import { passwordProblem, passwordRater, type PasswordRater } from '../../common/passwords.js';

// scrypt parameters (N=2^15, r=8, p=1: ~32 MiB, ~50 ms here), stored with each hash so they can be raised later.
const PARAMS = { N: 32768, r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keylen, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, PARAMS.keylen, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when the username is unknown so both cases take as long. */
export const decoyHash = hashPassword(randomBytes(16).toString('hex'));

let rater: PasswordRater | undefined;

/**
 * The password rule's zxcvbn-ts, loaded at the first password checked rather than at start: its dictionaries are
 * ≈ 6 MB of heap an idle server does not need (#16). Synchronous (the packages' CommonJS builds), so the rule stays
 * a plain function and two requests checking passwords at once share the one instance.
 */
export function loadPasswordRater(): PasswordRater {
  if (!rater) {
    const require = createRequire(import.meta.url);
    rater = passwordRater(
      require('@zxcvbn-ts/core') as typeof ZxcvbnCore,
      require('@zxcvbn-ts/language-common') as typeof ZxcvbnLanguageCommon,
    );
  }
  return rater;
}

/** Refuses a password the platform's rule (src/common/passwords.ts) does not accept for this account. */
export function assertPasswordAcceptable(password: string, account: { username: string; displayName?: string }): void {
  const problem = passwordProblem(password, account, loadPasswordRater());
  if (problem) throw new AppError(problem, { min: PASSWORD_MIN_LENGTH });
}

/** A random password for the first admin when none is configured: 20 characters, letters and digits, passing the rule. */
export function generatePassword(username = 'admin'): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 20; i++) out += alphabet.charAt(randomInt(alphabet.length));
  return /\d/.test(out) && /[A-Za-z]/.test(out) && !passwordProblem(out, { username }, loadPasswordRater())
    ? out
    : generatePassword(username);
}
