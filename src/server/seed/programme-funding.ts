import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { accountKinds } from '../../common/points.js';
import { regionOfPath } from '../auth/tree.js';
import { accountFor, transfer } from '../modules/points/points.ledger.js';
import { insertProgramme, type ProgrammeValues } from '../modules/points/programmes.repo.js';

/** The seed's budget booking of a programme: a fixed key, so a second run books nothing. */
export type SeedFunding = { key: string; amount: number; reason: string };

/**
 * Opens a demo points programme of an org with its book's system accounts and funds its budget from issuance, in the
 * caller's transaction (the caller has checked the programme is not there yet). Returns the programme's id.
 */
export async function openFundedProgramme(
  tx: Transaction<DB>,
  owner: { id: number; path: string },
  values: ProgrammeValues,
  funding: SeedFunding,
): Promise<number> {
  const region = regionOfPath(owner.path);
  const id = await insertProgramme(tx, { ...values, orgId: owner.id, orgPath: owner.path, regionId: region });
  const book = { region, programmeId: id };
  for (const kind of accountKinds) if (kind !== 'member' && kind !== 'merchant') await accountFor(tx, book, { kind });
  const issuance = await accountFor(tx, book, { kind: 'issuance' });
  const budget = await accountFor(tx, book, { kind: 'budget' });
  await transfer(tx, {
    key: funding.key,
    book,
    kind: 'fund',
    debitAccountId: issuance,
    creditAccountId: budget,
    amount: funding.amount,
    reason: funding.reason,
  });
  return id;
}
