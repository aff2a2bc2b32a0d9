/**
 * What must hold of every points book, checked in SQL over the whole ledger: the hammer, the model test and the
 * ledger tests assert that this finds nothing. Each finding names the broken rule and the rows.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/executor.js';

export type BookFinding = { rule: string; detail: string };

export async function checkBooks(db: Executor): Promise<BookFinding[]> {
  const findings: BookFinding[] = [];
  const add = (rule: string, rows: Record<string, unknown>[]) => {
    for (const r of rows) findings.push({ rule, detail: JSON.stringify(r) });
  };

  const overdrawn = await sql<Record<string, unknown>>`
    SELECT region_id, id, kind, balance, pending_debits FROM points_account
    WHERE kind NOT IN ('issuance', 'clawback') AND balance - pending_debits < 0`.execute(db);
  add('no account below zero', overdrawn.rows);

  // Each account's entries, in version order, chain from zero to its balance: balance_after = previous + delta.
  const chain = await sql<Record<string, unknown>>`
    SELECT region_id, account_id, account_version, delta, balance_after, previous FROM (
      SELECT region_id, account_id, account_version, delta, balance_after,
             coalesce(lag(balance_after) OVER (PARTITION BY region_id, account_id ORDER BY account_version), 0) AS previous,
             row_number() OVER (PARTITION BY region_id, account_id ORDER BY account_version) AS n
      FROM points_entry) e
    WHERE balance_after <> previous + delta OR account_version <> n`.execute(db);
  add('entries chain', chain.rows);

  const ends = await sql<Record<string, unknown>>`
    SELECT a.region_id, a.id, a.balance, a.version, e.balance_after, e.n FROM points_account a
    LEFT JOIN LATERAL (
      SELECT count(*)::bigint AS n,
             (SELECT balance_after FROM points_entry x WHERE x.region_id = a.region_id AND x.account_id = a.id
              ORDER BY account_version DESC LIMIT 1) AS balance_after
      FROM points_entry y WHERE y.region_id = a.region_id AND y.account_id = a.id) e ON true
    WHERE a.version <> e.n OR a.balance <> coalesce(e.balance_after, 0)`.execute(db);
  add('balance is the last entry', ends.rows);

  const sums = await sql<Record<string, unknown>>`
    SELECT region_id, programme_id, sum(balance) AS balances, sum(pending_debits) AS held, sum(pending_credits) AS expected
    FROM points_account GROUP BY region_id, programme_id
    HAVING sum(balance) <> 0 OR sum(pending_debits) <> sum(pending_credits)`.execute(db);
  add('books sum to zero', sums.rows);

  const perTransfer = await sql<Record<string, unknown>>`
    SELECT region_id, transfer_id, sum(delta) AS total FROM points_entry GROUP BY region_id, transfer_id HAVING sum(delta) <> 0`.execute(
    db,
  );
  add('every transfer balances', perTransfer.rows);

  const keys = await sql<Record<string, unknown>>`
    SELECT region_id, programme_id, transfer_key, count(*) AS n FROM points_transfer
    GROUP BY region_id, programme_id, transfer_key HAVING count(*) > 1`.execute(db);
  add('one transfer per key', keys.rows);

  const reversals = await sql<Record<string, unknown>>`
    SELECT region_id, reversal_of, count(*) AS n FROM points_transfer WHERE reversal_of IS NOT NULL
    GROUP BY region_id, reversal_of HAVING count(*) > 1`.execute(db);
  add('one reversal per original', reversals.rows);

  const resolutions = await sql<Record<string, unknown>>`
    SELECT region_id, pending_id, count(*) AS n FROM points_transfer WHERE pending_id IS NOT NULL
    GROUP BY region_id, pending_id HAVING count(*) > 1`.execute(db);
  add('one post or void per hold', resolutions.rows);

  // Holds still open are exactly the accounts' pending amounts.
  const holds = await sql<Record<string, unknown>>`
    SELECT a.region_id, a.id, a.pending_debits, coalesce(h.held, 0) AS open_holds FROM points_account a
    LEFT JOIN (
      SELECT p.region_id, p.debit_account_id AS account_id, sum(p.amount) AS held FROM points_transfer p
      WHERE p.op = 'pending' AND NOT EXISTS (SELECT 1 FROM points_transfer r WHERE r.region_id = p.region_id AND r.pending_id = p.id)
      GROUP BY p.region_id, p.debit_account_id) h ON h.region_id = a.region_id AND h.account_id = a.id
    WHERE a.pending_debits <> coalesce(h.held, 0)`.execute(db);
  add('holds match open pending transfers', holds.rows);

  // A lot's remaining is its amount less its uses; a member's available points are the sum of its lots.
  const lotUses = await sql<Record<string, unknown>>`
    SELECT l.region_id, l.id, l.amount, l.remaining, coalesce(u.used, 0) AS used FROM points_lot l
    LEFT JOIN (SELECT region_id, lot_id, sum(amount) AS used FROM points_lot_use GROUP BY region_id, lot_id) u
      ON u.region_id = l.region_id AND u.lot_id = l.id
    WHERE l.remaining <> l.amount - coalesce(u.used, 0)`.execute(db);
  add('lots agree with their uses', lotUses.rows);

  const lotsVsAccount = await sql<Record<string, unknown>>`
    SELECT a.region_id, a.id, a.balance, a.pending_debits, coalesce(l.remaining, 0) AS lots FROM points_account a
    LEFT JOIN (SELECT region_id, account_id, sum(remaining) AS remaining FROM points_lot GROUP BY region_id, account_id) l
      ON l.region_id = a.region_id AND l.account_id = a.id
    WHERE a.kind = 'member' AND a.balance - a.pending_debits <> coalesce(l.remaining, 0)`.execute(db);
  add('member points are their lots', lotsVsAccount.rows);

  return findings;
}
