import type { Executor } from '../../db/executor.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../../common/errors.js';
import { admitMembers, findPeopleByIdIndexes, type Admission } from '../members/members.service.js';
import { openTransfer } from '../transfers/transfers.service.js';

/** A person offered for membership of a union, with the caller's own key for them (an application id, a roster row). */
export type Candidate<K> = { key: K; admission: Admission };

/** An active member of another union, as the transfer request (now or later) needs them. */
export type MemberElsewhere = { id: number; orgId: number; orgPath: string };

/**
 * What becomes of a member of another union. Never a silent move: either a transfer request is opened now (it moves
 * nobody without the member's consent), or the caller keeps them apart for a later request it asks in one action.
 */
export type ElsewherePolicy<K> =
  | { action: 'requestTransfer'; via: 'application' | 'roster'; requestedBy: number | null; applicationOf: (key: K) => number | null }
  | { action: 'keepApart' };

export type Enrolment<K> = {
  admitted: { key: K; memberId: number }[];
  /** Asked to transfer here (policy `requestTransfer`), in the candidates' order. */
  transferRequested: K[];
  /** Kept apart for the caller (policy `keepApart`), in the candidates' order. */
  elsewhere: { key: K; member: MemberElsewhere }[];
  /**
   * Nobody admitted twice: already a member of the receiving union, the same person earlier among the candidates,
   * or (policy `requestTransfer`) a member with a transfer already pending.
   */
  duplicates: K[];
};

/**
 * The one rule of every joining path: a member of another union is never admitted again (see `ElsewherePolicy`),
 * a member of the receiving union or a person named twice is a duplicate, and everyone else is admitted — new
 * people, and lapsed members who re-join. Runs in the caller's transaction, on the caller's batch; the caller
 * records its own audit entry and progress.
 */
export async function enrol<K>(
  tx: Executor,
  deps: Deps,
  input: { candidates: Candidate<K>[]; actorId: number | null; elsewhere: ElsewherePolicy<K> },
): Promise<Enrolment<K>> {
  const found = await findPeopleByIdIndexes(
    tx,
    input.candidates.map((c) => c.admission.person.id_number_bidx),
  );
  const people = new Map(found.map((m) => [m.id_number_bidx, m]));
  const result: Enrolment<K> = { admitted: [], transferRequested: [], elsewhere: [], duplicates: [] };
  const admitting: Candidate<K>[] = [];
  const seen = new Set<string>();
  for (const c of input.candidates) {
    const bidx = c.admission.person.id_number_bidx;
    const member = people.get(bidx);
    if (seen.has(bidx) || (member?.status === 'member' && member.org_id === c.admission.org.id)) {
      result.duplicates.push(c.key);
      continue;
    }
    seen.add(bidx);
    if (member?.status !== 'member') {
      admitting.push(c);
      continue;
    }
    const elsewhere = { regionId: member.region_id, id: member.id, orgId: member.org_id, orgPath: member.org_path };
    if (input.elsewhere.action === 'keepApart') {
      result.elsewhere.push({ key: c.key, member: elsewhere });
      continue;
    }
    try {
      await openTransfer(tx, deps, {
        member: elsewhere,
        to: c.admission.org,
        via: input.elsewhere.via,
        requestedBy: input.elsewhere.requestedBy,
        applicationId: input.elsewhere.applicationOf(c.key),
      });
      result.transferRequested.push(c.key);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'TRANSFER_PENDING')) throw error;
      result.duplicates.push(c.key);
    }
  }
  const memberIds = await admitMembers(
    tx,
    input.actorId,
    admitting.map((c) => c.admission),
    found,
  );
  result.admitted = admitting.map((c) => ({ key: c.key, memberId: memberIds.get(c.admission.person.id_number_bidx)! }));
  return result;
}
