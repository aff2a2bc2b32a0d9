import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** What a repo or service function runs its SQL on: the database, or the transaction it was handed. */
export type Executor = Kysely<DB> | Transaction<DB>;
