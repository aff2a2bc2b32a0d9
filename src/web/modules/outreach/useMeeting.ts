import { useEffect, useState } from 'react';
import type { MeetingDetail } from '../../../common/outreach.js';
import { useNotify } from '../../app/notify.js';
import { outreachApi } from './outreach.api.js';

/** One meeting with the employers contacted at it; `failed` once it could not be read (not found, no access). */
export function useMeeting(id: number): { meeting: MeetingDetail | null; failed: boolean } {
  const notify = useNotify();
  const [meeting, setMeeting] = useState<MeetingDetail | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    setMeeting(null);
    setFailed(false);
    outreachApi
      .meeting(id)
      .then((m) => isCurrent && setMeeting(m))
      .catch((error: unknown) => {
        if (!isCurrent) return;
        setFailed(true);
        notify.error(error);
      });
    return () => {
      isCurrent = false;
    };
  }, [id, notify]);
  return { meeting, failed };
}

/** The address a meeting's sign-up QR code opens: the worker's join page with the meeting filled in. */
export function joinLinkOf(meetingId: number, origin = window.location.origin): string {
  return `${origin}/join?meeting=${meetingId}`;
}
