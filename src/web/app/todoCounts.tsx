import { Badge } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { WorkbenchCounts, type TodoCount } from '../../common/workbench.js';
import { api, DATA_CHANGED } from './api.js';

/** The badges count again this often, and after every change the user makes. */
export const TODO_POLL_MS = 60_000;

type Counts = ReadonlyMap<string, TodoCount>;

/** Polls the counts (of the caller's scope, or inside `orgId`), again after each change; undefined until the first answer. */
export function useTodoCountsOf(orgId?: number): Counts | undefined {
  const [counts, setCounts] = useState<Counts | undefined>(undefined);
  const load = useCallback(() => {
    api
      .get('/api/workbench/counts', WorkbenchCounts, { orgId })
      .then((answer) => setCounts(new Map(answer.todos.map((t) => [t.key, t]))))
      // A badge is a hint: when its count fails the page still works, and the next poll tries again.
      .catch(() => undefined);
  }, [orgId]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, TODO_POLL_MS);
    window.addEventListener(DATA_CHANGED, load);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(DATA_CHANGED, load);
    };
  }, [load]);
  return counts;
}

const TodoCountsContext = createContext<Counts | undefined>(undefined);

/** The caller's counts for the whole console (the menu), polled once under the shell. */
export function TodoCountsProvider({ children }: { children: ReactNode }) {
  return <TodoCountsContext.Provider value={useTodoCountsOf()}>{children}</TodoCountsContext.Provider>;
}

export function useTodoCounts(): Counts | undefined {
  return useContext(TodoCountsContext);
}

/** A label with the count of a to-do key beside it (nothing when none waits). */
export function WithBadge({
  counts,
  badge,
  testId,
  children,
}: {
  counts: Counts | undefined;
  badge?: string | undefined;
  testId: string;
  children: ReactNode;
}) {
  const todo = badge ? counts?.get(badge) : undefined;
  if (!todo || todo.count === 0) return <>{children}</>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      {children}
      <Badge count={todo.capped ? `${todo.count}+` : todo.count} size="small" data-testid={`badge-${testId}`} />
    </span>
  );
}
