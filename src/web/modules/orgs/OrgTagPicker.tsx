import { Tag } from 'antd';
import type { OrgSearchHit } from '../../../common/orgs.js';
import { OrgSearch } from './OrgSearch.js';

type Props = {
  value: OrgSearchHit[];
  onChange: (picked: OrgSearchHit[]) => void;
  /** A node that may not be picked (e.g. the owner of the record itself). */
  excludeId?: number;
  placeholder: string;
  testId: string;
};

/** Several organisations picked by search and shown as closable tags: co-organisers of a campaign or an event. */
export function OrgTagPicker({ value, onChange, excludeId, placeholder, testId }: Props) {
  return (
    <>
      <OrgSearch
        testId={testId}
        placeholder={placeholder}
        onPick={(hit) => {
          if (hit.id !== excludeId && !value.some((o) => o.id === hit.id)) onChange([...value, hit]);
        }}
      />
      <div style={{ marginTop: 8 }}>
        {value.map((o) => (
          <Tag key={o.id} closable onClose={() => onChange(value.filter((x) => x.id !== o.id))}>
            {o.name}
          </Tag>
        ))}
      </div>
    </>
  );
}
