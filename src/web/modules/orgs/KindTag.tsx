import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JointType, OrgKind } from '../../../common/orgs.js';

const kindColors: Record<OrgKind, string> = {
  city_federation: 'red',
  district_federation: 'volcano',
  industry_union: 'purple',
  street_federation: 'blue',
  grassroots_union: 'green',
  joint_union: 'cyan',
  branch: 'default',
};

export function KindTag({ kind, jointType }: { kind: OrgKind; jointType?: JointType | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={kindColors[kind]} data-testid="kind-tag" style={{ marginInlineEnd: 0 }}>
      {kind === 'joint_union' && jointType ? t(`org.jointKind.${jointType}`) : t(`org.kind.${kind}`)}
    </Tag>
  );
}
