import { Alert, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { MemberGate } from '../../app/MemberGate.js';
import { PublicLayout } from '../join/PublicLayout.js';

type Props = {
  /** The page's name, in the red bar (leading back to `to`) and as its title. */
  title: string;
  to: string;
  /** The sibling member page linked at the foot (events ↔ training). */
  other: { label: string; to: string; testId: string };
  children: ReactNode;
};

/**
 * The shell of the member's events and training pages on the phone: the red bar with the page's name and the
 * language switch, the member gate, and the link to the sibling page at the foot.
 */
export function MemberPhonePage({ title, to, other, children }: Props) {
  return (
    <PublicLayout title={title} brand={{ label: title, to }}>
      <MemberGate>{children}</MemberGate>
      <p className="public-footer-link">
        <Link to={other.to} data-testid={other.testId}>
          {other.label}
        </Link>
      </p>
    </PublicLayout>
  );
}

/** What a member list shows before its data is there: the failure if loading failed, else the loading skeleton. */
export function NotLoaded({ failure }: { failure: string | null }) {
  return failure ? <Alert type="error" showIcon message={failure} /> : <Skeleton active />;
}
