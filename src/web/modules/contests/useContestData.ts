import { useEffect, useState } from 'react';
import type { Assignments, Judge } from '../../../common/contests.js';
import { useNotify } from '../../app/notify.js';
import { contestsApi } from './contests.api.js';

/** A contest's judges and its assignment table (with each sheet's status), reloaded when `version` moves. */
export function usePanels(contestId: number, version = 0): { judges: Judge[] | null; assignments: Assignments | null } {
  const notify = useNotify();
  const [judges, setJudges] = useState<Judge[] | null>(null);
  const [assignments, setAssignments] = useState<Assignments | null>(null);
  useEffect(() => {
    contestsApi
      .judges(contestId)
      .then((r) => setJudges(r.items))
      .catch(notify.error);
    contestsApi.assignments(contestId).then(setAssignments).catch(notify.error);
  }, [contestId, version, notify]);
  return { judges, assignments };
}
