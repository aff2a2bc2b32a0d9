import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import type { Executor } from '../../db/executor.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/points.merchants.errors.js';
import { SHORT_CODE_PATTERN, SPEND_CODE_SECONDS, type SpendCode } from '../../../common/points.merchants.js';
import { createKeyedHash, loadMasterSecret } from '../../crypto/pii.js';
import { createSigner, type Signer } from '../../crypto/tokens.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import './merchants.tables.js';

/**
 * A member's spending code (付款码): a signed token for the QR (member, region, nonce, expiry) and an 8-digit code to
 * type when the camera fails, stored by its keyed hash. Both name the same nonce; a redemption records the nonce in
 * its transfer's source_ref, so a code pays for one charge (a retry with the same Idempotency-Key aside).
 */
type CodeKeys = { signer: Signer; hash: (value: string) => string };
const keysOf = new WeakMap<Deps, CodeKeys>();

function keys(deps: Deps): CodeKeys {
  let k = keysOf.get(deps);
  if (!k) {
    const master = loadMasterSecret({ secret: deps.config.secret, dataDir: deps.config.dataDir });
    k = { signer: createSigner(master, 'points spend code'), hash: createKeyedHash(master, 'points spend code') };
    keysOf.set(deps, k);
  }
  return k;
}

export type ResolvedCode = { regionId: number; memberId: number; nonce: string; expiresAt: Date };

/** Mints a fresh code for the signed-in member (valid SPEND_CODE_SECONDS). */
export async function mintSpendCode(
  deps: Deps,
  member: Pick<MemberPrincipal, 'memberId' | 'regionId'>,
  now = new Date(),
): Promise<SpendCode> {
  const { signer, hash } = keys(deps);
  const nonce = randomBytes(12).toString('base64url');
  const expires = Math.floor(now.getTime() / 1000) + SPEND_CODE_SECONDS;
  const expiresAt = new Date(expires * 1000).toISOString();
  for (let attempt = 0; ; attempt++) {
    const shortCode = String(randomInt(10_000_000, 100_000_000));
    const codeHash = hash(shortCode);
    // A typed code names one live code: draw again in the rare case another live code has it.
    const clash = await deps.db
      .selectFrom('points_spend_code')
      .select('id')
      .where('code_hash', '=', codeHash)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    if (clash && attempt < 5) continue;
    await deps.db
      .insertInto('points_spend_code')
      .values({ region_id: member.regionId, member_id: member.memberId, nonce, code_hash: codeHash, expires_at: expiresAt })
      .execute();
    return { token: signer.sign({ p: 'spend', m: member.memberId, r: member.regionId, n: nonce, e: expires }), shortCode, expiresAt };
  }
}

/** Who a code names, expired or not (a retry of a charge made in time is answered after expiry); unknown: refused. */
export async function resolveSpendCode(deps: Deps, db: Executor, code: string): Promise<ResolvedCode> {
  const { signer, hash } = keys(deps);
  const typed = code.replace(/\s+/g, '');
  if (SHORT_CODE_PATTERN.test(typed)) {
    const row = await db
      .selectFrom('points_spend_code')
      .select(['region_id', 'member_id', 'nonce', 'expires_at'])
      .where('code_hash', '=', hash(typed))
      .where(sql<boolean>`expires_at > now() - interval '1 day'`)
      .orderBy('expires_at', 'desc')
      .executeTakeFirst();
    if (!row) throw new AppError('POINTS_CODE_INVALID');
    return { regionId: row.region_id, memberId: row.member_id, nonce: row.nonce, expiresAt: new Date(row.expires_at) };
  }
  const p = signer.verify(code.trim());
  if (!p || p.p !== 'spend' || typeof p.m !== 'number' || typeof p.r !== 'number' || typeof p.n !== 'string' || typeof p.e !== 'number')
    throw new AppError('POINTS_CODE_INVALID');
  return { regionId: p.r, memberId: p.m, nonce: p.n, expiresAt: new Date(p.e * 1000) };
}

/** Forgets codes expired for a day (the hourly sweep may call it). */
export async function deleteOldSpendCodes(db: Executor): Promise<number> {
  const r = await db
    .deleteFrom('points_spend_code')
    .where(sql<boolean>`expires_at < now() - interval '1 day'`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
