import { useCallback, useEffect, useState } from 'react';
import type { Course, PlanProgress, Session, Teacher } from '../../../common/training.js';
import { useNotify } from '../../app/notify.js';
import { trainingApi } from './training.api.js';

export type TrainingData = { progress: PlanProgress['items']; courses: Course[]; sessions: Session[]; teachers: Teacher[] };

/** An org's plans with their progress for the year, its courses, sessions and teachers (null while loading). */
export function useTraining(orgId: number | undefined, year: number): { data: TrainingData | null; reload: () => void } {
  const notify = useNotify();
  const [data, setData] = useState<TrainingData | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!orgId) return;
    let isCurrent = true;
    Promise.all([trainingApi.progress(orgId, year), trainingApi.courses(orgId), trainingApi.sessions(orgId), trainingApi.teachers(orgId)])
      .then(([p, c, s, t]) => isCurrent && setData({ progress: p.items, courses: c.items, sessions: s.items, teachers: t.items }))
      .catch(notify.error);
    return () => {
      isCurrent = false;
    };
  }, [orgId, year, version, notify]);
  return { data, reload: useCallback(() => setVersion((v) => v + 1), []) };
}
