import { Skeleton } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { PortalMe } from '../../common/portal.js';
import { MemberSignIn } from '../modules/join/MemberSignIn.js';
import { memberApi } from '../modules/join/public.api.js';

/**
 * The members' phone pages' one door (events, training, ticket, points): the member session of /join/member, or its
 * sign-in by a code sent to the phone. The children render only once the member is known.
 */
export function MemberGate({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<PortalMe | null | undefined>(undefined);
  useEffect(() => {
    memberApi
      .me()
      .then(setMe)
      .catch(() => setMe(null));
  }, []);
  if (me === undefined) return <Skeleton active />;
  if (me === null) return <MemberSignIn onSignedIn={setMe} />;
  return <>{children}</>;
}
