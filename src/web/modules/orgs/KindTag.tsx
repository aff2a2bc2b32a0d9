import {
  ApartmentOutlined,
  BankOutlined,
  BranchesOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ComponentType, CSSProperties } from 'react';
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

const kindIcons: Record<OrgKind, ComponentType<{ style?: CSSProperties; title?: string }>> = {
  city_federation: BankOutlined,
  district_federation: ApartmentOutlined,
  industry_union: ToolOutlined,
  street_federation: EnvironmentOutlined,
  grassroots_union: TeamOutlined,
  joint_union: ClusterOutlined,
  branch: BranchesOutlined,
};

/** The kind of an organisation as a small icon (the tree), its name in the tooltip. */
export function KindIcon({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  const Icon = kindIcons[kind];
  return (
    <span title={t(`org.kind.${kind}`)} data-testid={`kind-icon-${kind}`}>
      <Icon style={{ color: kindIconColors[kind], marginInlineEnd: 4 }} />
    </span>
  );
}

const kindIconColors: Record<OrgKind, string> = {
  city_federation: '#cf1322',
  district_federation: '#d4380d',
  industry_union: '#531dab',
  street_federation: '#0958d9',
  grassroots_union: '#389e0d',
  joint_union: '#08979c',
  branch: '#8c8c8c',
};
