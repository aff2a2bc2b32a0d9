import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordRefusal } from './audit.js';
import type { AuditEntry } from './audit.store.js';

export type RefusalEntry = Omit<AuditEntry, 'result'> & { result: 'denied' | 'failed'; code: string };

type Window = { entry: RefusalEntry; openedAt: number; lastAt: number; repeats: number; targets: Set<string> };

/** At most this many windows stay open at once; beyond it every window is closed (summaries written) early. */
const MAX_OPEN_WINDOWS = 5000;
/** Distinct target ids a summary row names, as a sample of what the repeats aimed at. */
const MAX_SAMPLE_TARGETS = 20;

export type RefusalRecorder = {
  /** Records a refused request: the first of its kind in a window at once, repeats as one summary later. */
  record(entry: RefusalEntry): Promise<void>;
  /** Closes every open window now, writing their summaries (app close; tests). */
  flush(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Aggregates refused requests before they reach the append-only audit log. Repeats of one (caller, route,
 * result code) — the caller is the user, or the IP when anonymous — within `windowSeconds` become one entry
 * written at once plus one summary `{count}` when the window closes. An anonymous IP opens at most
 * `anonymousPerWindow` windows; further refusals from it fold into one overflow window per IP, so a flood
 * from one address writes a handful of rows whatever it aims at, with every refusal still counted.
 */
export function createRefusalRecorder(
  db: Kysely<DB>,
  options: { windowSeconds: number; anonymousPerWindow: number; onError: (error: unknown) => void },
): RefusalRecorder {
  const windows = new Map<string, Window>();
  const anonymousOpen = new Map<string, number>();
  const pending = new Set<Promise<void>>();
  const windowMs = options.windowSeconds * 1000;

  const write = (entry: AuditEntry & { result: 'denied' | 'failed' }): Promise<void> => {
    const p = recordRefusal(db, entry).catch(options.onError);
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };

  const close = (key: string, w: Window): void => {
    windows.delete(key);
    if (w.entry.userId === null && w.entry.ip) {
      const left = (anonymousOpen.get(w.entry.ip) ?? 1) - 1;
      if (left > 0) anonymousOpen.set(w.entry.ip, left);
      else anonymousOpen.delete(w.entry.ip);
    }
    if (w.repeats === 0) return;
    const { code, ...entry } = w.entry;
    void write({
      ...entry,
      targetId: key.endsWith('|overflow') ? undefined : entry.targetId,
      detail: {
        ...entry.detail,
        code,
        count: w.repeats,
        repeatsOf: key.endsWith('|overflow') ? 'any' : 'first',
        firstAt: new Date(w.openedAt).toISOString(),
        lastAt: new Date(w.lastAt).toISOString(),
        ...(w.targets.size > 0 ? { targets: [...w.targets] } : {}),
      },
    });
  };

  const sweep = (now: number): void => {
    for (const [key, w] of windows) if (now - w.openedAt >= windowMs) close(key, w);
  };
  const timer = setInterval(() => sweep(Date.now()), Math.max(1000, Math.min(windowMs, 60_000)));
  timer.unref();

  const addTarget = (w: Window, target: string | number | undefined): void => {
    if (target !== undefined && w.targets.size < MAX_SAMPLE_TARGETS) w.targets.add(String(target));
  };

  return {
    async record(entry) {
      const now = Date.now();
      const caller = entry.userId === null ? `ip:${entry.ip ?? '?'}` : `user:${entry.userId}`;
      let key = `${caller}|${entry.action}|${entry.code}`;
      const open = windows.get(key);
      if (open && now - open.openedAt < windowMs) {
        open.repeats++;
        open.lastAt = now;
        addTarget(open, entry.targetId);
        return;
      }
      if (open) close(key, open);
      if (entry.userId === null && entry.ip) {
        if ((anonymousOpen.get(entry.ip) ?? 0) >= options.anonymousPerWindow) {
          key = `${caller}|overflow`;
          const overflow = windows.get(key);
          if (overflow) {
            overflow.repeats++;
            overflow.lastAt = now;
            return;
          }
          // The overflow window's own entry is its summary: nothing is written until it closes.
          windows.set(key, {
            entry: { ...entry, action: 'request.refused', detail: { ...entry.detail, rateLimited: true } },
            openedAt: now,
            lastAt: now,
            repeats: 1,
            targets: new Set(),
          });
          anonymousOpen.set(entry.ip, (anonymousOpen.get(entry.ip) ?? 0) + 1);
          return;
        }
        anonymousOpen.set(entry.ip, (anonymousOpen.get(entry.ip) ?? 0) + 1);
      }
      if (windows.size >= MAX_OPEN_WINDOWS) for (const [k, w] of windows) close(k, w);
      windows.set(key, { entry, openedAt: now, lastAt: now, repeats: 0, targets: new Set() });
      const { code, ...first } = entry;
      await write({ ...first, detail: { ...entry.detail, code } });
    },
    async flush() {
      for (const [key, w] of windows) close(key, w);
      while (pending.size > 0) await Promise.all([...pending]);
    },
    async stop() {
      clearInterval(timer);
      await this.flush();
    },
  };
}
