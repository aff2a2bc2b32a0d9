import type { Action } from '../common/auth.js';
import type { Executor } from './db/executor.js';
import type { OrgScope } from './auth/scope.js';

/**
 * One kind of thing that waits for a cadre (待审核 applications, 待确认 transfers, failed imports …), counted for the
 * 工作台 and the menu badges. A module registers its sources from its route module (`deps.todos.register(...)`), as it
 * subscribes to events: the workbench knows no module. The web module names the key's label and link.
 */
export type TodoSource = {
  /** Stable key shared with the web (`applications.pending`); the web module's `todos` entry gives label and link. */
  key: string;
  /** The permission that makes these items the caller's to act on; callers without it have no count. */
  action: Action;
  /**
   * How many items wait inside `scope`, counting at most `cap` (stop early: `LIMIT cap` in a subquery). The SQL puts
   * `inScope(scope, …)` in its WHERE and should be served by an index (a partial one on the waiting state).
   */
  count: (db: Executor, scope: OrgScope, cap: number) => Promise<number>;
};

export type TodoRegistry = {
  /** Adds a source; the answer removes it (an app that closes leaves none behind on shared deps). A key is taken once. */
  register(source: TodoSource): () => void;
  /** Every registered source, in order of registration. */
  sources(): readonly TodoSource[];
};

export function createTodoRegistry(): TodoRegistry {
  const list: TodoSource[] = [];
  return {
    register(source) {
      if (list.some((s) => s.key === source.key)) throw new Error(`To-do source ${source.key} is registered twice`);
      list.push(source);
      return () => {
        const at = list.indexOf(source);
        if (at >= 0) list.splice(at, 1);
      };
    },
    sources: () => [...list],
  };
}
