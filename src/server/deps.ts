import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import type { Config } from './config.js';
import type { Database, Engine } from './db/client.js';
import { createKeyedHash, createPiiCipher, loadMasterSecret, type PiiCipher } from './crypto/pii.js';
import { createSigner, type Signer } from './crypto/tokens.js';
import { createFileSealer, type FileSealer } from './crypto/sealed-file.js';
import { AppError } from '../common/errors.js';
import { createEventBus, type EventBus } from './events.js';
import { createTodoRegistry, type TodoRegistry } from './todos.js';
import { createMessageSender, silentLog, type MessageLog, type MessageSender } from './messaging/sender.js';
import type { DemoStatus } from '../common/demo.js';

/** The HTTP server's load as the background demo loader sees it (`lastRequestAt` on the performance.now() clock). */
export type HttpActivity = { inFlight: () => number; lastRequestAt: () => number };

/**
 * What route modules hand to their services: the database, the settings, the personal-data cipher, the card signer,
 * the keyed hash of one-time codes, the text-message sender, and the sealer of files that hold personal data (roster
 * uploads, import error files), and the in-process event bus modules tell each other outcomes on.
 */
export type Deps = {
  db: Kysely<DB>;
  /** Which database engine runs (`pglite` embedded or a `postgres` server). */
  engine: Engine;
  config: Config;
  cipher: PiiCipher;
  cardSigner: Signer;
  codeHash: (value: string) => string;
  messages: MessageSender;
  files: FileSealer;
  events: EventBus;
  /** What waits for cadres (工作台, menu badges): each module registers its sources from its route module. */
  todos: TodoRegistry;
  /** The background demo loader's progress (main.ts writes it, GET /api/public/demo-status reads it). */
  demoStatus: DemoStatus;
  /** HTTP requests being answered now and when the last one came: the demo loader gives way to them. */
  http: HttpActivity;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** What the route modules of this app were given (the CLI and main.ts reuse it). */
    deps: Deps;
  }
}

/**
 * Records the key's fingerprint on first use and refuses a different key afterwards: with the wrong key every
 * blind index misses (people would be written twice) and no stored ID number could be read.
 */
export async function checkPiiKey(db: Kysely<DB>, cipher: PiiCipher): Promise<void> {
  const fingerprint = cipher.fingerprint();
  await db
    .insertInto('app_setting')
    .values({ key: 'pii_key_check', value: fingerprint })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await db.selectFrom('app_setting').select('value').where('key', '=', 'pii_key_check').executeTakeFirstOrThrow();
  if (stored.value !== fingerprint) throw new AppError('SECRET_MISMATCH');
}

/**
 * A route module: registers its routes (and, if it listens to other modules' events, its listeners) on the app.
 * `app.ts` holds the one list of them.
 */
export type RouteModule = (app: FastifyInstance, deps: Deps) => void | Promise<void>;

export function createDeps(
  database: Pick<Database, 'db' | 'engine'>,
  config: Config,
  log: MessageLog = silentLog,
  http: HttpActivity = { inFlight: () => 0, lastRequestAt: () => Number.NEGATIVE_INFINITY },
): Deps {
  const { db, engine } = database;
  const master = loadMasterSecret({ secret: config.secret, dataDir: config.dataDir });
  const cipher = createPiiCipher(master);
  return {
    db,
    engine,
    config,
    cipher,
    cardSigner: createSigner(master, 'card'),
    codeHash: createKeyedHash(master, 'one-time code'),
    messages: createMessageSender(config, cipher, log),
    files: createFileSealer(master),
    events: createEventBus(),
    todos: createTodoRegistry(),
    demoStatus: { loading: false, percent: 100 },
    http,
  };
}
