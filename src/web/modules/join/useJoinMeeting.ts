import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { PublicMeeting } from '../../../common/outreach.js';
import { publicApi } from './public.api.js';

/** The outreach meeting named by `?meeting=ID` (the venue's QR code), once its public facts are read; else null. */
export function useJoinMeeting(): PublicMeeting | null {
  const [params] = useSearchParams();
  const id = Number(params.get('meeting'));
  const [meeting, setMeeting] = useState<PublicMeeting | null>(null);
  useEffect(() => {
    if (!Number.isSafeInteger(id) || id <= 0) return;
    let isCurrent = true;
    publicApi
      .meeting(id)
      .then((m) => isCurrent && setMeeting(m))
      // An unknown meeting: the worker still applies, without it.
      .catch(() => isCurrent && setMeeting(null));
    return () => {
      isCurrent = false;
    };
  }, [id]);
  return meeting;
}
