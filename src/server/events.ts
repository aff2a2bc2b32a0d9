import type { Executor } from './db/executor.js';

/**
 * The events modules tell each other, name → payload. Empty here: the module that emits an event declares it in its
 * own file, so a new event needs no edit of this hub:
 *
 *   declare module '../../events.js' { interface AppEvents { 'transfer.decided': TransferDecided } }
 *
 * (an interface, not a type, because only interfaces merge across declarations.)
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface AppEvents {}

export type EventName = keyof AppEvents;

/** A listener runs inside the emitter's transaction: what it writes commits or rolls back with the emitter's write. */
export type EventHandler<E extends EventName> = (tx: Executor, payload: AppEvents[E]) => Promise<void>;

export type EventBus = {
  /** Subscribes; the answer unsubscribes (an app that closes leaves no listener behind on shared deps). */
  on<E extends EventName>(event: E, handler: EventHandler<E>): () => void;
  /** Runs every listener of the event in order of subscription, one after another; a throwing listener fails the emit. */
  emit<E extends EventName>(tx: Executor, event: E, payload: AppEvents[E]): Promise<void>;
};

/**
 * The in-process event bus: a module that must tell another something emits an event instead of calling up into it
 * (transfers report their outcome; applications, which sits above transfers, listens). No queue, no retry: a
 * listener is part of the emitter's transaction.
 */
export function createEventBus(): EventBus {
  const handlers = new Map<EventName, EventHandler<never>[]>();
  return {
    on(event, handler) {
      const list = handlers.get(event) ?? [];
      list.push(handler);
      handlers.set(event, list);
      return () => {
        const at = list.indexOf(handler);
        if (at >= 0) list.splice(at, 1);
      };
    },
    async emit(tx, event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) await (handler as EventHandler<typeof event>)(tx, payload);
    },
  };
}
