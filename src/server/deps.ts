import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { Config } from './config.js';
import { createPiiCipher, loadMasterSecret, type PiiCipher } from './crypto/pii.js';
import { createSigner, type Signer } from './crypto/tokens.js';

/** What route modules hand to their services: the database, the settings, the personal-data cipher, the card signer. */
export type Deps = { db: Kysely<DB>; config: Config; cipher: PiiCipher; cardSigner: Signer };

export function createDeps(db: Kysely<DB>, config: Config): Deps {
  const master = loadMasterSecret({ secret: config.secret, dataDir: config.dataDir });
  return { db, config, cipher: createPiiCipher(master), cardSigner: createSigner(master, 'card') };
}
