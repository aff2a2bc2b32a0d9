import { useEffect, useState } from 'react';
import { useNotify } from '../../app/notify.js';

/** Loads `load()` again whenever `version` changes (a change elsewhere on the page bumps it). */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): T | null {
  const notify = useNotify();
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    let isCurrent = true;
    load()
      .then((d) => isCurrent && setData(d))
      .catch((error: unknown) => isCurrent && notify.error(error));
    return () => {
      isCurrent = false;
    };
  }, deps); // the caller names what the load depends on
  return data;
}
