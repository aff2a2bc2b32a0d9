import { randomBytes, randomInt } from 'node:crypto';
import type { Deps } from '../../deps.js';
import type { OtpChallengeTable } from '../../db/schema.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/otp.errors.js';
import { OTP_LENGTH, type CodeChallenge } from '../../../common/portal.js';
import { insertAudit } from '../../audit/audit.store.js';
import * as repo from './otp.repo.js';

/** A code lives five minutes and allows five tries. */
export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_TRIES = 5;
/** The least time between two codes to one phone. */
const OTP_MIN_GAP_SECONDS = 60;

export type CodeTarget = {
  /** Where the code goes: the phone on the member's record, decrypted; null when nobody gets a code. */
  member: { id: number; regionId: number; orgPath: string; phone: string } | null;
  purpose: OtpChallengeTable['purpose'];
  /** The thing the code is for (a transfer), so a code for one cannot be used for another. */
  subjectId: number | null;
  /** The blind index of the phone the code was asked for: what the per-phone limit counts. */
  phoneBidx: string;
  ip: string;
};

/** Challenge ids carry the region, so the look-up that checks a code goes to one shard. */
function parseChallengeId(challengeId: string): { regionId: number; id: string } | null {
  const match = /^(\d{1,18})\.([A-Za-z0-9_-]{22})$/.exec(challengeId);
  return match ? { regionId: Number(match[1]), id: challengeId } : null;
}

const messageText = {
  sign_in: {
    zh: (code: string) => `【工会】您的会员登录验证码为 ${code}，5 分钟内有效。请勿告诉他人，工会工作人员不会向您索要验证码。`,
    en: (code: string) =>
      `[Trade union] Your member sign-in code is ${code}, valid for 5 minutes. Tell nobody: union staff never ask for it.`,
  },
  transfer_consent: {
    zh: (code: string) => `【工会】您正在同意会籍转移，验证码为 ${code}，5 分钟内有效。如非本人操作，请勿告诉他人并联系所在工会。`,
    en: (code: string) =>
      `[Trade union] You are consenting to a membership transfer; the code is ${code}, valid for 5 minutes. If this is not you, tell nobody and call your union.`,
  },
} as const;

/**
 * Issues a one-time code. The answer is the same whether or not a member stands behind the request (a challenge is
 * recorded either way, and counted by the same limits), so it cannot be used to test who is a member. Only a member's
 * phone on record ever receives a code; only an HMAC of the code is stored.
 */
export async function issueCode(deps: Deps, target: CodeTarget): Promise<CodeChallenge> {
  const { config } = deps;
  const recent = await repo.recentChallenges(deps.db, target.phoneBidx, target.ip, target.purpose);
  const tooOften =
    recent.phone_hour >= config.otpPerPhonePerHour ||
    recent.ip_hour >= config.otpPerIpPerHour ||
    (recent.last_age !== null && recent.last_age < OTP_MIN_GAP_SECONDS);
  if (tooOften) {
    await insertAudit(deps.db, {
      userId: null,
      username: null,
      action: 'otp.send',
      targetType: target.member ? 'member' : undefined,
      targetId: target.member?.id,
      orgPath: target.member?.orgPath ?? null,
      result: 'denied',
      ip: target.ip,
      detail: { reason: 'rate_limited', purpose: target.purpose },
    });
    throw new AppError('OTP_TOO_MANY', { minutes: recent.last_age !== null && recent.last_age < OTP_MIN_GAP_SECONDS ? 1 : 60 });
  }
  const regionId = target.member?.regionId ?? 0;
  const id = `${regionId}.${randomBytes(16).toString('base64url')}`;
  const code = String(randomInt(10 ** OTP_LENGTH)).padStart(OTP_LENGTH, '0');
  const expiresAt = new Date(Date.now() + OTP_TTL_SECONDS * 1000).toISOString();
  await deps.db.transaction().execute(async (tx) => {
    await repo.insertChallenge(tx, {
      region_id: regionId,
      id,
      purpose: target.purpose,
      member_id: target.member?.id ?? null,
      subject_id: target.subjectId,
      phone_bidx: target.phoneBidx,
      code_hash: deps.codeHash(`${id}:${code}`),
      ip: target.ip,
      expires_at: expiresAt,
    });
    if (target.member) {
      const text = messageText[target.purpose];
      await deps.messages.send(tx, {
        phone: target.member.phone,
        regionId,
        purpose: target.purpose === 'sign_in' ? 'sign_in_code' : 'consent_code',
        zh: text.zh(code),
        en: text.en(code),
      });
    }
    await insertAudit(tx, {
      userId: null,
      username: null,
      action: 'otp.send',
      targetType: target.member ? 'member' : undefined,
      targetId: target.member?.id,
      orgPath: target.member?.orgPath ?? null,
      result: target.member ? 'ok' : 'denied',
      ip: target.ip,
      detail: { purpose: target.purpose, ...(target.member ? {} : { reason: 'no_member_with_this_phone' }) },
    });
  });
  return { challengeId: id, expiresAt };
}

/**
 * Checks a code and uses it up; returns the member it proves (region and id). Every failure (wrong, expired, used, unknown, or a
 * challenge nobody stands behind) gets the same answer, and a wrong try is counted and audited before answering.
 * Call it outside a transaction: the failed try must stay recorded when the answer is an error.
 */
export async function verifyCode(
  deps: Deps,
  answer: { challengeId: string; code: string; purpose: OtpChallengeTable['purpose']; subjectId: number | null; ip: string },
): Promise<{ region_id: number; id: number }> {
  const parsed = parseChallengeId(answer.challengeId);
  if (parsed) {
    const used = await repo.consumeChallenge(deps.db, {
      ...parsed,
      codeHash: deps.codeHash(`${answer.challengeId}:${answer.code}`),
      purpose: answer.purpose,
      subjectId: answer.subjectId,
      maxTries: OTP_MAX_TRIES,
    });
    if (used?.member_id) return { region_id: parsed.regionId, id: used.member_id };
  }
  const tried = parsed ? await repo.countFailedTry(deps.db, parsed.regionId, parsed.id, OTP_MAX_TRIES) : undefined;
  await insertAudit(deps.db, {
    userId: null,
    username: null,
    action: 'otp.verify',
    targetType: tried?.member_id ? 'member' : undefined,
    targetId: tried?.member_id ?? undefined,
    result: 'denied',
    ip: answer.ip,
    detail: { purpose: answer.purpose, attempts: tried?.attempts ?? null },
  });
  throw new AppError('OTP_INVALID');
}
