import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/cards.errors.js';
import '../../../common/members.errors.js';
import { maskName } from '../../../common/identity.js';
import type { CardToken, CardVerifyResult } from '../../../common/cards.js';
import type { Actor } from '../../auth/scope.js';
import type { MemberPrincipal } from '../../auth/member-session.js';
import { recordWrite } from '../../audit/audit.js';
import { insertAudit } from '../../audit/audit.store.js';
import { findMemberFor, reissueCard, revokeCard, findCardHolder } from '../members/members.service.js';

/**
 * A member card is shown as a QR code holding a signed token: the card number (printed on the card anyway; never
 * the internal member id), the card version, the holder's region (so a verification reads one region's shard) and an
 * expiry a few minutes ahead. Revoking or re-issuing raises the
 * version, so older tokens stop verifying at once.
 */
async function tokenFor(deps: Deps, holder: Parameters<typeof findCardHolder>[1]): Promise<CardToken & { orgPath: string }> {
  const card = await findCardHolder(deps.db, holder);
  if (!card || card.status !== 'member' || card.card_status !== 'active' || !card.card_no) throw new AppError('CARD_NOT_ACTIVE');
  const expires = Math.floor(Date.now() / 1000) + deps.config.cardTokenSeconds;
  return {
    token: deps.cardSigner.sign({ c: card.card_no, v: card.card_version, r: card.region_id, e: expires }),
    expiresAt: new Date(expires * 1000).toISOString(),
    cardNo: card.card_no,
    orgPath: card.org_path,
  };
}

/** What the API answers: the token without the holder's place in the tree. */
function answer({ token, expiresAt, cardNo }: CardToken): CardToken {
  return { token, expiresAt, cardNo };
}

/**
 * A cadre shows a member's card (e.g. to print it): a cadre's action on the member's primary union, audited.
 * Read-only, finance and auditor roles, and unions holding only a secondary affiliation, cannot mint one.
 */
export async function cardTokenForCadre(deps: Deps, actor: Actor, memberId: number): Promise<CardToken> {
  const member = await findMemberFor(deps.db, actor, 'member.write', memberId);
  const token = await tokenFor(deps, member);
  await recordWrite(deps.db, actor, 'card.mint', { type: 'member', id: member.id, orgPath: member.org_path }, { cardNo: token.cardNo });
  return answer(token);
}

/** The worker's own card, on the member pages they signed in to with a code sent to the phone on their record. */
export async function cardTokenForMember(deps: Deps, member: MemberPrincipal): Promise<CardToken> {
  const token = await tokenFor(deps, member);
  await insertAudit(deps.db, {
    userId: null,
    username: `member:${member.memberId}`,
    action: 'card.mint',
    targetType: 'member',
    targetId: member.memberId,
    orgPath: token.orgPath,
    result: 'ok',
    ip: member.ip,
    detail: { cardNo: token.cardNo, by: 'member' },
  });
  return answer(token);
}

/** For whoever grants a benefit: valid or not, with a masked name and nothing more. */
export async function verifyCard(db: Kysely<DB>, deps: Deps, token: string): Promise<CardVerifyResult> {
  const payload = deps.cardSigner.verify(token);
  if (!payload || typeof payload.c !== 'string' || typeof payload.v !== 'number' || typeof payload.e !== 'number') return { valid: false };
  if (typeof payload.r !== 'number' || payload.e < Math.floor(Date.now() / 1000)) return { valid: false };
  const card = await findCardHolder(db, { regionId: payload.r, cardNo: payload.c });
  if (!card || card.status !== 'member' || card.card_status !== 'active' || card.card_version !== payload.v) return { valid: false };
  return { valid: true, maskedName: maskName(card.name) };
}

export async function revokeMemberCard(deps: Deps, actor: Actor, memberId: number): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const member = await findMemberFor(tx, actor, 'member.write', memberId, true);
    if (member.card_status !== 'active') throw new AppError('CARD_NOT_ACTIVE');
    await revokeCard(tx, member);
    await recordWrite(tx, actor, 'card.revoke', { type: 'member', id: memberId, orgPath: member.org_path }, { cardNo: member.card_no });
  });
}

export async function reissueMemberCard(deps: Deps, actor: Actor, memberId: number): Promise<CardToken> {
  const member = await deps.db.transaction().execute(async (tx) => {
    const row = await findMemberFor(tx, actor, 'member.write', memberId, true);
    if (row.status !== 'member') throw new AppError('MEMBER_NOT_ACTIVE');
    const cardNo = await reissueCard(tx, row);
    await recordWrite(
      tx,
      actor,
      'card.reissue',
      { type: 'member', id: memberId, orgPath: row.org_path },
      { oldCardNo: row.card_no, cardNo },
    );
    return row;
  });
  const token = await tokenFor(deps, member);
  await recordWrite(deps.db, actor, 'card.mint', { type: 'member', id: member.id, orgPath: member.org_path }, { cardNo: token.cardNo });
  return answer(token);
}
