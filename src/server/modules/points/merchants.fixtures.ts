import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { regionOfPath } from '../../auth/tree.js';
import { accountFor, transfer, type Book } from './points.ledger.js';

/**
 * Test fixtures of the points module: a programme row with a funded budget, and points awarded to a member, written
 * straight through the ledger (the programmes' own routes belong to their module). Used by tests only.
 */
export async function programmeAt(db: Kysely<DB>, orgId: number, name = `测试积分项目${Math.random().toString(36).slice(2, 8)}`) {
  const org = await db.selectFrom('org_unit').select(['id', 'path']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('points_programme')
    .values({ org_id: org.id, org_path: org.path, region_id: regionOfPath(org.path), name, expiry_rule: 'never' })
    .returning(['id', 'region_id'])
    .executeTakeFirstOrThrow();
  const book: Book = { region: row.region_id, programmeId: row.id };
  await db.transaction().execute(async (tx) => {
    const issuance = await accountFor(tx, book, { kind: 'issuance' });
    const budget = await accountFor(tx, book, { kind: 'budget' });
    await transfer(tx, {
      key: `fund:test:${row.id}`,
      book,
      kind: 'fund',
      debitAccountId: issuance,
      creditAccountId: budget,
      amount: 1_000_000,
    });
  });
  return { id: row.id, book };
}

let serial = 0;
/** Awards `amount` points to a member in a programme's book (never expiring unless `expiresAt`). */
export async function award(db: Kysely<DB>, book: Book, memberId: number, amount: number, expiresAt: string | null = null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const budget = await accountFor(tx, book, { kind: 'budget' });
    const member = await accountFor(tx, book, { kind: 'member', memberId });
    await transfer(tx, {
      key: `award:test:${Date.now()}:${serial++}`,
      book,
      kind: 'award',
      debitAccountId: budget,
      creditAccountId: member,
      amount,
      expiresAt,
      source: 'manual',
      reason: '测试',
      memberId,
    });
  });
}

/** The member's region (for minting a spending code as their phone would). */
export async function regionOfMember(db: Kysely<DB>, memberId: number): Promise<number> {
  const row = await db.selectFrom('member').select('region_id').where('id', '=', memberId).executeTakeFirstOrThrow();
  return row.region_id;
}
