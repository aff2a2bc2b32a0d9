import type { Deps } from '../../deps.js';
import type { Config } from '../../config.js';
import { AppError } from '../../../common/errors.js';
import '../../../common/otp.errors.js';
import '../../../common/portal.errors.js';
import { parseIdNumber, parsePhone } from '../../../common/identity.js';
import { idProblemError, phoneProblemError } from '../../../common/identity-errors.js';
import type { CodeAnswer, CodeChallenge, MemberCodeBody, PortalMe } from '../../../common/portal.js';
import { openMemberSession, type MemberPrincipal } from '../../auth/member-session.js';
import { insertAudit } from '../../audit/audit.store.js';
import { findPersonByIdIndex, phoneOnRecord } from '../members/members.service.js';
import { applicationsOfPerson } from '../applications/applications.service.js';
import { transfersOfMember } from '../transfers/transfers.service.js';
import { issueCode, verifyCode } from '../otp/otp.service.js';
import * as repo from './portal.repo.js';

/**
 * Asks for a sign-in code. The worker types their ID number and phone; a code goes to the phone on the member's
 * record only when the two belong together. The answer is the same in every case (member or not, phone matching or
 * not), so the page cannot be used to test who is a member.
 */
export async function requestSignInCode(deps: Deps, body: MemberCodeBody, ip: string): Promise<CodeChallenge> {
  const id = parseIdNumber(body.idNumber);
  if (!id.ok) throw idProblemError(id.problem);
  const phone = parsePhone(body.phone);
  if (!phone.ok) throw phoneProblemError(phone.problem);
  const phoneBidx = deps.cipher.blindIndex('phone', phone.phone);
  const person = await findPersonByIdIndex(deps.db, deps.cipher.blindIndex('id_number', id.facts.id), false);
  const onRecord = person ? await phoneOnRecord(deps.db, deps.cipher, person) : null;
  const member =
    person && onRecord === phone.phone ? { id: person.id, regionId: person.region_id, orgPath: person.org_path, phone: onRecord } : null;
  return issueCode(deps, { member, purpose: 'sign_in', subjectId: null, phoneBidx, ip });
}

/** Checks the code and opens a member session; returns the cookie value and who it is for. */
export async function signIn(deps: Deps, answer: CodeAnswer, ip: string): Promise<{ cookie: string; principal: MemberPrincipal }> {
  const proven = await verifyCode(deps, { ...answer, purpose: 'sign_in', subjectId: null, ip });
  const member = await repo.findMemberSelf(deps.db, proven);
  if (!member) throw new AppError('OTP_INVALID');
  const memberId = member.id;
  return deps.db.transaction().execute(async (tx) => {
    const principal = { memberId, regionId: member.region_id, ip };
    const cookie = await openMemberSession(tx, deps.config, principal);
    await insertAudit(tx, {
      userId: null,
      username: `member:${memberId}`,
      action: 'member.sign_in',
      targetType: 'member',
      targetId: memberId,
      orgPath: member.org_path,
      result: 'ok',
      ip,
    });
    return { cookie, principal };
  });
}

/** The signed-in member's own record: their name in full, numbers masked, their transfers and applications. */
export async function describeMemberSelf(deps: Deps, principal: MemberPrincipal): Promise<PortalMe> {
  const m = await repo.findMemberSelf(deps.db, { region_id: principal.regionId, id: principal.memberId });
  if (!m) throw new AppError('MEMBER_UNAUTHENTICATED');
  return {
    name: m.name,
    idNumberMasked: m.id_number_masked,
    phoneMasked: m.phone_masked,
    orgName: m.org_name,
    status: m.status,
    joinDate: m.join_date,
    cardNo: m.card_no,
    cardStatus: m.card_status,
    transfers: await transfersOfMember(deps.db, m),
    applications: await applicationsOfPerson(deps.db, m.id_number_bidx),
  };
}

export function memberCookieOptions(config: Config, secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies || secure,
    path: '/api/portal/',
    maxAge: config.memberSessionAbsoluteMinutes * 60,
  };
}
