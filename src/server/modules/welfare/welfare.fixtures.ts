import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Test fixture of the welfare module: a merchant (商户) registered by a node, written directly (the merchants' routes
 * belong to the points module). Used by welfare.test.ts, welfare.portal.test.ts and the authorization matrix only.
 */
export async function merchantAt(db: Kysely<DB>, orgId: number, name: string): Promise<number> {
  const org = await db.selectFrom('org_unit').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('points_merchant')
    .values({ org_id: orgId, org_path: org.path, name, uscc: null, contact_name: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
