import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';

/**
 * Kysely dialect for PGlite with a connection lock.
 *
 * PGlite is one PostgreSQL session. kysely-pglite hands that session to every caller at once, so two
 * requests' transactions would interleave (request B's insert landing inside request A's BEGIN…ROLLBACK).
 * Here a connection is held exclusively from acquire to release, which is what Kysely's transaction
 * handling assumes of a pool of one.
 */
export class LockedPGliteDialect implements Dialect {
  constructor(private readonly client: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new LockedPGliteDriver(this.client);
  }
  createIntrospector(db: Parameters<Dialect['createIntrospector']>[0]) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** The real one, taken at load: a test that fakes timers must not stop the database. */
const nextTurn = globalThis.setImmediate;

class LockedPGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  /** Callers waiting for the connection, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private isHeld = false;
  private isHandingOver = false;

  constructor(client: PGlite) {
    this.connection = new PGliteConnection(client);
  }
  async init(): Promise<void> {}

  /**
   * The connection goes to the next caller in a later turn of the event loop, one caller per turn. PGlite runs a
   * query on this thread without yielding, so a request's queries would otherwise run back to back with every other
   * request read in the same turn: a turn of 50 busy connections took half a second, and since libuv accepts one new
   * connection per turn (libuv#3696), a client connecting then waited seconds to be read (the member list's p99 of
   * 6 s with 50 connections at 85 req/s, issue #16). Between two queries the loop now accepts, reads and writes.
   */
  async acquireConnection(): Promise<DatabaseConnection> {
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.handOver();
    });
    return this.connection;
  }
  async releaseConnection(): Promise<void> {
    this.isHeld = false;
    this.handOver();
  }
  private handOver(): void {
    if (this.isHeld || this.isHandingOver || this.waiting.length === 0) return;
    this.isHandingOver = true;
    nextTurn(() => {
      this.isHandingOver = false;
      const next = this.waiting.shift();
      if (!next) return;
      this.isHeld = true;
      next();
    });
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async destroy(): Promise<void> {}
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(query.sql, [...query.parameters]);
    const affected = result.affectedRows;
    return {
      rows: result.rows,
      ...(affected !== undefined && query.query.kind !== 'SelectQueryNode' ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite does not stream; page with keyset queries instead');
  }
}
