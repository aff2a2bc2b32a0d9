import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgrammeFigures } from '../../../common/points.programmes.js';
import { formatCount } from '../../app/format.js';

const shown = ['funded', 'issued', 'spent', 'expired', 'liability', 'owed', 'budgetLeft', 'membersHolding'] as const;

/** A programme's figures: issued, spent, expired, outstanding liability, budget left, members holding points. */
export function ProgrammeFiguresCards({ figures }: { figures: ProgrammeFigures }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="programme-figures">
      {shown.map((key) => (
        <Col key={key} xs={12} md={6} xl={3}>
          <Card size="small" data-testid={`programme-figure-${key}`}>
            <Statistic title={t(`programmes.figures.${key}`)} value={formatCount(figures[key])} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
