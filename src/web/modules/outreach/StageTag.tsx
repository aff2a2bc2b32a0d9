import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnionisationStage } from '../../../common/outreach.js';

export const STAGE_COLORS: Record<UnionisationStage, string> = {
  none: 'default',
  contacted: 'blue',
  persuaded: 'cyan',
  preparing: 'gold',
  established: 'green',
};

/** 建会进度 of an employer. */
export function StageTag({ stage }: { stage: UnionisationStage }) {
  const { t } = useTranslation();
  return <Tag color={STAGE_COLORS[stage]}>{t(`stage.${stage}`)}</Tag>;
}
