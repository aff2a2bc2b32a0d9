import { Fragment } from 'react';
import { useAuth } from '../../app/auth.js';
import { hasAccess, useRegistry } from '../../app/webModule.js';

/** The cards other modules add to the dashboard (`dashboardCards` of their web module), for the node in view. */
export function DashboardSlots({ orgId }: { orgId: number }) {
  const { dashboardCards } = useRegistry();
  const { me, can } = useAuth();
  if (!me) return null;
  return (
    <>
      {dashboardCards
        .filter((card) => hasAccess(card.access, me, can))
        .map((card) => (
          <Fragment key={card.key}>{card.render(orgId)}</Fragment>
        ))}
    </>
  );
}
