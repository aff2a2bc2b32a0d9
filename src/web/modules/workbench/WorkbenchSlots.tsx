import { Fragment } from 'react';
import { useAuth } from '../../app/auth.js';
import { hasAccess, useRegistry } from '../../app/webModule.js';

/** The cards other modules add to the 工作台 (`workbenchCards` of their web module), for the caller's first node. */
export function WorkbenchSlots({ orgId }: { orgId: number }) {
  const { workbenchCards } = useRegistry();
  const { me, can } = useAuth();
  if (!me) return null;
  return (
    <>
      {workbenchCards
        .filter((card) => hasAccess(card.access, me, can))
        .map((card) => (
          <Fragment key={card.key}>{card.render(orgId)}</Fragment>
        ))}
    </>
  );
}
