import { useEffect, useState } from 'react';
import type { ImportJob } from '../../../common/imports.js';
import { useNotify } from '../../app/notify.js';
import { importsApi, isFinished } from './imports.api.js';

const POLL_MS = 1000;

/** Follows one import job: polls it every second while it is queued or running, then stops. */
export function useImportJob(initial: ImportJob | null): ImportJob | null {
  const notify = useNotify();
  const [job, setJob] = useState<ImportJob | null>(initial);
  useEffect(() => setJob(initial), [initial]);

  const id = job?.id;
  const isRunning = job !== null && !isFinished(job);
  useEffect(() => {
    if (id === undefined || !isRunning) return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      importsApi
        .get(id)
        .then((next) => isCurrent && setJob(next))
        .catch((error: unknown) => {
          if (isCurrent) notify.error(error);
        });
    }, POLL_MS);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
    // Each answer sets a new job object, which schedules the next poll.
  }, [id, isRunning, job, notify]);

  return job;
}
