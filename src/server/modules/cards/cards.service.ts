import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import { maskName, parsePhone } from '../../../common/identity.js';
import type { CardToken, CardVerifyResult } from '../../../common/members.js';
import type { Actor } from '../../auth/scope.js';
import { recordWrite } from '../audit/audit.service.js';
import { findMemberFor, reissueCard, revokeCard, findCardHolder } from '../members/members.service.js';
import { memberIdForApplicant } from '../applications/applications.service.js';
import { phoneProblemError } from '../../../common/identity-errors.js';

/**
 * A member card is shown as a QR code holding a signed token: member id, card version and an expiry a few
 * minutes ahead. Revoking or re-issuing raises the version, so older tokens stop verifying at once.
 */
async function tokenFor(deps: Deps, memberId: number): Promise<CardToken> {
  const card = await findCardHolder(deps.db, memberId);
  if (!card || card.status !== 'member' || card.card_status !== 'active' || !card.card_no) throw new AppError('CARD_NOT_ACTIVE');
  const expires = Math.floor(Date.now() / 1000) + deps.config.cardTokenSeconds;
  return {
    token: deps.cardSigner.sign({ m: memberId, v: card.card_version, e: expires }),
    expiresAt: new Date(expires * 1000).toISOString(),
    cardNo: card.card_no,
  };
}

/** A cadre shows a member's card (e.g. to print it). */
export async function cardTokenForCadre(deps: Deps, actor: Actor, memberId: number): Promise<CardToken> {
  await findMemberFor(deps.db, actor, 'member.read', memberId);
  return tokenFor(deps, memberId);
}

/** The worker's own card, opened with the tracking code of their application and their phone number. */
export async function cardTokenForApplicant(deps: Deps, trackingCode: string, phone: string): Promise<CardToken> {
  const parsed = parsePhone(phone);
  if (!parsed.ok) throw phoneProblemError(parsed.problem);
  const memberId = await memberIdForApplicant(deps, trackingCode, deps.cipher.blindIndex('phone', parsed.phone));
  return tokenFor(deps, memberId);
}

/** For whoever grants a benefit: valid or not, with a masked name and nothing more. */
export async function verifyCard(db: Kysely<DB>, deps: Deps, token: string): Promise<CardVerifyResult> {
  const payload = deps.cardSigner.verify(token);
  if (!payload || typeof payload.m !== 'number' || typeof payload.v !== 'number' || typeof payload.e !== 'number') return { valid: false };
  if (payload.e < Math.floor(Date.now() / 1000)) return { valid: false };
  const card = await findCardHolder(db, payload.m);
  if (!card || card.status !== 'member' || card.card_status !== 'active' || card.card_version !== payload.v) return { valid: false };
  return { valid: true, maskedName: maskName(card.name) };
}

export async function revokeMemberCard(deps: Deps, actor: Actor, memberId: number): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const member = await findMemberFor(tx, actor, 'member.write', memberId, true);
    if (member.card_status !== 'active') throw new AppError('CARD_NOT_ACTIVE');
    await revokeCard(tx, memberId);
    await recordWrite(tx, actor, 'card.revoke', { type: 'member', id: memberId, orgPath: member.org_path }, { cardNo: member.card_no });
  });
}

export async function reissueMemberCard(deps: Deps, actor: Actor, memberId: number): Promise<CardToken> {
  await deps.db.transaction().execute(async (tx) => {
    const member = await findMemberFor(tx, actor, 'member.write', memberId, true);
    if (member.status !== 'member') throw new AppError('MEMBER_NOT_ACTIVE');
    const cardNo = await reissueCard(tx, memberId);
    await recordWrite(
      tx,
      actor,
      'card.reissue',
      { type: 'member', id: memberId, orgPath: member.org_path },
      { oldCardNo: member.card_no, cardNo },
    );
  });
  return tokenFor(deps, memberId);
}
