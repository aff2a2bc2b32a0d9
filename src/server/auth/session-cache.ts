import type { Actor } from './scope.js';

/** A resolved session without the request's own facts (the IP is the caller's of each request). */
export type ResolvedSession = Omit<Actor, 'ip'>;

type Entry = { session: ResolvedSession; until: number };
type Cache = { entries: Map<string, Entry>; generation: number };

/** Enough for every open console of a city; the oldest entry makes room beyond it. */
const MAX_ENTRIES = 10_000;

// One cache per database: test processes open many, and a template may give two of them the same rows.
const caches = new WeakMap<object, Cache>();

function cacheOf(db: object): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The session and grants behind a session id hash, looked up at most once per `seconds` (issue #16: the session and
 * grant queries were two of every request's queries). Whatever this process changes about sessions, accounts or
 * grants calls `forgetResolvedSessions` after its transaction commits, so a logout, a revoked grant or a password
 * change here takes effect at once; a change made elsewhere (another process, a session expiring) within `seconds`.
 * A look-up that was under way when the cache was emptied is not kept: it may have read the rows before the change.
 */
export async function resolveCached(
  db: object,
  idHash: string,
  seconds: number,
  load: () => Promise<ResolvedSession | undefined>,
): Promise<ResolvedSession | undefined> {
  if (seconds <= 0) return load();
  const cache = cacheOf(db);
  const now = performance.now();
  const hit = cache.entries.get(idHash);
  if (hit && hit.until > now) return hit.session;
  const generation = cache.generation;
  const session = await load();
  if (cache.generation !== generation) return session;
  cache.entries.delete(idHash);
  // Unknown or expired sessions are not kept: a session signed in a moment later must be found.
  if (session) {
    if (cache.entries.size >= MAX_ENTRIES) {
      const oldest = cache.entries.keys().next();
      if (!oldest.done) cache.entries.delete(oldest.value);
    }
    cache.entries.set(idHash, { session, until: now + seconds * 1000 });
  }
  return session;
}

/** Empties the session cache of a database: after any committed change of sessions, accounts or grants. */
export function forgetResolvedSessions(db: object): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.entries.clear();
  cache.generation += 1;
}
