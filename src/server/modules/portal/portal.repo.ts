import type { Executor } from '../../db/executor.js';

/** A member's own record, for the member themselves (the session proved who they are). */
export async function findMemberSelf(db: Executor, member: { region_id: number; id: number }) {
  return db
    .selectFrom('member as m')
    .innerJoin('org_unit as o', 'o.id', 'm.org_id')
    .select([
      'm.region_id',
      'm.id',
      'm.name',
      'm.id_number_masked',
      'm.id_number_bidx',
      'm.phone_masked',
      'm.status',
      'm.join_date',
      'm.card_no',
      'm.card_status',
      'm.org_path',
      'o.name as org_name',
    ])
    .where('m.region_id', '=', member.region_id)
    .where('m.id', '=', member.id)
    .executeTakeFirst();
}
