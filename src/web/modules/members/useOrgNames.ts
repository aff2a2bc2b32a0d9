import { useEffect, useState } from 'react';
import type { MemberDetail } from '../../../common/members.js';
import { orgsApi } from '../orgs/orgs.api.js';

export /** Names of the unions in a member's history; one outside the caller's view stays a number. */
function useOrgNames(member: MemberDetail | null): Map<number, string> {
  const [names, setNames] = useState<Map<number, string>>(new Map());
  useEffect(() => {
    if (!member) return;
    const known = new Map([[member.orgId, member.orgName]]);
    const ids = [...new Set(member.history.flatMap((h) => [h.orgId, h.fromOrgId]))].filter(
      (id): id is number => id !== null && !known.has(id),
    );
    setNames(known);
    void Promise.all(
      ids.map((id) =>
        orgsApi.get(id).then(
          (o) => [id, o.name] as const,
          () => null,
        ),
      ),
    ).then((found) => {
      setNames(new Map([...known, ...found.filter((f): f is readonly [number, string] => f !== null)]));
    });
  }, [member]);
  return names;
}
